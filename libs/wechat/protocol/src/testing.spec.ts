import { decodeAesKey } from './lib/crypto';
import { computeSignature } from './lib/signature';
import { parseXml } from './lib/xml';
import { encryptedBodyXml, eventXml, randomEncodingAesKey, signEncryptedQuery, signQuery, textMessageXml, thrownReason } from './testing';

describe('testing fixtures', () => {
  it('when signQuery is given an openid, then the query carries it and a valid signature', () => {
    const query = signQuery({ token: 't', timestamp: '1', nonce: 'n', openid: 'o' });

    expect(query).toEqual({ signature: computeSignature('t', '1', 'n'), timestamp: '1', nonce: 'n', openid: 'o' });
  });

  it('when signEncryptedQuery is used, then the query says aes and has both signatures', () => {
    const query = signEncryptedQuery({ token: 't', timestamp: '1', nonce: 'n', encrypt: 'E' });

    expect(query.encrypt_type).toBe('aes');
    expect(query.signature).toMatch(/^[0-9a-f]{40}$/);
    expect(query.msg_signature).toMatch(/^[0-9a-f]{40}$/);
    expect(query.msg_signature).not.toBe(query.signature);
  });

  it('when sample XML is built, then it parses with the given values', () => {
    expect(parseXml(textMessageXml({ content: 'x]]>y', msgId: '9' }))).toEqual(jasmine.objectContaining({ Content: 'x]]>y', MsgId: '9', MsgType: 'text' }));
    expect(parseXml(eventXml({ event: 'SCAN', eventKey: '123' }))).toEqual(jasmine.objectContaining({ Event: 'SCAN', EventKey: '123' }));
    expect(Object.keys(parseXml(eventXml({ event: 'subscribe' })))).not.toContain('EventKey');
  });

  it('when encrypted bodies are built, then safe mode has only ToUserName and Encrypt and compatible mode keeps the plain fields', () => {
    const key = decodeAesKey(randomEncodingAesKey());
    const inner = textMessageXml({ content: 'x' });

    const safe = parseXml(encryptedBodyXml(inner, { key, appId: 'wx', toUser: 'gh_x' }));
    const compatible = parseXml(encryptedBodyXml(inner, { key, appId: 'wx', compatible: true }));

    expect(Object.keys(safe)).toEqual(['ToUserName', 'Encrypt']);
    expect(safe['ToUserName']).toBe('gh_x');
    expect(Object.keys(compatible)).toEqual(['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'Encrypt']);
  });

  it('when a random EncodingAESKey is made, then it is 43 characters that decode to a 32-byte key', () => {
    const encodingAesKey = randomEncodingAesKey();

    expect(encodingAesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(decodeAesKey(encodingAesKey).length).toBe(32);
  });

  it('when thrownReason wraps code that throws nothing or a plain Error, then it says so', () => {
    expect(thrownReason(() => 1)).toBe('no error');
    expect(thrownReason(() => { throw new Error('boom'); })).toBe('other: boom');
  });
});
