import { createHash } from 'node:crypto';
import { OFFICIAL_VECTOR, WECHATPY_PLAIN_VECTOR } from '../testing';
import { computeMsgSignature, computeSignature, isTimestampFresh, safeEqual, sha1Signature } from './signature';

const NOW_MS = 1_409_735_669_000;

describe('computeSignature', () => {
  it("when given Tencent's sample token, timestamp and nonce, then it yields the published signature", () => {
    const { token, timestamp, nonce, signature } = OFFICIAL_VECTOR;

    const actual = computeSignature(token, timestamp, nonce);

    expect(actual).toBe(signature);
  });

  it("when given wechatpy's plain test values, then it yields wechatpy's signature", () => {
    const { token, timestamp, nonce, signature } = WECHATPY_PLAIN_VECTOR;

    const actual = computeSignature(token, timestamp, nonce);

    expect(actual).toBe(signature);
  });

  it('when the token differs, then the signature differs', () => {
    const { timestamp, nonce, signature } = OFFICIAL_VECTOR;

    const actual = computeSignature('spamtesu', timestamp, nonce);

    expect(actual).not.toBe(signature);
  });
});

describe('computeMsgSignature', () => {
  it("when given Tencent's sample values and Encrypt, then it yields the published msg_signature", () => {
    const { token, timestamp, nonce, encrypt, msgSignature } = OFFICIAL_VECTOR;

    const actual = computeMsgSignature(token, timestamp, nonce, encrypt);

    expect(actual).toBe(msgSignature);
  });

  it('when one character of Encrypt changes, then the msg_signature changes', () => {
    const { token, timestamp, nonce, encrypt, msgSignature } = OFFICIAL_VECTOR;

    const actual = computeMsgSignature(token, timestamp, nonce, `x${encrypt.slice(1)}`);

    expect(actual).not.toBe(msgSignature);
  });
});

describe('sha1Signature', () => {
  it('when parts arrive unsorted, then it hashes them sorted and joined without separator', () => {
    const parts = ['nonce', 'Token', '123'];

    const actual = sha1Signature(parts);

    expect(actual).toBe(createHash('sha1').update('123Tokennonce').digest('hex'));
  });

  it('when called, then the caller’s array keeps its order', () => {
    const parts = ['c', 'a', 'b'];

    sha1Signature(parts);

    expect(parts).toEqual(['c', 'a', 'b']);
  });

  it('when the same parts come in another order, then the signature is the same', () => {
    const first = sha1Signature(['a', 'b', 'c']);

    const second = sha1Signature(['c', 'b', 'a']);

    expect(second).toBe(first);
  });
});

describe('safeEqual', () => {
  it('when both strings are equal, then it is true', () => {
    expect(safeEqual(OFFICIAL_VECTOR.signature, `${OFFICIAL_VECTOR.signature}`)).toBeTrue();
  });

  it('when the strings differ in the last character only, then it is false', () => {
    const forged = `${OFFICIAL_VECTOR.signature.slice(0, -1)}b`;

    expect(safeEqual(OFFICIAL_VECTOR.signature, forged)).toBeFalse();
  });

  it('when the lengths differ, then it is false without throwing', () => {
    expect(safeEqual('abc', 'abcd')).toBeFalse();
    expect(safeEqual('', 'a')).toBeFalse();
  });

  it('when both are empty, then it is true', () => {
    expect(safeEqual('', '')).toBeTrue();
  });

  it('when the character counts match but the UTF-8 byte lengths do not, then it is false without throwing', () => {
    expect(safeEqual('é', 'e')).toBeFalse();
  });

  it('when a value is not a string at run time, then it is false without throwing', () => {
    const notAString = undefined as unknown as string;

    expect(safeEqual(notAString, 'abc')).toBeFalse();
    expect(safeEqual('abc', notAString)).toBeFalse();
  });
});

describe('isTimestampFresh', () => {
  it('when the timestamp equals now, then it is fresh', () => {
    expect(isTimestampFresh('1409735669', NOW_MS, 300)).toBeTrue();
  });

  it('when the timestamp is exactly the window away in either direction, then it is fresh', () => {
    expect(isTimestampFresh('1409735369', NOW_MS, 300)).toBeTrue();
    expect(isTimestampFresh('1409735969', NOW_MS, 300)).toBeTrue();
  });

  it('when the timestamp is one second too old, then it is stale', () => {
    expect(isTimestampFresh('1409735368', NOW_MS, 300)).toBeFalse();
  });

  it('when the timestamp is one second too far in the future, then it is stale', () => {
    expect(isTimestampFresh('1409735970', NOW_MS, 300)).toBeFalse();
  });

  it('when now has milliseconds past the second, then they count', () => {
    expect(isTimestampFresh('1409735369', NOW_MS + 999, 300)).toBeFalse();
  });

  it('when the window is 0, then any numeric timestamp is accepted', () => {
    expect(isTimestampFresh('1', NOW_MS, 0)).toBeTrue();
    expect(isTimestampFresh('9999999999', NOW_MS, 0)).toBeTrue();
  });

  it('when the timestamp is not plain digits, then it is refused even with the check off', () => {
    for (const garbage of ['', 'abc', '14097356a9', '-1409735669', '1409735669.5', ' 1409735669', '1e9', '0x54068a35']) {
      expect(isTimestampFresh(garbage, NOW_MS, 300)).withContext(garbage).toBeFalse();
      expect(isTimestampFresh(garbage, NOW_MS, 0)).withContext(`${garbage} (window 0)`).toBeFalse();
    }
  });

  it('when the window is negative or not a number, then it throws instead of guessing', () => {
    expect(() => isTimestampFresh('1409735669', NOW_MS, -1)).toThrowError(RangeError);
    expect(() => isTimestampFresh('1409735669', NOW_MS, Number.NaN)).toThrowError(RangeError);
  });
});
