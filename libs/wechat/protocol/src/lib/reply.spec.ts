import { OFFICIAL_VECTOR, randomEncodingAesKey } from '../testing';
import { decodeAesKey, decryptMessage } from './crypto';
import { buildEncryptedEnvelope, buildTextReply, encryptReply } from './reply';
import { computeMsgSignature } from './signature';
import { parseXml } from './xml';

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
