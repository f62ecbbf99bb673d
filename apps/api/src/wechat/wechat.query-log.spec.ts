import { DEFAULT_REPLY_TEMPLATES } from '@workpiece/api-domain-query';
import { type TestApp, startTestApp } from '../testing/test-app';
import {
  eventMessage,
  imageMessage,
  newMsgId,
  newNonce,
  newOpenid,
  nowSeconds,
  postPlain,
  readReply,
  textMessage,
} from '../testing/wechat-requests';

/** A reply without its CreateTime, which moves with the clock from one delivery to the next. */
function timeless(body: string): Record<string, string> {
  const { CreateTime: _createTime, ...rest } = readReply(body);
  return rest;
}

describe('/wechat retries and the query log', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('when WeChat delivers one message more than once', () => {
    it('when three deliveries of one MsgId arrive at once, then all three get the same reply and one row is logged', async () => {
      const msgId = newMsgId();
      const createTime = nowSeconds();
      const body = textMessage(app, { content: '?18-546', openid: newOpenid(), msgId, createTime });

      const replies = await Promise.all(
        [0, 1, 2].map((n) => postPlain(app, body, { timestamp: createTime + n, nonce: newNonce() })),
      );
      await app.queryLog.flush();

      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      const [first, ...others] = replies.map((r) => timeless(r.body));
      expect(first['Content']).toBe('[18-546]的工作台位为[车体新厂房3号]');
      for (const other of others) expect(other).toEqual(first);
      expect(await app.prisma.queryLog.count({ where: { messageId: msgId } })).toBe(1);
    });

    it('when a retry reaches another API process, then it gets the first reply (not a fresh answer) and no second row', async () => {
      const second = await startTestApp({ shareDatabaseWith: app });
      try {
        const msgId = newMsgId();
        const createTime = nowSeconds() - 3;
        const body = textMessage(app, { content: '?18-548', openid: newOpenid(), msgId, createTime });
        const first = await postPlain(app, body, { timestamp: createTime });
        await app.queryLog.flush();
        // The workpiece moves before the retry: a fresh answer would now name another bay.
        const bay3 = await app.prisma.location.findUniqueOrThrow({ where: { code: 'CT-NEW-03' } });
        await app.prisma.workpiece.update({ where: { normalizedCode: '18-548' }, data: { locationId: bay3.id } });

        const retry = await postPlain(second, body, { timestamp: createTime + 3 });
        await second.queryLog.flush();

        expect(readReply(first.body)['Content']).toBe('[18-548]的工作台位为[车体新厂房5号]');
        expect(retry.status).toBe(200);
        expect(timeless(retry.body)).toEqual(timeless(first.body));
        expect(await app.prisma.queryLog.count({ where: { messageId: msgId } })).toBe(1);
      } finally {
        await second.close();
      }
    });
  });

  describe('when a menu link is clicked', () => {
    it('when its VIEW event carries a URL longer than the log keeps, then it is logged once, retries included, and later messages are logged too', async () => {
      const openid = newOpenid();
      const createTime = nowSeconds() - 3;
      const url = `https://factory.example/oauth2/authorize?redirect_uri=${'https%3A%2F%2Ffactory.example%2Fworkpieces%3Fline%3D18'.repeat(6)}`;
      const click = eventMessage(app, { openid, event: 'VIEW', eventKey: url, createTime });

      const first = await postPlain(app, click, { timestamp: createTime });
      const retry = await postPlain(app, click, { timestamp: createTime + 3 });
      const after = await postPlain(app, textMessage(app, { openid, content: '?18-546' }));
      await app.queryLog.flush();

      expect([first.body, retry.body]).toEqual(['success', 'success']);
      expect(readReply(after.body)['Content']).toBe('[18-546]的工作台位为[车体新厂房3号]');
      const rows = await app.prisma.queryLog.findMany({ where: { openid }, orderBy: { id: 'asc' } });
      expect(rows.map((row) => row.outcome)).toEqual(['event', 'hit']);
      expect(rows[0].dedupeKey?.startsWith(`evt:${openid}:${createTime}:VIEW:https://factory.example/`)).toBeTrue();
    });
  });

  describe('when distinct messages are answered', () => {
    it('then each gets one row with channel, openid, exact MsgId, codes, outcome, reply and latency', async () => {
      const openid = newOpenid();
      const hitId = '6054768590064713729'; // > 2^53: a number column would round it
      const [missId, partialId, helpId, imageId] = [newMsgId(), newMsgId(), newMsgId(), newMsgId()];
      const messages = [
        textMessage(app, { openid, msgId: hitId, content: '?18-546' }),
        textMessage(app, { openid, msgId: missId, content: '?NOPE-1' }),
        textMessage(app, { openid, msgId: partialId, content: '?18-547 NOPE-2' }),
        textMessage(app, { openid, msgId: helpId, content: '帮助' }),
        eventMessage(app, { openid, event: 'subscribe' }),
        imageMessage(app, { openid, msgId: imageId }),
      ];

      const replies: string[] = [];
      for (const message of messages) replies.push(readReply((await postPlain(app, message)).body)['Content']);
      // A retry of the first message must not add a row.
      await postPlain(app, messages[0], { timestamp: nowSeconds() + 1 });
      await app.queryLog.flush();

      const rows = await app.prisma.queryLog.findMany({ where: { openid }, orderBy: { id: 'asc' } });
      expect(rows.length).toBe(messages.length);
      expect(rows.map((row) => row.outcome)).toEqual(['hit', 'miss', 'partial', 'help', 'event', 'unsupported']);
      expect(rows.map((row) => row.messageId)).toEqual([hitId, missId, partialId, helpId, null, imageId]);
      expect(rows.map((row) => row.replyText)).toEqual(replies);
      expect(rows.map((row) => row.normalizedCodes)).toEqual([
        ['18-546'],
        ['NOPE-1'],
        ['18-547', 'NOPE-2'],
        [],
        [],
        [],
      ]);
      for (const row of rows) {
        expect(row.channel).toBe('wechat');
        expect(row.openid).toBe(openid);
        expect(Number.isInteger(row.latencyMs) && row.latencyMs >= 0).withContext(`latency ${row.latencyMs}`).toBeTrue();
      }
      expect(rows[3].replyText).toBe(DEFAULT_REPLY_TEMPLATES.help);
      expect(rows[4].dedupeKey).toMatch(new RegExp(`^evt:${openid}:\\d+:subscribe$`));
    });
  });
});
