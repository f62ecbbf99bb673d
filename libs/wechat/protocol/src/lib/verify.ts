import { decryptWithKeys } from './crypto';
import { WechatProtocolError } from './errors';
import { type InboundMessage, toInboundMessage } from './message';
import { computeMsgSignature, computeSignature, isTimestampFresh, safeEqual } from './signature';
import { parseXml } from './xml';

/** The query string WeChat puts on every call to the configured URL. */
export interface WechatQuery {
  /** SHA-1 over token, timestamp and nonce; sent in every mode. */
  signature?: string;
  /** Unix seconds. */
  timestamp?: string;
  /** WeChat's random number. */
  nonce?: string;
  /** URL check only: the string to echo back. */
  echostr?: string;
  /** `aes` in compatible and safe modes; absent or `raw` in plain mode. */
  encrypt_type?: string;
  /** SHA-1 over token, timestamp, nonce and `<Encrypt>`; sent with `encrypt_type=aes`. */
  msg_signature?: string;
  /** The sender's openid; not covered by any signature. */
  openid?: string;
}

/** What every check needs: the shared token, the current time and the accepted clock skew. */
export interface VerifyOptions {
  /** The Token configured on the WeChat platform. */
  token: string;
  /** The current time in milliseconds, passed in so the library never reads the clock. */
  nowMs: number;
  /** Accepted distance between `timestamp` and now, in seconds; 0 turns the check off. */
  timestampWindowSeconds: number;
}

/** How the account's message encryption is set: plain, compatible (plain fields plus Encrypt) or safe (Encrypt only). */
export type Mode = 'plain' | 'compatible' | 'safe';

/** A verified, decrypted and parsed inbound message. */
export interface OpenedMessage {
  /** The mode the request arrived in; reply encrypted when it is not `plain`. */
  mode: Mode;
  /** The message itself, from the decrypted XML in compatible and safe modes. */
  message: InboundMessage;
  /** Which of `keys` decrypted it (0 current, 1 previous); reply with the same key. Absent in plain mode. */
  keyIndex?: number;
}

/** Answers the `GET` URL check: returns `echostr` when the signature holds and the timestamp is fresh, else throws. */
export function verifyUrlCheck(q: WechatQuery, o: VerifyOptions): string {
  assertToken(o.token);
  const timestamp = requiredParam(q.timestamp, 'timestamp');
  const nonce = requiredParam(q.nonce, 'nonce');
  const signature = requiredParam(q.signature, 'signature');
  const echostr = requiredParam(q.echostr, 'echostr');
  checkSignature(computeSignature(o.token, timestamp, nonce), signature, 'signature');
  checkFresh(timestamp, o);
  return echostr;
}

/**
 * Verifies a `POST` and returns its message: checks `signature` (required in plain mode) and the timestamp before
 * reading the body, then in `encrypt_type=aes` checks `msg_signature`, decrypts with `keys` in order and checks `appId`.
 */
export function openMessage(
  q: WechatQuery,
  body: string,
  o: VerifyOptions & { appId?: string; keys?: Buffer[] },
): OpenedMessage {
  assertToken(o.token);
  const timestamp = requiredParam(q.timestamp, 'timestamp');
  const nonce = requiredParam(q.nonce, 'nonce');
  const encrypted = isEncrypted(q.encrypt_type);
  if (!encrypted) requiredParam(q.signature, 'signature');
  const msgSignature = encrypted ? requiredParam(q.msg_signature, 'msg_signature') : undefined;
  // Everything that needs only the query runs first, so a forged request costs a hash, not a parse.
  if (q.signature !== undefined) checkSignature(computeSignature(o.token, timestamp, nonce), q.signature, 'signature');
  checkFresh(timestamp, o);

  if (msgSignature === undefined) {
    return { mode: 'plain', message: toInboundMessage(parseXml(body)) };
  }

  if (!o.appId || !o.keys || o.keys.length === 0) {
    // A setup error, not a bad request: a plain Error lets the adapter answer 500 and page someone.
    throw new Error('openMessage: encrypt_type=aes needs appId and at least one AES key');
  }
  const outer = parseXml(body);
  const encrypt = requiredField(outer, 'Encrypt');
  checkSignature(computeMsgSignature(o.token, timestamp, nonce, encrypt), msgSignature, 'msg_signature');
  const { xml, keyIndex } = decryptWithKeys(encrypt, o.keys, o.appId);
  const message = toInboundMessage(parseXml(xml));
  return { mode: Object.hasOwn(outer, 'MsgType') ? 'compatible' : 'safe', message, keyIndex };
}

function isEncrypted(encryptType: string | undefined): boolean {
  if (encryptType === undefined || encryptType === '' || encryptType === 'raw') return false;
  if (encryptType === 'aes') return true;
  // An unknown scheme must not fall back to plain: that would accept a body nobody authenticated as encrypted.
  throw new WechatProtocolError('missing_field', 'unsupported encrypt_type');
}

function checkSignature(expected: string, given: string, name: string): void {
  if (!safeEqual(expected, given)) throw new WechatProtocolError('bad_signature', `${name} does not match`);
}

function checkFresh(timestamp: string, o: VerifyOptions): void {
  if (!isTimestampFresh(timestamp, o.nowMs, o.timestampWindowSeconds)) {
    throw new WechatProtocolError('stale_timestamp', 'timestamp is outside the accepted window');
  }
}

function requiredParam(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new WechatProtocolError('missing_field', `query ${name} is missing`);
  return value;
}

function requiredField(fields: Record<string, string>, name: string): string {
  const value = Object.hasOwn(fields, name) ? fields[name] : '';
  if (value === '') throw new WechatProtocolError('missing_field', `<${name}> is missing`);
  return value;
}

function assertToken(token: string): void {
  // With an empty token anyone can compute the signature, so refuse to verify anything with it.
  if (typeof token !== 'string' || token === '') throw new Error('WeChat token is not configured');
}
