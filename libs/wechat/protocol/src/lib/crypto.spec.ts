import { createDecipheriv } from 'node:crypto';
import { OFFICIAL_VECTOR, randomEncodingAesKey, thrownReason } from '../testing';
import {
  decodeAesKey,
  decryptMessage,
  decryptWithKeys,
  encryptMessage,
  pkcs7Pad,
  pkcs7Unpad,
} from './crypto';
import { parseXml } from './xml';

const APP_ID = 'wx1234567890abcdef';
const FIXED_RANDOM = Buffer.from('0123456789abcdef');
const KEY_A = decodeAesKey('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut');
const KEY_B = decodeAesKey('0123456789abcdefghijklmnopqrstuvwxyzABCDEFG');

function rawPlaintext(encrypt: string, key: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
}

describe('decodeAesKey', () => {
  it("when given Tencent's sample EncodingAESKey, then it returns 32 bytes", () => {
    const key = decodeAesKey(OFFICIAL_VECTOR.encodingAesKey);

    expect(key.length).toBe(32);
  });

  it('when the key is 42 or 44 characters, then it throws bad_aes_key', () => {
    expect(thrownReason(() => decodeAesKey(OFFICIAL_VECTOR.encodingAesKey.slice(1)))).toBe('bad_aes_key');
    expect(thrownReason(() => decodeAesKey(`${OFFICIAL_VECTOR.encodingAesKey}A`))).toBe('bad_aes_key');
  });

  it('when the key holds a character outside base64, then it throws bad_aes_key', () => {
    const withDash = `-${OFFICIAL_VECTOR.encodingAesKey.slice(1)}`;
    const withSpace = ` ${OFFICIAL_VECTOR.encodingAesKey.slice(1)}`;

    expect(thrownReason(() => decodeAesKey(withDash))).toBe('bad_aes_key');
    expect(thrownReason(() => decodeAesKey(withSpace))).toBe('bad_aes_key');
  });

  it('when the key is empty, then it throws bad_aes_key', () => {
    expect(thrownReason(() => decodeAesKey(''))).toBe('bad_aes_key');
  });
});

describe('decryptMessage', () => {
  it("when given Tencent's sample Encrypt and key, then it returns the published XML byte for byte", () => {
    const key = decodeAesKey(OFFICIAL_VECTOR.encodingAesKey);

    const xml = decryptMessage(OFFICIAL_VECTOR.encrypt, key, OFFICIAL_VECTOR.appId);

    expect(xml).toBe(OFFICIAL_VECTOR.xml);
    expect(parseXml(xml)['MsgId']).toBe('6054768590064713728');
  });

  it("when the sample's raw plaintext is inspected, then it ends in 2 bytes of padding after the AppID", () => {
    const key = decodeAesKey(OFFICIAL_VECTOR.encodingAesKey);

    const plain = rawPlaintext(OFFICIAL_VECTOR.encrypt, key);

    expect(plain.length % 32).toBe(0);
    expect([...plain.subarray(-2)]).toEqual([2, 2]);
    expect(plain.subarray(-2 - OFFICIAL_VECTOR.appId.length, -2).toString()).toBe(OFFICIAL_VECTOR.appId);
  });

  it('when the key is wrong, then it throws decrypt_failed', () => {
    const encrypt = encryptMessage('<xml><A>1</A></xml>', KEY_A, APP_ID, FIXED_RANDOM);

    expect(thrownReason(() => decryptMessage(encrypt, KEY_B, APP_ID))).toBe('decrypt_failed');
  });

  it("when the official Encrypt is opened with a random key, then it throws decrypt_failed", () => {
    const key = decodeAesKey(randomEncodingAesKey());

    expect(thrownReason(() => decryptMessage(OFFICIAL_VECTOR.encrypt, key, OFFICIAL_VECTOR.appId))).toBe('decrypt_failed');
  });

  it('when the message was sealed for another AppID, then it throws appid_mismatch', () => {
    const encrypt = encryptMessage('<xml><A>1</A></xml>', KEY_A, 'wxOTHERACCOUNT0000', FIXED_RANDOM);

    expect(thrownReason(() => decryptMessage(encrypt, KEY_A, APP_ID))).toBe('appid_mismatch');
  });

  it('when our AppID is only a prefix of the one in the message, then it throws appid_mismatch', () => {
    const encrypt = encryptMessage('<xml/>', KEY_A, `${APP_ID}x`, FIXED_RANDOM);

    expect(thrownReason(() => decryptMessage(encrypt, KEY_A, APP_ID))).toBe('appid_mismatch');
  });

  it('when the ciphertext is cut short, is not base64 or is empty, then it throws decrypt_failed', () => {
    const encrypt = encryptMessage('<xml><A>1</A></xml>', KEY_A, APP_ID, FIXED_RANDOM);

    expect(thrownReason(() => decryptMessage(encrypt.slice(0, -4), KEY_A, APP_ID))).toBe('decrypt_failed');
    expect(thrownReason(() => decryptMessage(`${encrypt.slice(0, -4)}!!!!`, KEY_A, APP_ID))).toBe('decrypt_failed');
    expect(thrownReason(() => decryptMessage('', KEY_A, APP_ID))).toBe('decrypt_failed');
  });

  it('when a bit of the next-to-last block is flipped, then the padding check throws decrypt_failed', () => {
    const cipher = Buffer.from(encryptMessage('<xml><A>1</A></xml>', KEY_A, APP_ID, FIXED_RANDOM), 'base64');
    cipher[cipher.length - 17] ^= 0x01;

    expect(thrownReason(() => decryptMessage(cipher.toString('base64'), KEY_A, APP_ID))).toBe('decrypt_failed');
  });

  it('when the key is not 32 bytes, then it throws bad_aes_key', () => {
    expect(thrownReason(() => decryptMessage(OFFICIAL_VECTOR.encrypt, KEY_A.subarray(0, 16), APP_ID))).toBe('bad_aes_key');
  });
});

describe('encryptMessage', () => {
  it('when a message is encrypted with a fresh random key, then decrypting it gives the same text back', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const xml = '<xml><Content><![CDATA[工件 18-546 在哪里？]]></Content></xml>';

    const encrypt = encryptMessage(xml, key, APP_ID);

    expect(decryptMessage(encrypt, key, APP_ID)).toBe(xml);
  });

  it('when the message is Chinese text and emoji, then the round trip is exact', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const xml = '<xml><Content><![CDATA[您好，工件 18-546 在二号仓库 😀👨‍👩‍👧 🇨🇳]]></Content></xml>';

    const encrypt = encryptMessage(xml, key, APP_ID);

    expect(decryptMessage(encrypt, key, APP_ID)).toBe(xml);
  });

  it('when the plaintext length walks across several 32-byte boundaries, then every length round-trips and pads to 32', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    // 20 header bytes + 18-byte AppID: message lengths 0…100 put the total on both sides of 64, 96 and 128.
    for (let length = 0; length <= 100; length++) {
      const message = 'x'.repeat(length);

      const encrypt = encryptMessage(message, key, APP_ID, FIXED_RANDOM);
      const plain = rawPlaintext(encrypt, key);

      const unpadded = 20 + length + APP_ID.length;
      const expectedPad = 32 - (unpadded % 32);
      expect(plain.length % 32).withContext(`length ${length}`).toBe(0);
      expect(plain[plain.length - 1]).withContext(`length ${length}`).toBe(expectedPad);
      expect(decryptMessage(encrypt, key, APP_ID)).withContext(`length ${length}`).toBe(message);
    }
  });

  it('when a multi-byte message ends right on a block boundary, then a whole 32-byte pad block follows', () => {
    // 20 + 18 + 3×8 = 62 bytes, so 2 ASCII bytes more make 64 exactly.
    const message = '工件工件工件工件ab';

    const encrypt = encryptMessage(message, KEY_A, APP_ID, FIXED_RANDOM);
    const plain = rawPlaintext(encrypt, KEY_A);

    expect(plain.length).toBe(96);
    expect([...plain.subarray(64)]).toEqual(new Array(32).fill(32));
    expect(decryptMessage(encrypt, KEY_A, APP_ID)).toBe(message);
  });

  it('when the same random16 is given twice, then the output is the same; with fresh randomness, it differs', () => {
    const fixedFirst = encryptMessage('<xml/>', KEY_A, APP_ID, FIXED_RANDOM);
    const fixedSecond = encryptMessage('<xml/>', KEY_A, APP_ID, FIXED_RANDOM);
    const randomFirst = encryptMessage('<xml/>', KEY_A, APP_ID);
    const randomSecond = encryptMessage('<xml/>', KEY_A, APP_ID);

    expect(fixedSecond).toBe(fixedFirst);
    expect(randomSecond).not.toBe(randomFirst);
  });

  it('when the key is not 32 bytes, then it throws bad_aes_key', () => {
    expect(thrownReason(() => encryptMessage('<xml/>', Buffer.alloc(31), APP_ID))).toBe('bad_aes_key');
  });

  it('when random16 is not 16 bytes, then it throws a RangeError', () => {
    expect(() => encryptMessage('<xml/>', KEY_A, APP_ID, Buffer.alloc(15))).toThrowError(RangeError);
  });
});

describe('pkcs7Pad and pkcs7Unpad', () => {
  it('when 31, 32 and 33 bytes are padded, then they grow to 32, 64 and 64 and unpad back', () => {
    for (const [length, padded] of [[31, 32], [32, 64], [33, 64]]) {
      const data = Buffer.alloc(length, 7);

      const result = pkcs7Pad(data);

      expect(result.length).withContext(`${length}`).toBe(padded);
      expect(pkcs7Unpad(result).equals(data)).withContext(`${length}`).toBeTrue();
    }
  });

  it('when the pad value is 0, above 32, or the pad bytes disagree, then unpadding throws decrypt_failed', () => {
    const zero = Buffer.alloc(32, 0);
    const tooLarge = Buffer.alloc(64, 33);
    const uneven = Buffer.concat([Buffer.alloc(29, 1), Buffer.from([3, 2, 3])]);

    expect(thrownReason(() => pkcs7Unpad(zero))).toBe('decrypt_failed');
    expect(thrownReason(() => pkcs7Unpad(tooLarge))).toBe('decrypt_failed');
    expect(thrownReason(() => pkcs7Unpad(uneven))).toBe('decrypt_failed');
    expect(thrownReason(() => pkcs7Unpad(Buffer.alloc(0)))).toBe('decrypt_failed');
  });
});

describe('decryptWithKeys', () => {
  it('when the current key works, then it reports key index 0', () => {
    const encrypt = encryptMessage('<xml>current</xml>', KEY_A, APP_ID);

    const result = decryptWithKeys(encrypt, [KEY_A, KEY_B], APP_ID);

    expect(result).toEqual({ xml: '<xml>current</xml>', keyIndex: 0 });
  });

  it('when only the previous key works, then it decrypts with it and reports key index 1', () => {
    const current = decodeAesKey(randomEncodingAesKey());
    const previous = decodeAesKey(randomEncodingAesKey());
    const encrypt = encryptMessage('<xml>previous</xml>', previous, APP_ID);

    const result = decryptWithKeys(encrypt, [current, previous], APP_ID);

    expect(result).toEqual({ xml: '<xml>previous</xml>', keyIndex: 1 });
  });

  it('when no key works, then it throws decrypt_failed', () => {
    const encrypt = encryptMessage('<xml/>', decodeAesKey(OFFICIAL_VECTOR.encodingAesKey), APP_ID, FIXED_RANDOM);

    expect(thrownReason(() => decryptWithKeys(encrypt, [KEY_A, KEY_B], APP_ID))).toBe('decrypt_failed');
  });

  it('when the current key opens the message but the AppID differs and the previous key fails, then it throws appid_mismatch', () => {
    const encrypt = encryptMessage('<xml/>', KEY_A, 'wxOTHERACCOUNT0000', FIXED_RANDOM);

    expect(thrownReason(() => decryptWithKeys(encrypt, [KEY_A, KEY_B], APP_ID))).toBe('appid_mismatch');
  });

  it('when no key is configured, then it throws bad_aes_key', () => {
    expect(thrownReason(() => decryptWithKeys(OFFICIAL_VECTOR.encrypt, [], APP_ID))).toBe('bad_aes_key');
  });
});
