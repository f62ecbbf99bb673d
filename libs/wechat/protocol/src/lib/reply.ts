import { encryptMessage } from './crypto';
import { computeMsgSignature } from './signature';
import { cdata } from './xml';

// 10^11 seconds is the year 5138 but only 1973 in milliseconds: a value this large is a unit mistake.
const MAX_CREATE_TIME_SECONDS = 1e11;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Builds a passive text reply; `createTimeSeconds` is Unix seconds (floored), and milliseconds are refused. */
export function buildTextReply(p: { toUser: string; fromUser: string; createTimeSeconds: number; content: string }): string {
  if (!Number.isFinite(p.createTimeSeconds) || p.createTimeSeconds < 0 || p.createTimeSeconds >= MAX_CREATE_TIME_SECONDS) {
    throw new RangeError('createTimeSeconds must be Unix seconds (did you pass milliseconds?)');
  }
  return (
    '<xml>' +
    `<ToUserName>${cdata(p.toUser)}</ToUserName>` +
    `<FromUserName>${cdata(p.fromUser)}</FromUserName>` +
    `<CreateTime>${Math.floor(p.createTimeSeconds)}</CreateTime>` +
    `<MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(p.content)}</Content>` +
    '</xml>'
  );
}

/** Builds the safe-mode reply envelope `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>`. */
export function buildEncryptedEnvelope(p: { encrypt: string; msgSignature: string; timestamp: string; nonce: string }): string {
  // TimeStamp goes out without CDATA, so it must be digits or it could break the XML.
  if (!/^\d+$/.test(p.timestamp)) throw new RangeError('timestamp must be Unix seconds as digits');
  return (
    '<xml>' +
    `<Encrypt>${cdata(p.encrypt)}</Encrypt>` +
    `<MsgSignature>${cdata(p.msgSignature)}</MsgSignature>` +
    `<TimeStamp>${p.timestamp}</TimeStamp>` +
    `<Nonce>${cdata(p.nonce)}</Nonce>` +
    '</xml>'
  );
}

/** Encrypts a reply, signs it with `msg_signature` over token/timestamp/nonce/Encrypt, and wraps it in the envelope. */
export function encryptReply(
  replyXml: string,
  p: { token: string; key: Buffer; appId: string; timestamp: string; nonce: string; random16?: Buffer },
): string {
  const encrypt = encryptMessage(replyXml, p.key, p.appId, p.random16);
  const msgSignature = computeMsgSignature(p.token, p.timestamp, p.nonce, encrypt);
  return buildEncryptedEnvelope({ encrypt, msgSignature, timestamp: p.timestamp, nonce: p.nonce });
}

/**
 * Cuts `text` so that it plus `ellipsis` fits in `maxBytes` of UTF-8, on a grapheme boundary (so never inside a
 * code point, a surrogate pair or an emoji sequence); returns `text` unchanged when it already fits.
 */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  if (!(maxBytes >= 0)) throw new RangeError('maxBytes must be a number ≥ 0');
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsisBytes = Buffer.byteLength(ellipsis, 'utf8');
  // When even the ellipsis does not fit, a bare cut is the only way to honour maxBytes.
  const suffix = ellipsisBytes <= maxBytes ? ellipsis : '';
  let budget = maxBytes - Buffer.byteLength(suffix, 'utf8');
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const bytes = Buffer.byteLength(segment, 'utf8');
    if (bytes > budget) break;
    kept += segment;
    budget -= bytes;
  }
  return kept + suffix;
}
