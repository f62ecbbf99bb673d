import { OFFICIAL_VECTOR, randomEncodingAesKey } from '../testing';
import { decodeAesKey, decryptMessage } from './crypto';
import { buildEncryptedEnvelope, buildTextReply, encryptReply, truncateUtf8 } from './reply';
import { computeMsgSignature } from './signature';
import { parseXml } from './xml';

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const graphemes = (text: string): string[] =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

describe('buildTextReply', () => {
  it('when given a reply, then it is the documented XML with CreateTime in seconds outside CDATA', () => {
    const xml = buildTextReply({ toUser: 'o_user', fromUser: 'gh_1', createTimeSeconds: 1_409_735_669, content: '在二号仓库' });

    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[o_user]]></ToUserName><FromUserName><![CDATA[gh_1]]></FromUserName>' +
        '<CreateTime>1409735669</CreateTime><MsgType><![CDATA[text]]></MsgType>' +
        '<Content><![CDATA[在二号仓库]]></Content></xml>',
    );
  });

  it('when the time is derived from milliseconds / 1000, then the fraction is dropped', () => {
    const nowMs = 1_409_735_669_987;

    const xml = buildTextReply({ toUser: 'o', fromUser: 'gh', createTimeSeconds: nowMs / 1000, content: 'x' });

    expect(parseXml(xml)['CreateTime']).toBe('1409735669');
  });

  it('when milliseconds are passed by mistake, then it throws a RangeError', () => {
    expect(() => buildTextReply({ toUser: 'o', fromUser: 'gh', createTimeSeconds: 1_409_735_669_000, content: 'x' })).toThrowError(RangeError);
    expect(() => buildTextReply({ toUser: 'o', fromUser: 'gh', createTimeSeconds: Number.NaN, content: 'x' })).toThrowError(RangeError);
  });
});

describe('buildEncryptedEnvelope', () => {
  it('when given the parts, then it is the safe-mode envelope with TimeStamp outside CDATA', () => {
    const xml = buildEncryptedEnvelope({ encrypt: 'ENC', msgSignature: 'SIG', timestamp: '1409735669', nonce: '1320562132' });

    expect(xml).toBe(
      '<xml><Encrypt><![CDATA[ENC]]></Encrypt><MsgSignature><![CDATA[SIG]]></MsgSignature>' +
        '<TimeStamp>1409735669</TimeStamp><Nonce><![CDATA[1320562132]]></Nonce></xml>',
    );
  });

  it('when the timestamp is not digits, then it throws rather than write it raw into XML', () => {
    expect(() => buildEncryptedEnvelope({ encrypt: 'E', msgSignature: 'S', timestamp: '1<x/>', nonce: 'n' })).toThrowError(RangeError);
  });
});

describe('encryptReply', () => {
  it('when a reply is encrypted, then its MsgSignature verifies and its Encrypt opens to the reply', () => {
    const key = decodeAesKey(OFFICIAL_VECTOR.encodingAesKey);
    const reply = buildTextReply({ toUser: 'o_user', fromUser: 'gh_1', createTimeSeconds: 1_409_735_669, content: '工件 18-546 ]]> 在二号仓库' });

    const envelope = parseXml(
      encryptReply(reply, { token: OFFICIAL_VECTOR.token, key, appId: OFFICIAL_VECTOR.appId, timestamp: '1409735669', nonce: 'abc123' }),
    );

    expect(envelope['TimeStamp']).toBe('1409735669');
    expect(envelope['Nonce']).toBe('abc123');
    expect(envelope['MsgSignature']).toBe(computeMsgSignature(OFFICIAL_VECTOR.token, '1409735669', 'abc123', envelope['Encrypt']));
    expect(decryptMessage(envelope['Encrypt'], key, OFFICIAL_VECTOR.appId)).toBe(reply);
  });

  it('when random16 is fixed, then the envelope is reproducible', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const p = { token: 't', key, appId: 'wx1', timestamp: '1', nonce: 'n', random16: Buffer.alloc(16, 9) };

    expect(encryptReply('<xml/>', p)).toBe(encryptReply('<xml/>', p));
  });
});

describe('truncateUtf8', () => {
  it('when the text fits exactly, then it comes back unchanged without an ellipsis', () => {
    const text = '工件18-546'; // 3+3+6 = 12 bytes

    expect(truncateUtf8(text, 12)).toBe(text);
  });

  it('when Chinese text is cut at every limit from 0 to past its length, then the result fits, is valid UTF-8 and is the longest prefix that fits', () => {
    const text = '工件18-546在二号仓库第3排，请到前台领取。';
    const total = utf8Bytes(text);

    for (let maxBytes = 0; maxBytes <= total + 2; maxBytes++) {
      const result = truncateUtf8(text, maxBytes);

      expectValidCut(text, result, maxBytes, '…');
    }
  });

  it('when emoji with surrogate pairs, ZWJ sequences and flags are cut at every limit, then no code point or emoji is split', () => {
    const text = 'a😀b👨‍👩‍👧c🇨🇳d工😀😀e';
    const total = utf8Bytes(text);

    for (let maxBytes = 0; maxBytes <= total + 2; maxBytes++) {
      const result = truncateUtf8(text, maxBytes);

      expectValidCut(text, result, maxBytes, '…');
    }
  });

  it('when a custom or empty ellipsis is given, then it is used and counted', () => {
    expect(truncateUtf8('工件工件', 9, '...')).toBe('工件...');
    expect(truncateUtf8('工件工件', 8, '...')).toBe('工...');
    expect(truncateUtf8('工件工件', 7, '')).toBe('工件');
  });

  it('when the limit is smaller than the ellipsis, then the text is cut bare to fit', () => {
    expect(truncateUtf8('abcdef', 2)).toBe('ab');
  });

  it('when the limit is negative or not a number, then it throws a RangeError', () => {
    expect(() => truncateUtf8('abc', -1)).toThrowError(RangeError);
    expect(() => truncateUtf8('abc', Number.NaN)).toThrowError(RangeError);
  });
});

function expectValidCut(text: string, result: string, maxBytes: number, ellipsis: string): void {
  const context = `maxBytes ${maxBytes} → ${JSON.stringify(result)}`;
  const bytes = Buffer.from(result, 'utf8');
  expect(bytes.length).withContext(context).toBeLessThanOrEqual(maxBytes);
  expect(bytes.toString('utf8')).withContext(context).toBe(result);
  expect(result).withContext(context).not.toContain('\uFFFD');
  if (utf8Bytes(text) <= maxBytes) {
    expect(result).withContext(context).toBe(text);
    return;
  }
  const suffix = utf8Bytes(ellipsis) <= maxBytes ? ellipsis : '';
  expect(result.endsWith(suffix)).withContext(context).toBeTrue();
  const kept = result.slice(0, result.length - suffix.length);
  const parts = graphemes(text);
  const keptParts = graphemes(kept);
  // The kept part is whole graphemes of the original, and the next one would not have fitted.
  expect(keptParts).withContext(context).toEqual(parts.slice(0, keptParts.length));
  const next = parts[keptParts.length];
  expect(utf8Bytes(kept + next + suffix)).withContext(context).toBeGreaterThan(maxBytes);
}
