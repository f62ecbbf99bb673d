import {
  encryptedRequest,
  eventXml,
  OFFICIAL_VECTOR,
  randomEncodingAesKey,
  signEncryptedQuery,
  signQuery,
  textMessageXml,
  thrownReason,
} from '../testing';
import { decodeAesKey, encryptMessage } from './crypto';
import { computeMsgSignature } from './signature';
import { openMessage, verifyUrlCheck, type WechatQuery } from './verify';
import { cdata } from './xml';

const V = OFFICIAL_VECTOR;
const NOW_MS = 1_409_735_669_000;
const OPTIONS = { token: V.token, nowMs: NOW_MS, timestampWindowSeconds: 300 };
const OFFICIAL_KEY = decodeAesKey(V.encodingAesKey);
const AES_OPTIONS = { ...OPTIONS, appId: V.appId, keys: [OFFICIAL_KEY] };
const SAFE_BODY = `<xml><ToUserName>${cdata('gh_10f6c3c3ac5a')}</ToUserName><Encrypt>${cdata(V.encrypt)}</Encrypt></xml>`;
const OFFICIAL_MESSAGE = {
  type: 'text',
  toUser: 'gh_10f6c3c3ac5a',
  fromUser: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
  createTime: '1409735668',
  msgId: '6054768590064713728',
  content: 'abcdteT',
} as const;
const plainQuery = (): WechatQuery => signQuery({ token: V.token, timestamp: V.timestamp, nonce: V.nonce, openid: 'o_user' });
const officialAesQuery = (): WechatQuery => ({
  signature: V.signature,
  timestamp: V.timestamp,
  nonce: V.nonce,
  encrypt_type: 'aes',
  msg_signature: V.msgSignature,
  openid: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
});

describe('verifyUrlCheck', () => {
  it('when the signature holds and the timestamp is fresh, then it returns echostr verbatim', () => {
    const query = { ...plainQuery(), echostr: '5837397520647158471' };

    const echo = verifyUrlCheck(query, OPTIONS);

    expect(echo).toBe('5837397520647158471');
  });

  it('when the signature is forged, then it throws bad_signature', () => {
    const query = { ...plainQuery(), signature: '0'.repeat(40), echostr: 'e' };

    expect(thrownReason(() => verifyUrlCheck(query, OPTIONS))).toBe('bad_signature');
  });

  it('when the token on our side differs, then it throws bad_signature', () => {
    const query = { ...plainQuery(), echostr: 'e' };

    expect(thrownReason(() => verifyUrlCheck(query, { ...OPTIONS, token: 'other' }))).toBe('bad_signature');
  });

  it('when the timestamp is outside the window, then it throws stale_timestamp', () => {
    const query = { ...plainQuery(), echostr: 'e' };

    expect(thrownReason(() => verifyUrlCheck(query, { ...OPTIONS, nowMs: NOW_MS + 301_000 }))).toBe('stale_timestamp');
    expect(thrownReason(() => verifyUrlCheck(query, { ...OPTIONS, nowMs: NOW_MS - 301_000 }))).toBe('stale_timestamp');
  });

  it('when the window is 0, then an old but correctly signed check passes', () => {
    const query = { ...plainQuery(), echostr: 'e' };

    expect(verifyUrlCheck(query, { ...OPTIONS, nowMs: NOW_MS + 86_400_000, timestampWindowSeconds: 0 })).toBe('e');
  });

  it('when any of signature, timestamp, nonce or echostr is missing, then it throws missing_field', () => {
    const full: WechatQuery = { ...plainQuery(), echostr: 'e' };
    for (const name of ['signature', 'timestamp', 'nonce', 'echostr'] as const) {
      const query = { ...full };
      delete query[name];

      expect(thrownReason(() => verifyUrlCheck(query, OPTIONS))).withContext(name).toBe('missing_field');
    }
  });

  it('when no token is configured, then it refuses with a plain Error instead of accepting anyone', () => {
    const query = { ...signQuery({ token: '', timestamp: V.timestamp, nonce: V.nonce }), echostr: 'e' };

    expect(thrownReason(() => verifyUrlCheck(query, { ...OPTIONS, token: '' }))).toMatch(/^other: /);
  });
});

describe('openMessage in plain mode', () => {
  it('when a signed text message arrives, then it returns the message in plain mode without keyIndex', () => {
    const opened = openMessage(plainQuery(), V.xml, OPTIONS);

    expect(opened).toEqual({ mode: 'plain', message: OFFICIAL_MESSAGE });
  });

  it('when encrypt_type is raw, then it is plain mode too', () => {
    const opened = openMessage({ ...plainQuery(), encrypt_type: 'raw' }, eventXml({ event: 'subscribe' }), OPTIONS);

    expect(opened.mode).toBe('plain');
    expect(opened.message).toEqual(jasmine.objectContaining({ type: 'event', event: 'subscribe' }));
  });

  it('when the signature is forged, then it throws bad_signature before looking at the body', () => {
    const query = { ...plainQuery(), signature: V.signature.replace(/^1/, '2') };

    expect(thrownReason(() => openMessage(query, '<not xml', OPTIONS))).toBe('bad_signature');
  });

  it('when the signature is missing, then it throws missing_field', () => {
    const query = plainQuery();
    delete query.signature;

    expect(thrownReason(() => openMessage(query, V.xml, OPTIONS))).toBe('missing_field');
  });

  it('when the timestamp is stale, then it throws stale_timestamp before looking at the body', () => {
    expect(thrownReason(() => openMessage(plainQuery(), '<not xml', { ...OPTIONS, nowMs: NOW_MS + 3_600_000 }))).toBe('stale_timestamp');
  });

  it('when timestamp or nonce is missing, then it throws missing_field', () => {
    const withoutTimestamp = plainQuery();
    delete withoutTimestamp.timestamp;
    const withoutNonce = plainQuery();
    delete withoutNonce.nonce;

    expect(thrownReason(() => openMessage(withoutTimestamp, V.xml, OPTIONS))).toBe('missing_field');
    expect(thrownReason(() => openMessage(withoutNonce, V.xml, OPTIONS))).toBe('missing_field');
  });

  it('when the body is not XML or carries a DOCTYPE, then it throws malformed_xml', () => {
    expect(thrownReason(() => openMessage(plainQuery(), 'success', OPTIONS))).toBe('malformed_xml');
    expect(thrownReason(() => openMessage(plainQuery(), '<!DOCTYPE x [<!ENTITY a "b">]><xml/>', OPTIONS))).toBe('malformed_xml');
  });

  it('when the body lacks FromUserName, then it throws missing_field', () => {
    const body = '<xml><ToUserName>gh_1</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>';

    expect(thrownReason(() => openMessage(plainQuery(), body, OPTIONS))).toBe('missing_field');
  });

  it('when encrypt_type names an unknown scheme, then it refuses rather than fall back to plain', () => {
    expect(thrownReason(() => openMessage({ ...plainQuery(), encrypt_type: 'sm4' }, V.xml, OPTIONS))).toBe('missing_field');
  });
});

describe('openMessage in safe mode', () => {
  it("when Tencent's sample request arrives, then it decrypts to the sample message with the exact MsgId", () => {
    const opened = openMessage(officialAesQuery(), SAFE_BODY, AES_OPTIONS);

    expect(opened).toEqual({ mode: 'safe', message: OFFICIAL_MESSAGE, keyIndex: 0 });
  });

  it('when the plain signature is absent, then msg_signature alone is enough', () => {
    const query = officialAesQuery();
    delete query.signature;

    expect(openMessage(query, SAFE_BODY, AES_OPTIONS).message).toEqual(OFFICIAL_MESSAGE);
  });

  it('when msg_signature is forged, then it throws bad_signature', () => {
    const query = { ...officialAesQuery(), msg_signature: V.signature };

    expect(thrownReason(() => openMessage(query, SAFE_BODY, AES_OPTIONS))).toBe('bad_signature');
  });

  it('when msg_signature holds but the plain signature is forged, then it throws bad_signature before parsing', () => {
    const query = { ...officialAesQuery(), signature: '0'.repeat(40) };

    expect(thrownReason(() => openMessage(query, '<broken', AES_OPTIONS))).toBe('bad_signature');
  });

  it('when the Encrypt in the body was swapped for another, then msg_signature no longer matches', () => {
    const otherEncrypt = encryptMessage(textMessageXml({ content: '转账' }), OFFICIAL_KEY, V.appId);
    const body = `<xml><ToUserName>${cdata('gh_10f6c3c3ac5a')}</ToUserName><Encrypt>${cdata(otherEncrypt)}</Encrypt></xml>`;

    expect(thrownReason(() => openMessage(officialAesQuery(), body, AES_OPTIONS))).toBe('bad_signature');
  });

  it('when msg_signature is missing, then it throws missing_field', () => {
    const query = officialAesQuery();
    delete query.msg_signature;

    expect(thrownReason(() => openMessage(query, SAFE_BODY, AES_OPTIONS))).toBe('missing_field');
  });

  it('when the body has no Encrypt, then it throws missing_field', () => {
    expect(thrownReason(() => openMessage(officialAesQuery(), '<xml><ToUserName>gh_1</ToUserName></xml>', AES_OPTIONS))).toBe('missing_field');
  });

  it('when the timestamp is stale, then it throws stale_timestamp', () => {
    expect(thrownReason(() => openMessage(officialAesQuery(), SAFE_BODY, { ...AES_OPTIONS, nowMs: NOW_MS - 600_000 }))).toBe('stale_timestamp');
  });

  it('when the current key is new and the message used the previous key, then it opens with keyIndex 1', () => {
    const current = decodeAesKey(randomEncodingAesKey());

    const opened = openMessage(officialAesQuery(), SAFE_BODY, { ...AES_OPTIONS, keys: [current, OFFICIAL_KEY] });

    expect(opened.keyIndex).toBe(1);
    expect(opened.message).toEqual(OFFICIAL_MESSAGE);
  });

  it('when none of our keys fit, then it throws decrypt_failed', () => {
    const keys = [decodeAesKey(randomEncodingAesKey()), decodeAesKey(randomEncodingAesKey())];

    expect(thrownReason(() => openMessage(officialAesQuery(), SAFE_BODY, { ...AES_OPTIONS, keys }))).toBe('decrypt_failed');
  });

  it('when the message was sealed for another AppID, then it throws appid_mismatch', () => {
    expect(thrownReason(() => openMessage(officialAesQuery(), SAFE_BODY, { ...AES_OPTIONS, appId: 'wxSOMEONEELSE00000' }))).toBe('appid_mismatch');
  });

  it('when a correctly signed Encrypt is garbage, then it throws decrypt_failed', () => {
    const encrypt = Buffer.alloc(64, 1).toString('base64');
    const query = signEncryptedQuery({ token: V.token, timestamp: V.timestamp, nonce: V.nonce, encrypt });
    const body = `<xml><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;

    expect(thrownReason(() => openMessage(query, body, AES_OPTIONS))).toBe('decrypt_failed');
  });

  it('when the decrypted XML lacks MsgType, then it throws missing_field', () => {
    const request = encryptedRequest('<xml><ToUserName>gh_1</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime></xml>', {
      token: V.token,
      timestamp: V.timestamp,
      nonce: V.nonce,
      key: OFFICIAL_KEY,
      appId: V.appId,
    });

    expect(thrownReason(() => openMessage(request.query, request.body, AES_OPTIONS))).toBe('missing_field');
  });

  it('when no keys or no appId are configured, then it fails as a setup error, not a protocol error', () => {
    expect(thrownReason(() => openMessage(officialAesQuery(), SAFE_BODY, { ...OPTIONS, appId: V.appId, keys: [] }))).toMatch(/^other: /);
    expect(thrownReason(() => openMessage(officialAesQuery(), SAFE_BODY, { ...OPTIONS, keys: [OFFICIAL_KEY] }))).toMatch(/^other: /);
  });
});

describe('openMessage in compatible mode', () => {
  it('when plain fields come beside Encrypt, then the mode is compatible and the message is the decrypted one', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const inner = textMessageXml({ content: '工件 18-546 在哪里？', msgId: '6054768590064713729' });
    const request = encryptedRequest(inner, { token: 'tok', timestamp: '1409735669', nonce: 'n1', key, appId: 'wx_app', compatible: true });

    const opened = openMessage(request.query, request.body, { token: 'tok', nowMs: NOW_MS, timestampWindowSeconds: 300, appId: 'wx_app', keys: [key] });

    expect(opened.mode).toBe('compatible');
    expect(opened.keyIndex).toBe(0);
    expect(opened.message).toEqual(jasmine.objectContaining({ type: 'text', content: '工件 18-546 在哪里？', msgId: '6054768590064713729' }));
  });

  it('when the unsigned plain fields disagree with the encrypted ones, then the encrypted ones win', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const encrypt = encryptMessage(textMessageXml({ content: 'genuine' }), key, 'wx_app');
    const query = signEncryptedQuery({ token: 'tok', timestamp: '1409735669', nonce: 'n1', encrypt });
    const body = textMessageXml({ content: 'forged' }).replace('</xml>', `<Encrypt>${cdata(encrypt)}</Encrypt></xml>`);

    const opened = openMessage(query, body, { token: 'tok', nowMs: NOW_MS, timestampWindowSeconds: 300, appId: 'wx_app', keys: [key] });

    expect(opened.mode).toBe('compatible');
    expect(opened.message).toEqual(jasmine.objectContaining({ content: 'genuine' }));
  });

  it('when the msg_signature was made with another token, then it throws bad_signature', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const request = encryptedRequest(textMessageXml({ content: 'x' }), { token: 'tok', timestamp: V.timestamp, nonce: 'n', key, appId: 'wx_app', compatible: true });
    const query = { ...request.query, signature: undefined, msg_signature: computeMsgSignature('other', V.timestamp, 'n', request.encrypt) };

    expect(thrownReason(() => openMessage(query, request.body, { token: 'tok', nowMs: NOW_MS, timestampWindowSeconds: 300, appId: 'wx_app', keys: [key] }))).toBe('bad_signature');
  });
});
