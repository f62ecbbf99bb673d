import { randomBytes } from 'node:crypto';
import { encryptMessage } from './lib/crypto';
import { WechatProtocolError } from './lib/errors';
import { computeMsgSignature, computeSignature } from './lib/signature';
import type { WechatQuery } from './lib/verify';
import { cdata } from './lib/xml';

/** Tencent's published sample: token, EncodingAESKey, AppID, query values and the Encrypt it decrypts. */
export const OFFICIAL_VECTOR = {
  /** The Token of the sample account. */
  token: 'spamtest',
  /** The sample EncodingAESKey (43 characters). */
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  /** The sample AppID, also the tail of the decrypted plaintext. */
  appId: 'wx2c2769f8efd9abc2',
  /** Query `timestamp`. */
  timestamp: '1409735669',
  /** Query `nonce`. */
  nonce: '1320562132',
  /** Query `signature` over token, timestamp and nonce. */
  signature: '16120ec1b8dbb870f510d87ce6bc2463eae6ca1a',
  /** Query `msg_signature` over token, timestamp, nonce and `encrypt`. */
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  /** The `<Encrypt>` value. */
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
  /** What `encrypt` decrypts to, byte for byte. */
  xml:
    '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n' +
    '<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n' +
    '<CreateTime>1409735668</CreateTime>\n' +
    '<MsgType><![CDATA[text]]></MsgType>\n' +
    '<Content><![CDATA[abcdteT]]></Content>\n' +
    '<MsgId>6054768590064713728</MsgId>\n' +
    '</xml>',
} as const;

/** wechatpy's plain signature test: token, timestamp and nonce with the signature they give. */
export const WECHATPY_PLAIN_VECTOR = {
  /** Token. */
  token: 'test',
  /** Query `timestamp`. */
  timestamp: '1410685589',
  /** Query `nonce`. */
  nonce: 'test',
  /** Expected `signature`. */
  signature: 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff',
} as const;

/** Default account id used by the sample XML builders. */
export const SAMPLE_ACCOUNT = 'gh_10f6c3c3ac5a';
/** Default sender openid used by the sample XML builders. */
export const SAMPLE_OPENID = 'oyORnuP8q7ou2gfYjqLzSIWZf0rs';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh random 43-character EncodingAESKey of the kind the WeChat platform generates. */
export function randomEncodingAesKey(): string {
  return Array.from(randomBytes(43), (byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join('');
}

/** Runs `fn` and names what it threw: the `WechatProtocolError` reason, `'no error'`, or `'other: <message>'`. */
export function thrownReason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof WechatProtocolError ? error.reason : `other: ${(error as Error).message}`;
  }
  return 'no error';
}

/** A plain-mode query (`signature`, `timestamp`, `nonce`, optional `openid`) signed with `token`. */
export function signQuery(p: { token: string; timestamp: string; nonce: string; openid?: string }): WechatQuery {
  const query: WechatQuery = {
    signature: computeSignature(p.token, p.timestamp, p.nonce),
    timestamp: p.timestamp,
    nonce: p.nonce,
  };
  if (p.openid !== undefined) query.openid = p.openid;
  return query;
}

/** A compatible/safe-mode query: `signQuery` plus `encrypt_type=aes` and `msg_signature` over `encrypt`. */
export function signEncryptedQuery(p: {
  token: string;
  timestamp: string;
  nonce: string;
  encrypt: string;
  openid?: string;
}): WechatQuery {
  return {
    ...signQuery(p),
    encrypt_type: 'aes',
    msg_signature: computeMsgSignature(p.token, p.timestamp, p.nonce, p.encrypt),
  };
}

/** Sample inbound text message XML, values in CDATA as WeChat sends them. */
export function textMessageXml(p: {
  toUser?: string;
  fromUser?: string;
  createTime?: string;
  msgId?: string;
  content: string;
}): string {
  return (
    '<xml>' +
    `<ToUserName>${cdata(p.toUser ?? SAMPLE_ACCOUNT)}</ToUserName>` +
    `<FromUserName>${cdata(p.fromUser ?? SAMPLE_OPENID)}</FromUserName>` +
    `<CreateTime>${p.createTime ?? '1409735668'}</CreateTime>` +
    `<MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(p.content)}</Content>` +
    `<MsgId>${p.msgId ?? '6054768590064713728'}</MsgId>` +
    '</xml>'
  );
}

/** Sample inbound event XML (`subscribe`, `CLICK`…), with `EventKey` only when given. */
export function eventXml(p: { event: string; eventKey?: string; toUser?: string; fromUser?: string; createTime?: string }): string {
  return (
    '<xml>' +
    `<ToUserName>${cdata(p.toUser ?? SAMPLE_ACCOUNT)}</ToUserName>` +
    `<FromUserName>${cdata(p.fromUser ?? SAMPLE_OPENID)}</FromUserName>` +
    `<CreateTime>${p.createTime ?? '1409735668'}</CreateTime>` +
    `<MsgType>${cdata('event')}</MsgType>` +
    `<Event>${cdata(p.event)}</Event>` +
    (p.eventKey === undefined ? '' : `<EventKey>${cdata(p.eventKey)}</EventKey>`) +
    '</xml>'
  );
}

/**
 * A `POST` body for an encrypted account: safe mode (`ToUserName` + `Encrypt`) or, with `compatible`, the plain
 * fields of `innerXml` followed by `Encrypt`.
 */
export function encryptedBodyXml(
  innerXml: string,
  p: { key: Buffer; appId: string; toUser?: string; compatible?: boolean; random16?: Buffer },
): string {
  return encryptedBody(innerXml, p).body;
}

/** An encrypted `POST` ready to send: the body, its `Encrypt` value and the query signed over it. */
export function encryptedRequest(
  innerXml: string,
  p: {
    token: string;
    timestamp: string;
    nonce: string;
    key: Buffer;
    appId: string;
    toUser?: string;
    compatible?: boolean;
    openid?: string;
    random16?: Buffer;
  },
): { query: WechatQuery; body: string; encrypt: string } {
  const { body, encrypt } = encryptedBody(innerXml, p);
  return { query: signEncryptedQuery({ ...p, encrypt }), body, encrypt };
}

function encryptedBody(
  innerXml: string,
  p: { key: Buffer; appId: string; toUser?: string; compatible?: boolean; random16?: Buffer },
): { body: string; encrypt: string } {
  const encrypt = encryptMessage(innerXml, p.key, p.appId, p.random16);
  const encryptElement = `<Encrypt>${cdata(encrypt)}</Encrypt>`;
  if (p.compatible) {
    const close = innerXml.lastIndexOf('</xml>');
    if (close === -1) throw new Error('encryptedBodyXml: innerXml has no </xml>');
    return { body: `${innerXml.slice(0, close)}${encryptElement}</xml>`, encrypt };
  }
  return { body: `<xml><ToUserName>${cdata(p.toUser ?? SAMPLE_ACCOUNT)}</ToUserName>${encryptElement}</xml>`, encrypt };
}
