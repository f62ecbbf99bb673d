import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WechatProtocolError } from './errors';

/** WeChat pads to 32-byte blocks, not AES's 16, so Node's automatic PKCS#7 is turned off. */
export const WECHAT_PAD_BLOCK = 32;

const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// 16 random bytes + 4 length bytes: anything shorter cannot be a WeChat plaintext.
const HEADER_BYTES = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Turns the 43-character EncodingAESKey into the 32-byte AES key, or throws `bad_aes_key`. */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (typeof encodingAesKey !== 'string' || !ENCODING_AES_KEY.test(encodingAesKey)) {
    throw new WechatProtocolError('bad_aes_key', 'EncodingAESKey must be 43 base64 characters');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) {
    throw new WechatProtocolError('bad_aes_key', 'EncodingAESKey must decode to 32 bytes');
  }
  return key;
}

/** Adds PKCS#7 padding up to a multiple of 32 bytes (1 to 32 bytes, always at least one). */
export function pkcs7Pad(data: Buffer, blockSize: number = WECHAT_PAD_BLOCK): Buffer {
  const pad = blockSize - (data.length % blockSize);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

/** Removes PKCS#7 padding of 1 to 32 bytes, checking every pad byte; throws `decrypt_failed` when it is not valid. */
export function pkcs7Unpad(data: Buffer, blockSize: number = WECHAT_PAD_BLOCK): Buffer {
  const pad = data.length > 0 ? data[data.length - 1] : 0;
  if (pad < 1 || pad > blockSize || pad > data.length) {
    throw new WechatProtocolError('decrypt_failed', 'bad padding');
  }
  for (let i = data.length - pad; i < data.length; i++) {
    if (data[i] !== pad) throw new WechatProtocolError('decrypt_failed', 'bad padding');
  }
  return data.subarray(0, data.length - pad);
}

/** Encrypts `xml` for WeChat: base64(AES-256-CBC(random16 + uint32be(length) + xml + appId, padded to 32)). */
export function encryptMessage(xml: string, key: Buffer, appId: string, random16: Buffer = randomBytes(16)): string {
  assertKey(key);
  if (random16.length !== 16) throw new RangeError('random16 must be 16 bytes');
  const message = Buffer.from(xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random16, length, message, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** Decrypts an `<Encrypt>` value to its XML; throws `decrypt_failed` for bad data or key, `appid_mismatch` for another account. */
export function decryptMessage(encrypt: string, key: Buffer, appId: string): string {
  assertKey(key);
  // Buffer's base64 decoder skips junk silently; be strict so garbage fails here, not deeper in.
  if (typeof encrypt !== 'string' || encrypt.length === 0 || !STRICT_BASE64.test(encrypt)) {
    throw new WechatProtocolError('decrypt_failed', 'Encrypt is not base64');
  }
  const cipherText = Buffer.from(encrypt, 'base64');
  if (cipherText.length % 16 !== 0) {
    throw new WechatProtocolError('decrypt_failed', 'Encrypt is not a whole number of AES blocks');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
  } catch {
    throw new WechatProtocolError('decrypt_failed', 'AES decryption failed');
  }
  const content = pkcs7Unpad(plain);
  if (content.length < HEADER_BYTES) {
    throw new WechatProtocolError('decrypt_failed', 'plaintext too short');
  }
  const messageLength = content.readUInt32BE(16);
  if (messageLength > content.length - HEADER_BYTES) {
    throw new WechatProtocolError('decrypt_failed', 'message length out of range');
  }
  const messageEnd = HEADER_BYTES + messageLength;
  let xml: string;
  try {
    xml = utf8.decode(content.subarray(HEADER_BYTES, messageEnd));
  } catch {
    throw new WechatProtocolError('decrypt_failed', 'message is not UTF-8');
  }
  // Tencent's own sample checks the AppID; most SDKs skip it, which lets one account's ciphertext pass for another's.
  if (!content.subarray(messageEnd).equals(Buffer.from(appId, 'utf8'))) {
    throw new WechatProtocolError('appid_mismatch', 'AppID in the message is not ours');
  }
  return xml;
}

/**
 * Key rotation: tries each key in order (current first, then previous) and says which one worked. When none
 * works it throws `appid_mismatch` if some key decrypted for another AppID, else the last error.
 */
export function decryptWithKeys(encrypt: string, keys: Buffer[], appId: string): { xml: string; keyIndex: number } {
  if (keys.length === 0) throw new WechatProtocolError('bad_aes_key', 'no AES key configured');
  let lastError: WechatProtocolError | undefined;
  let mismatch: WechatProtocolError | undefined;
  for (const [keyIndex, key] of keys.entries()) {
    try {
      return { xml: decryptMessage(encrypt, key, appId), keyIndex };
    } catch (error) {
      if (!(error instanceof WechatProtocolError)) throw error;
      lastError = error;
      if (error.reason === 'appid_mismatch') mismatch ??= error;
    }
  }
  // A key that decrypts cleanly but names another AppID points at the AppID setting, not the keys: say so.
  throw mismatch ?? (lastError as WechatProtocolError);
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== 32) {
    throw new WechatProtocolError('bad_aes_key', 'AES key must be 32 bytes');
  }
}
