import { FakeWorkpieceFinder, fakeWorkpiece } from '../testing';
import { AnswerDesk, type DeskRequest, type LoggedQuery, type QueryLogSink } from './answer-desk';
import { answerQuery } from './answer-query';
import { BUSY_REPLY } from './reply-templates';

class MemoryLog implements QueryLogSink {
  rows: LoggedQuery[] = [];
  earlier = new Map<string, { replyText: string; outcome: LoggedQuery['outcome'] }>();
  write(entry: LoggedQuery) {
    this.rows.push(entry);
  }
  async findByDedupeKey(key: string) {
    return this.earlier.get(key) ?? null;
  }
}

describe('AnswerDesk', () => {
  let finder: FakeWorkpieceFinder;
  let log: MemoryLog;
  let desk: AnswerDesk;

  const request = (over: Partial<DeskRequest> = {}): DeskRequest => ({
    channel: 'wechat',
    openid: 'o1',
    messageId: '6054768590064713728',
    dedupeKey: 'msg:6054768590064713728',
    rawContent: '?18-546',
    receivedAt: Date.now(),
    maybeRepeat: false,
    answer: () => answerQuery('?18-546', finder),
    ...over,
  });

  beforeEach(() => {
    finder = new FakeWorkpieceFinder([fakeWorkpiece('18-546', ['车体新厂房', '3号'])]);
    log = new MemoryLog();
    desk = new AnswerDesk(log, { budgetMs: 200 });
  });

  it('when one message is delivered three times at once, then all get the same reply and one row is logged', async () => {
    finder.delayMs = 30;

    const answers = await Promise.all([desk.handle(request()), desk.handle(request()), desk.handle(request())]);

    expect(answers.map((a) => a.replyText)).toEqual(Array(3).fill('[18-546]的工作台位为[车体新厂房3号]'));
    expect(answers.map((a) => a.repeated)).toEqual([false, true, true]);
    expect(log.rows.length).toBe(1);
    expect(finder.byCodesCalls.length).toBe(1);
  });

  it('when the lookup outlives the budget, then the busy reply leaves in time and the log says timeout', async () => {
    finder.delayMs = 1000;
    const started = Date.now();

    const answer = await desk.handle(request());

    expect(Date.now() - started).toBeLessThan(900);
    expect(answer.replyText).toBe(BUSY_REPLY);
    expect(log.rows[0].outcome).toBe('timeout');
  });

  it('when the lookup fails, then the user gets a calm reply and the log says error', async () => {
    finder.error = new Error('connection refused');

    const answer = await desk.handle(request());

    expect(answer.outcome).toBe('error');
    expect(answer.replyText).not.toContain('connection');
    expect(log.rows[0].outcome).toBe('error');
  });

  it('when a repeat arrives that another process answered, then its logged reply is given and nothing new is logged', async () => {
    log.earlier.set('msg:1', { replyText: '[18-546]的工作台位为[旧位置]', outcome: 'hit' });

    const answer = await desk.handle(request({ dedupeKey: 'msg:1', maybeRepeat: true }));

    expect(answer.replyText).toBe('[18-546]的工作台位为[旧位置]');
    expect(answer.repeated).toBeTrue();
    expect(log.rows.length).toBe(0);
  });

  it('when messages have no dedupe key, then each is answered and logged on its own', async () => {
    await desk.handle(request({ dedupeKey: null }));
    await desk.handle(request({ dedupeKey: null }));

    expect(log.rows.length).toBe(2);
    expect(log.rows[0].latencyMs).toBeGreaterThanOrEqual(0);
  });
});
