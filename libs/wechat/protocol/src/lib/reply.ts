import { encryptMessage } from './crypto';
import { computeMsgSignature } from './signature';
import { cdata } from './xml';

// 10^11 seconds is the year 5138 but only 1973 in milliseconds: a value this large is a unit mistake.
const MAX_CREATE_TIME_SECONDS = 1e11;

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
