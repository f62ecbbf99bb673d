import {
  type AnswerDesk,
  type AnswerOptions,
  type WorkpieceFinder,
  answerEvent,
  answerQuery,
  answerUnsupported,
} from '@workpiece/api-domain-query';
import {
  type InboundMessage,
  type WechatQuery,
  buildTextReply,
  decodeAesKey,
  dedupeKey,
  encryptReply,
  isWechatProtocolError,
  openMessage,
  verifyUrlCheck,
} from '@workpiece/wechat-protocol';
import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import type { Config } from '../config';

// A retry keeps the message's CreateTime while the query's timestamp moves on: a gap of a
// couple of seconds marks a delivery that another API process may already have answered.
const REPEAT_GAP_SECONDS = 2;

const STATUS_BY_REASON: Record<string, number> = {
  bad_signature: 401,
  stale_timestamp: 401,
  decrypt_failed: 401,
  appid_mismatch: 401,
  malformed_xml: 400,
  missing_field: 400,
  bad_aes_key: 500,
};

function queryOf(req: Request): WechatQuery {
  const q: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') q[key] = value;
  return q;
}

// res.send would hash every reply into an ETag and check the request's freshness headers; a
// webhook reply is never cached, and at the webhook's rate that work is measurable.
function sendBody(res: Response, contentType: string, body: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.end(body);
}

function answerFor(message: InboundMessage, finder: WorkpieceFinder, options: AnswerOptions) {
  switch (message.type) {
    case 'text':
      return () => answerQuery(message.content, finder, options);
    case 'event':
      return async () => answerEvent(message.event, options);
    default:
      return async () => answerUnsupported(options);
  }
}

/** `/wechat`: the Official Account's server URL. The only adapter between HTTP and the protocol. */
export function wechatRoutes(deps: {
  config: Config['wechat'];
  answers: AnswerOptions;
  desk: AnswerDesk;
  finder: WorkpieceFinder;
  now: () => number;
}): Router {
  const { config, desk, finder, now } = deps;
  const keys = config.encodingAesKeys.map(decodeAesKey);
  const verify = () => ({ token: config.token, nowMs: now(), timestampWindowSeconds: config.timestampWindowSeconds });
  const router = Router();

  router.get('/', (req, res) => {
    const echostr = verifyUrlCheck(queryOf(req), verify());
    res.type('text/plain').send(echostr);
  });

  router.post('/', express.text({ type: () => true, limit: config.bodyLimit, defaultCharset: 'utf-8' }), async (req, res) => {
    const receivedAt = now();
    const q = queryOf(req);
    const body = typeof req.body === 'string' ? req.body : '';
    const opened = openMessage(q, body, { ...verify(), appId: config.appId, keys });
    const message = opened.message;
    const answer = await desk.handle({
      channel: 'wechat',
      openid: message.fromUser,
      messageId: message.type === 'event' ? null : (message.msgId ?? null),
      dedupeKey: dedupeKey(message),
      rawContent: message.type === 'text' ? message.content : message.type === 'event' ? `[event] ${message.event}` : `[${message.msgType}]`,
      receivedAt,
      maybeRepeat: Number(q.timestamp) - Number(message.createTime) >= REPEAT_GAP_SECONDS,
      answer: answerFor(message, finder, deps.answers),
    });
    if (!answer.replyText) {
      // "success" tells WeChat: no reply, and do not retry.
      sendBody(res, 'text/plain; charset=utf-8', 'success');
      return;
    }
    let xml = buildTextReply({
      toUser: message.fromUser,
      fromUser: message.toUser,
      createTimeSeconds: Math.floor(now() / 1000),
      content: answer.replyText,
    });
    if (opened.mode !== 'plain' && config.appId) {
      xml = encryptReply(xml, {
        token: config.token,
        key: keys[opened.keyIndex ?? 0],
        appId: config.appId,
        timestamp: String(Math.floor(now() / 1000)),
        nonce: randomBytes(5).readUIntBE(0, 5).toString(),
      });
    }
    sendBody(res, 'application/xml; charset=utf-8', xml);
  });

  const refusals = new RefusalLog(now);
  const protocolErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (isWechatProtocolError(error)) {
      // A missing query parameter is a failed signature check, not a malformed body.
      const status = error.reason === 'missing_field' && /^query /.test(error.message) ? 401 : (STATUS_BY_REASON[error.reason] ?? 400);
      // WeChat shows its users only "service unavailable"; the operator needs the reason (a wrong
      // AppID, a key changed on one side only, a skewed clock) without a line per request.
      refusals.note(status, error.reason, error.message);
      res.status(status).type('text/plain').send(status === 401 ? 'invalid signature' : 'bad request');
      return;
    }
    // The body reader's own refusals (too large, an unknown charset or encoding, an aborted
    // upload) are the sender's fault: a 4xx, not a 500 with a stack trace in the log.
    if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      const tooLarge = error.status === 413;
      refusals.note(error.status, String(error.type ?? 'bad_body'), tooLarge ? `body over ${config.bodyLimit}` : String(error.message ?? ''));
      res.status(error.status).type('text/plain').send(tooLarge ? 'payload too large' : 'bad request');
      return;
    }
    next(error);
  };
  router.use(protocolErrors);
  return router;
}

/** Logs refused webhook requests, at most one line per kind a minute, with how many were alike. */
class RefusalLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly now: () => number) {}

  note(status: number, reason: string, detail: string): void {
    const kind = `${status} ${reason}`;
    const seen = this.last.get(kind);
    const now = this.now();
    if (seen && now - seen.at < 60_000) {
      seen.suppressed++;
      return;
    }
    const more = seen?.suppressed ? ` (${seen.suppressed} more like it in the last minute)` : '';
    this.last.set(kind, { at: now, suppressed: 0 });
    console.warn(`[wechat] refused a request with ${kind}: ${detail.slice(0, 200)}${more}`);
  }
}
