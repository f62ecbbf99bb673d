import { isLostConnectionError } from '@workpiece/api-data-access-db';
import { BUSY_REPLY, ERROR_REPLY } from '@workpiece/api-domain-query';
import { STACK_TRACE, type TestApp, startTestApp } from '../testing/test-app';
import { type HttpReply, newMsgId, newOpenid, postPlain, readReply, request, textMessage } from '../testing/wechat-requests';

const BUDGET_MS = 800;
// What "in time" means here: the configured budget plus a second for HTTP and a busy test machine.
const IN_TIME_MS = BUDGET_MS + 1000;
// Generous bound for the database to come back and the log to be written; not a performance claim.
const RECOVERY_MS = 15_000;
const SPEC_TIMEOUT_MS = 30_000;

describe('/wechat when the database goes away and comes back', () => {
  let app: TestApp;
  let proxyErrors: unknown[];

  beforeAll(async () => {
    app = await startTestApp({ viaProxy: true, env: { WECHAT_REPLY_BUDGET_MS: String(BUDGET_MS) } });
  });

  beforeEach(async () => {
    // The query log complains while the database is away; that is expected here, so keep it quiet.
    proxyErrors = [];
    spyOn(console, 'error').and.callFake((...args: unknown[]) => void proxyErrors.push(args));
    // Each spec starts with a healthy pool, so a stall hits open connections, not only new ones.
    expect((await request(app, '/api/health')).status).toBe(200);
  });

  afterEach(() => {
    app.proxy?.restore();
  });

  afterAll(async () => {
    app?.proxy?.restore();
    // Closing cuts connections the pool may still be opening: the same driver noise as an outage.
    await duringOutage(async () => app?.close());
  });

  /** Sends `?code` as a new message and measures how long the reply took. */
  async function timedAsk(content: string): Promise<{ res: HttpReply; elapsedMs: number; msgId: string }> {
    const msgId = newMsgId();
    const started = Date.now();
    const res = await postPlain(app, textMessage(app, { content, openid: newOpenid(), msgId }));
    return { res, elapsedMs: Date.now() - started, msgId };
  }

  /**
   * Runs an outage. The mariadb driver rejects a promise nobody awaits when a connection dies while
   * it is being opened (main.ts keeps the process alive through exactly that); any other uncaught
   * error or unhandled rejection still fails the spec.
   */
  async function duringOutage(run: () => Promise<void>): Promise<void> {
    await jasmine.spyOnGlobalErrorsAsync(async (globalErrors) => {
      await run();
      for (const [error] of globalErrors.calls.allArgs()) {
        expect(isLostConnectionError(error)).withContext(`unexpected global error: ${error}`).toBeTrue();
      }
    });
  }

  /** Writes the queued log until the row for `msgId` is in the database. */
  async function loggedRow(msgId: string) {
    const giveUpAt = Date.now() + RECOVERY_MS;
    for (;;) {
      await app.queryLog.flush().catch(() => undefined);
      const row = await app.prisma.queryLog.findFirst({ where: { messageId: msgId } });
      if (row || Date.now() > giveUpAt) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it(
    'when the database stalls, then a busy reply arrives within the budget and its row says timeout once the database is back',
    () =>
      duringOutage(async () => {
        app.proxy?.stall();

        const { res, elapsedMs, msgId } = await timedAsk('?18-546');

        expect(res.status).toBe(200);
        expect(readReply(res.body)['Content']).toBe(BUSY_REPLY);
        expect(elapsedMs).toBeLessThan(IN_TIME_MS);
        app.proxy?.restore();
        const row = await loggedRow(msgId);
        expect(row?.outcome).toBe('timeout');
        expect(row?.replyText).toBe(BUSY_REPLY);
      }),
    SPEC_TIMEOUT_MS,
  );

  it(
    'when the database stalls, then health answers 503 instead of hanging with it',
    () =>
      duringOutage(async () => {
        app.proxy?.stall();

        const down = await request(app, '/api/health');

        app.proxy?.restore();
        expect(down.status).toBe(503);
        expect(JSON.parse(down.body).status).toBe('degraded');
        expect(down.body).not.toMatch(STACK_TRACE);
      }),
    SPEC_TIMEOUT_MS,
  );

  it(
    'when the database refuses connections, then a calm reply still arrives within the budget',
    () =>
      duringOutage(async () => {
        app.proxy?.refuse();

        const { res, elapsedMs, msgId } = await timedAsk('?18-547');

        expect(res.status).toBe(200);
        expect(res.body).not.toMatch(STACK_TRACE);
        expect([BUSY_REPLY, ERROR_REPLY]).toContain(readReply(res.body)['Content']);
        expect(elapsedMs).toBeLessThan(IN_TIME_MS);
        app.proxy?.restore();
        const row = await loggedRow(msgId);
        expect(['timeout', 'error']).toContain(row?.outcome ?? 'no row');
      }),
    SPEC_TIMEOUT_MS,
  );

  it(
    'when the database comes back after an outage, then the next message gets the normal reply and health recovers, without a restart',
    () =>
      duringOutage(async () => {
        app.proxy?.refuse();
        const down = await request(app, '/api/health');
        const during = await timedAsk('?19-101');

        app.proxy?.restore();
        // A code not asked before, so nothing cached can stand in for the database.
        const after = await timedAsk('?19-102');
        const up = await request(app, '/api/health');

        expect(down.status).toBe(503);
        expect(JSON.parse(down.body).status).toBe('degraded');
        expect(down.body).not.toMatch(STACK_TRACE);
        expect([BUSY_REPLY, ERROR_REPLY]).toContain(readReply(during.res.body)['Content']);
        expect(readReply(after.res.body)['Content']).toBe('[19-102]的工作台位为[总装厂房待检区]');
        expect(up.status).toBe(200);
        expect(JSON.parse(up.body).status).toBe('ok');
      }),
    SPEC_TIMEOUT_MS,
  );
});
