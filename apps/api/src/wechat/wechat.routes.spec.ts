import { DEFAULT_REPLY_TEMPLATES, normalizeCode, renderTemplate } from '@workpiece/api-domain-query';
import { reverseCode } from '@workpiece/api-data-access-db';
import { decryptMessage } from '@workpiece/wechat-protocol';
import { signQuery } from '@workpiece/wechat-protocol/testing';
import { STACK_TRACE, type TestApp, startTestApp } from '../testing/test-app';
import {
  eventMessage,
  getWechat,
  imageMessage,
  newMsgId,
  newNonce,
  newOpenid,
  nowSeconds,
  openEncryptedReply,
  plainQuery,
  postEncrypted,
  postPlain,
  readReply,
  textMessage,
  wechatUrl,
} from '../testing/wechat-requests';

const XML_UTF8 = 'application/xml; charset=utf-8';

describe('/wechat', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Writes the queued log and says whether a row exists for this MsgId. */
  async function loggedRowFor(msgId: string): Promise<boolean> {
    await app.queryLog.flush();
    return (await app.prisma.queryLog.count({ where: { messageId: msgId } })) > 0;
  }

  describe('URL check (GET)', () => {
    function urlCheck(p: { timestamp?: number; echostr: string }) {
      return { ...signQuery({ token: app.account.token, timestamp: String(p.timestamp ?? nowSeconds()), nonce: newNonce() }), echostr: p.echostr };
    }

    it('when the signature holds, then echostr comes back verbatim', async () => {
      const echostr = '7271468590064713728+/=中 x';

      const res = await getWechat(app, urlCheck({ echostr }));

      expect(res.status).toBe(200);
      expect(res.body).toBe(echostr);
    });

    it('when the signature is wrong, then 401 and the echostr is not echoed', async () => {
      const query = { ...urlCheck({ echostr: 'echo-123' }), signature: '0'.repeat(40) };

      const res = await getWechat(app, query);

      expect(res.status).toBe(401);
      expect(res.body).not.toContain('echo-123');
      expect(res.body).not.toMatch(STACK_TRACE);
    });

    it('when the signature is missing, then 401', async () => {
      const { signature: _signature, ...query } = urlCheck({ echostr: 'echo-123' });

      const res = await getWechat(app, query);

      expect(res.status).toBe(401);
      expect(res.body).not.toContain('echo-123');
    });

    it('when the timestamp is more than 300 s away, then 401 even with a good signature', async () => {
      const past = await getWechat(app, urlCheck({ echostr: 'echo-old', timestamp: nowSeconds() - 301 }));
      const future = await getWechat(app, urlCheck({ echostr: 'echo-new', timestamp: nowSeconds() + 301 }));

      expect(past.status).toBe(401);
      expect(future.status).toBe(401);
    });

    it('when the timestamp window is set to 0, then an old but signed timestamp is accepted', async () => {
      const noWindow = await startTestApp({ shareDatabaseWith: app, env: { WECHAT_TIMESTAMP_WINDOW_SECONDS: '0' } });
      try {
        const query = {
          ...signQuery({ token: app.account.token, timestamp: '1409735669', nonce: newNonce() }),
          echostr: 'echo-2014',
        };

        const res = await getWechat(noWindow, query);

        expect(res.status).toBe(200);
        expect(res.body).toBe('echo-2014');
      } finally {
        await noWindow.close();
      }
    });
  });

  describe('in plain mode', () => {
    async function ask(content: string, openid = newOpenid()) {
      const res = await postPlain(app, textMessage(app, { content, openid }));
      return { res, reply: readReply(res.body), openid };
    }

    it('when a placed workpiece is asked for, then a UTF-8 XML text reply names its location', async () => {
      const openid = newOpenid();

      const res = await postPlain(app, textMessage(app, { content: '?18-546', openid }));

      expect(res.status).toBe(200);
      expect(res.contentType).toBe(XML_UTF8);
      const reply = readReply(res.body);
      expect(reply['ToUserName']).toBe(openid);
      expect(reply['FromUserName']).toBe(app.account.accountId);
      expect(reply['MsgType']).toBe('text');
      expect(reply['CreateTime']).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(reply['CreateTime']) - nowSeconds())).toBeLessThanOrEqual(5);
      expect(reply['Content']).toBe('[18-546]的工作台位为[车体新厂房3号]');
    });

    it('when the code is typed in full-width characters, then the answer is the same', async () => {
      const { res, reply } = await ask('？１８－５４６');

      expect(res.status).toBe(200);
      expect(reply['Content']).toBe('[18-546]的工作台位为[车体新厂房3号]');
    });

    it('when the code matches nothing, then the reply says so and suggests near codes', async () => {
      const { reply } = await ask('?18-540');

      expect(reply['Content']).toMatch(/^未找到工件\[18-540\]，您是否要找：/);
      expect(reply['Content']).toContain('18-546');
    });

    it('when several codes are sent in one message, then each gets its own line', async () => {
      const { reply } = await ask('?18-546 19-101，20-001');

      expect(reply['Content'].split('\n')).toEqual([
        '[18-546]的工作台位为[车体新厂房3号]',
        '[19-101]的工作台位为[总装厂房A1台位]',
        '[20-001]尚未放置到任何台位',
      ]);
    });

    it('when a workpiece exists but is not placed, then the reply says it is not placed', async () => {
      const { reply } = await ask('?20-001');

      expect(reply['Content']).toBe('[20-001]尚未放置到任何台位');
    });

    it('when 帮助 is sent, then the usage comes back', async () => {
      const { reply } = await ask('帮助');

      expect(reply['Content']).toBe(DEFAULT_REPLY_TEMPLATES.help);
    });

    it('when someone follows the account, then they are welcomed with the usage', async () => {
      const openid = newOpenid();

      const res = await postPlain(app, eventMessage(app, { event: 'subscribe', openid }));

      expect(res.status).toBe(200);
      const reply = readReply(res.body);
      expect(reply['ToUserName']).toBe(openid);
      expect(reply['Content']).toBe(renderTemplate(DEFAULT_REPLY_TEMPLATES.welcome, { help: DEFAULT_REPLY_TEMPLATES.help }));
    });

    it('when someone unfollows the account, then the body is "success" (no reply, no retry)', async () => {
      const res = await postPlain(app, eventMessage(app, { event: 'unsubscribe', openid: newOpenid() }));

      expect(res.status).toBe(200);
      expect(res.body).toBe('success');
    });

    it('when an image is sent, then the reply is the usage hint, not an error', async () => {
      const res = await postPlain(app, imageMessage(app, { openid: newOpenid() }));

      expect(res.status).toBe(200);
      expect(readReply(res.body)['Content']).toBe(DEFAULT_REPLY_TEMPLATES.unsupported);
    });

    it('when a workpiece was just placed on a location created moments ago, then the reply names that location', async () => {
      await ask('?18-548'); // the location paths are now loaded and fresh
      const workshop = await app.prisma.location.findUniqueOrThrow({ where: { code: 'ZZ' } });
      const location = await app.prisma.location.create({ data: { code: 'ZZ-B7', name: 'B7台位', kind: 'bay', parentId: workshop.id } });
      await app.prisma.workpiece.create({
        data: { code: 'NEW-1', normalizedCode: 'NEW-1', reversedCode: reverseCode('NEW-1'), locationId: location.id, placedAt: new Date() },
      });

      const { reply } = await ask('?new-1');

      expect(reply['Content']).toBe('[NEW-1]的工作台位为[总装厂房B7台位]');
    });

    it('when a location name contains "]]>", then the reply is well-formed XML carrying the name exactly', async () => {
      const name = '暂存]]>区<&>';
      const workshop = await app.prisma.location.findUniqueOrThrow({ where: { code: 'CT-NEW' } });
      const location = await app.prisma.location.create({ data: { code: 'CT-NEW-CDATA', name, kind: 'area', parentId: workshop.id } });
      const normalized = normalizeCode('cd-77');
      await app.prisma.workpiece.create({
        data: { code: 'CD-77', normalizedCode: normalized, reversedCode: reverseCode(normalized), locationId: location.id, placedAt: new Date() },
      });

      const { res, reply } = await ask('?CD-77');

      expect(res.status).toBe(200);
      expect(res.body).toContain(']]]]><![CDATA[>');
      expect(reply['Content']).toBe(`[CD-77]的工作台位为[车体新厂房${name}]`);
    });
  });

  describe('in compatible and safe modes', () => {
    it('when a safe-mode message arrives, then the reply is an envelope whose signature holds and which decrypts to the answer', async () => {
      const openid = newOpenid();

      const res = await postEncrypted(app, textMessage(app, { content: '?18-546', openid }));

      expect(res.status).toBe(200);
      expect(res.contentType).toBe(XML_UTF8);
      const { envelope, signatureValid, reply } = openEncryptedReply(app, res.body, app.account.key);
      expect(Object.keys(envelope).sort()).toEqual(['Encrypt', 'MsgSignature', 'Nonce', 'TimeStamp']);
      expect(signatureValid).toBeTrue();
      expect(Math.abs(Number(envelope['TimeStamp']) - nowSeconds())).toBeLessThanOrEqual(5);
      expect(reply['ToUserName']).toBe(openid);
      expect(reply['FromUserName']).toBe(app.account.accountId);
      expect(reply['CreateTime']).toMatch(/^\d{10}$/);
      expect(reply['Content']).toBe('[18-546]的工作台位为[车体新厂房3号]');
    });

    it('when a compatible-mode message arrives, then it is answered with an encrypted reply', async () => {
      const openid = newOpenid();

      const res = await postEncrypted(app, textMessage(app, { content: '?19-101', openid }), { compatible: true });

      expect(res.status).toBe(200);
      const { signatureValid, reply } = openEncryptedReply(app, res.body, app.account.key);
      expect(signatureValid).toBeTrue();
      expect(reply['ToUserName']).toBe(openid);
      expect(reply['Content']).toBe('[19-101]的工作台位为[总装厂房A1台位]');
    });

    it('when a message is encrypted with the previous key, then it is answered and the reply uses that key', async () => {
      const res = await postEncrypted(app, textMessage(app, { content: '?18-547', openid: newOpenid() }), {
        key: app.account.previousKey,
      });

      expect(res.status).toBe(200);
      const { signatureValid, envelope, reply } = openEncryptedReply(app, res.body, app.account.previousKey);
      expect(signatureValid).toBeTrue();
      expect(reply['Content']).toBe('[18-547]的工作台位为[车体新厂房3号]');
      expect(() => decryptMessage(envelope['Encrypt'], app.account.key, app.account.appId)).toThrow();
    });

    it('when the message names another app id, then 401 and nothing is logged', async () => {
      const msgId = newMsgId();

      const res = await postEncrypted(app, textMessage(app, { content: '?18-546', openid: newOpenid(), msgId }), {
        appId: 'wx0000000000000000',
      });

      expect(res.status).toBe(401);
      expect(res.body).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when msg_signature is forged, then 401 and nothing is logged', async () => {
      const msgId = newMsgId();

      const res = await postEncrypted(app, textMessage(app, { content: '?18-546', openid: newOpenid(), msgId }), {
        override: { msg_signature: 'f'.repeat(40) },
      });

      expect(res.status).toBe(401);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the encrypted message hides a DOCTYPE, then 400', async () => {
      const inner = `<!DOCTYPE xml [<!ENTITY x "boom">]>${textMessage(app, { content: '&x;', openid: newOpenid() })}`;

      const res = await postEncrypted(app, inner);

      expect(res.status).toBe(400);
      expect(res.body).not.toContain('boom');
    });
  });

  describe('against hostile input', () => {
    it('when the signature is forged, then 401 and no query-log row', async () => {
      const msgId = newMsgId();

      const res = await postPlain(app, textMessage(app, { content: '?18-546', openid: newOpenid(), msgId }), {
        override: { signature: '0123456789abcdef0123456789abcdef01234567' },
      });

      expect(res.status).toBe(401);
      expect(res.body).not.toContain('18-546');
      expect(res.body).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the signature is missing, then 401 and no query-log row', async () => {
      const msgId = newMsgId();

      const res = await postPlain(app, textMessage(app, { content: '?18-546', openid: newOpenid(), msgId }), {
        override: { signature: undefined },
      });

      expect(res.status).toBe(401);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when a signed message carries a stale timestamp, then 401 and no query-log row', async () => {
      const msgId = newMsgId();
      const timestamp = nowSeconds() - 3600;

      const res = await postPlain(app, textMessage(app, { content: '?18-546', openid: newOpenid(), msgId, createTime: timestamp }), {
        timestamp,
      });

      expect(res.status).toBe(401);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the body is larger than 64 KiB, then 413', async () => {
      const msgId = newMsgId();
      const body = textMessage(app, { content: `?18-546 ${'x'.repeat(65 * 1024)}`, openid: newOpenid(), msgId });

      const res = await postPlain(app, body);

      expect(res.status).toBe(413);
      expect(res.body).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the XML is malformed, then 400 without a stack trace', async () => {
      const res = await postPlain(app, `<xml><ToUserName><![CDATA[${app.account.accountId}]]></ToUserName><Content>?18-546</xml>`);

      expect(res.status).toBe(400);
      expect(res.body).not.toMatch(STACK_TRACE);
    });

    it('when the body names a charset or encoding nobody can read, then 415 without a stack trace and nothing written', async () => {
      const msgId = newMsgId();
      const body = textMessage(app, { content: '?18-546', openid: newOpenid(), msgId });
      const url = wechatUrl(app, plainQuery(app));

      const charset = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=klingon' }, body });
      const encoding = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml', 'content-encoding': 'compress' }, body });

      expect([charset.status, encoding.status]).toEqual([415, 415]);
      expect(await charset.text()).not.toMatch(STACK_TRACE);
      expect(await encoding.text()).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the body is not XML at all, then 400 without a stack trace', async () => {
      const res = await postPlain(app, '{"ToUserName":"gh_x","Content":"?18-546"}');

      expect(res.status).toBe(400);
      expect(res.body).not.toMatch(STACK_TRACE);
    });

    it('when the XML declares a billion-laughs entity bomb, then 400 and nothing is written', async () => {
      const msgId = newMsgId();
      const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
      const body =
        `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY lol0 "lol">${lol}]>` +
        textMessage(app, { content: '?18-546', openid: newOpenid(), msgId }).replace('?18-546]]>', '?18-546]]>&lol9;');

      const res = await postPlain(app, body);

      expect(res.status).toBe(400);
      expect(res.body).not.toContain('lol');
      expect(res.body).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when the XML declares an external entity, then 400, no file content leaks and nothing is written', async () => {
      const msgId = newMsgId();
      const message = textMessage(app, { content: 'x', openid: newOpenid(), msgId }).replace('<![CDATA[x]]>', '&xxe;');
      const body = `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${message}`;

      const res = await postPlain(app, body);

      expect(res.status).toBe(400);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toMatch(STACK_TRACE);
      expect(await loggedRowFor(msgId)).toBeFalse();
    });

    it('when a required field is missing, then 400 without a stack trace', async () => {
      const body = textMessage(app, { content: '?18-546', openid: newOpenid() }).replace(/<MsgId>\d+<\/MsgId>/, '');

      const res = await postPlain(app, body);

      expect(res.status).toBe(400);
      expect(res.body).not.toMatch(STACK_TRACE);
    });
  });
});
