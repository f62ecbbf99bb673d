import { type WechatQuery, computeMsgSignature, decryptMessage, parseXml, cdata } from '@workpiece/wechat-protocol';
import { encryptedRequest, signQuery, textMessageXml } from '@workpiece/wechat-protocol/testing';
import { randomBytes, randomInt } from 'node:crypto';
import type { TestApp } from './test-app';

/** What a test reads from an HTTP response. */
export interface HttpReply {
  /** HTTP status code. */
  status: number;
  /** The `Content-Type` header as sent. */
  contentType: string | null;
  /** The body as text. */
  body: string;
  /** All response headers. */
  headers: Headers;
}

/** When and how one delivery is signed; defaults are "now" and a fresh nonce. */
export interface Delivery {
  /** Query `timestamp` in Unix seconds. */
  timestamp?: number;
  /** Query `nonce`. */
  nonce?: string;
  /** Query values set after signing, to forge or drop them (`undefined` drops). */
  override?: Partial<Record<keyof WechatQuery, string | undefined>>;
}

/** Unix seconds now, as WeChat writes timestamps. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A fresh 10-digit nonce. */
export function newNonce(): string {
  return String(randomInt(1_000_000_000, 9_999_999_999));
}

/** A fresh 28-character openid, so each test finds its own query-log rows. */
export function newOpenid(): string {
  return `o${randomBytes(21).toString('base64url')}`;
}

/** A fresh 19-digit MsgId, larger than 2^53 like WeChat's. */
export function newMsgId(): string {
  const span = 8_000_000_000_000_000_000n;
  return String(1_000_000_000_000_000_000n + (randomBytes(8).readBigUInt64BE() % span));
}

/** A text message from `openid` to the test account, created now unless told otherwise. */
export function textMessage(
  app: TestApp,
  p: { content: string; openid: string; msgId?: string; createTime?: number },
): string {
  return textMessageXml({
    toUser: app.account.accountId,
    fromUser: p.openid,
    createTime: String(p.createTime ?? nowSeconds()),
    msgId: p.msgId ?? newMsgId(),
    content: p.content,
  });
}

/** An event (`subscribe`, `unsubscribe`, `VIEW`…) from `openid` to the test account. */
export function eventMessage(app: TestApp, p: { event: string; openid: string; createTime?: number; eventKey?: string }): string {
  return (
    '<xml>' +
    `<ToUserName>${cdata(app.account.accountId)}</ToUserName>` +
    `<FromUserName>${cdata(p.openid)}</FromUserName>` +
    `<CreateTime>${p.createTime ?? nowSeconds()}</CreateTime>` +
    `<MsgType>${cdata('event')}</MsgType>` +
    `<Event>${cdata(p.event)}</Event>` +
    (p.eventKey === undefined ? '' : `<EventKey>${cdata(p.eventKey)}</EventKey>`) +
    '</xml>'
  );
}

/** An image message from `openid` to the test account. */
export function imageMessage(app: TestApp, p: { openid: string; msgId?: string; createTime?: number }): string {
  return (
    '<xml>' +
    `<ToUserName>${cdata(app.account.accountId)}</ToUserName>` +
    `<FromUserName>${cdata(p.openid)}</FromUserName>` +
    `<CreateTime>${p.createTime ?? nowSeconds()}</CreateTime>` +
    `<MsgType>${cdata('image')}</MsgType>` +
    `<PicUrl>${cdata('http://mmbiz.qpic.cn/example.jpg')}</PicUrl>` +
    `<MediaId>${cdata('media_id_1')}</MediaId>` +
    `<MsgId>${p.msgId ?? newMsgId()}</MsgId>` +
    '</xml>'
  );
}

/** `GET /wechat` with `query` as given (nothing signed here). */
export async function getWechat(app: TestApp, query: WechatQuery): Promise<HttpReply> {
  return read(await fetch(wechatUrl(app, query)));
}

/** A plain-mode query signed with the app's token. */
export function plainQuery(app: TestApp, delivery: Delivery = {}): WechatQuery {
  const query = signQuery({
    token: app.account.token,
    timestamp: String(delivery.timestamp ?? nowSeconds()),
    nonce: delivery.nonce ?? newNonce(),
  });
  return applyOverride(query, delivery.override);
}

/** `POST /wechat` in plain mode, signed with the app's token. */
export async function postPlain(app: TestApp, body: string, delivery: Delivery = {}): Promise<HttpReply> {
  return postWechat(app, plainQuery(app, delivery), body);
}

/** `POST /wechat` in safe (or, with `compatible`, compatible) mode, encrypted and signed as WeChat does. */
export async function postEncrypted(
  app: TestApp,
  innerXml: string,
  p: Delivery & { compatible?: boolean; key?: Buffer; appId?: string } = {},
): Promise<HttpReply> {
  const { query, body } = encryptedRequest(innerXml, {
    token: app.account.token,
    timestamp: String(p.timestamp ?? nowSeconds()),
    nonce: p.nonce ?? newNonce(),
    key: p.key ?? app.account.key,
    appId: p.appId ?? app.account.appId,
    toUser: app.account.accountId,
    compatible: p.compatible,
  });
  return postWechat(app, applyOverride(query, p.override), body);
}

/** `POST /wechat` with this query and body, as they are. */
export async function postWechat(app: TestApp, query: WechatQuery, body: string): Promise<HttpReply> {
  return read(await fetch(wechatUrl(app, query), { method: 'POST', headers: { 'content-type': 'text/xml' }, body }));
}

/** A plain reply parsed back into its fields. */
export function readReply(body: string): Record<string, string> {
  return parseXml(body);
}

/** A safe-mode reply: its envelope, whether its MsgSignature holds, and the reply it decrypts to with `key`. */
export function openEncryptedReply(
  app: TestApp,
  body: string,
  key: Buffer,
): { envelope: Record<string, string>; signatureValid: boolean; reply: Record<string, string> } {
  const envelope = parseXml(body);
  const expected = computeMsgSignature(app.account.token, envelope['TimeStamp'], envelope['Nonce'], envelope['Encrypt']);
  const reply = parseXml(decryptMessage(envelope['Encrypt'], key, app.account.appId));
  return { envelope, signatureValid: expected === envelope['MsgSignature'], reply };
}

/** Sends `init` to `baseUrl + path` and reads the reply. */
export async function request(app: TestApp, path: string, init: RequestInit = {}): Promise<HttpReply> {
  return read(await fetch(app.baseUrl + path, init));
}

/** The webhook URL of `app` with this query. */
export function wechatUrl(app: TestApp, query: WechatQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') params.set(name, value);
  return `${app.baseUrl}/wechat?${params}`;
}

function applyOverride(query: WechatQuery, override: Delivery['override']): WechatQuery {
  const result: Record<string, string | undefined> = { ...query, ...override };
  for (const name of Object.keys(result)) if (result[name] === undefined) delete result[name];
  return result;
}

async function read(response: Response): Promise<HttpReply> {
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text(), headers: response.headers };
}
