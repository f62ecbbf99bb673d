import { createTestDatabase, type TestDatabase } from '../testing';
import { type QueryLogEntry, QueryLogWriter } from './query-log-writer';

describe('QueryLogWriter on MariaDB', () => {
  let db: TestDatabase;

  const entry = (over: Partial<QueryLogEntry> = {}): QueryLogEntry => ({
    channel: 'wechat',
    openid: 'o1',
    messageId: '6054768590064713728',
    dedupeKey: 'msg:6054768590064713728',
    rawContent: '?18-546',
    normalizedCodes: ['18-546'],
    outcome: 'hit',
    replyText: '[18-546]的工作台位为[车体新厂房3号]',
    latencyMs: 3,
    createdAt: new Date('2026-12-03T08:00:00.123Z'),
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(async () => {
    await db.prisma.queryLog.deleteMany();
  });

  it('when rows are written, then write() returns at once and flush() stores them, the 19-digit MsgId exact', async () => {
    const writer = new QueryLogWriter(db.prisma, { flushIntervalMs: 10_000 });

    writer.write(entry());
    writer.write(entry({ dedupeKey: null, messageId: null, outcome: 'help', normalizedCodes: [] }));
    expect(writer.pending).toBe(2);
    await writer.flush();

    const rows = await db.prisma.queryLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.length).toBe(2);
    expect(rows[0].messageId).toBe('6054768590064713728');
    expect(rows[0].normalizedCodes).toEqual(['18-546']);
    expect(rows[0].createdAt.toISOString()).toBe('2026-12-03T08:00:00.123Z');
    await writer.close();
  });

  it('when two writers log the same dedupe key, then the database keeps the first row only', async () => {
    const a = new QueryLogWriter(db.prisma);
    const b = new QueryLogWriter(db.prisma);

    a.write(entry({ replyText: 'first' }));
    await a.flush();
    b.write(entry({ replyText: 'second' }));
    await b.flush();

    const rows = await db.prisma.queryLog.findMany();
    expect(rows.map((r) => r.replyText)).toEqual(['first']);
    expect(await b.findByDedupeKey('msg:6054768590064713728')).toEqual({ replyText: 'first', outcome: 'hit' });
  });

  it('when rows arrive while an INSERT is under way, then they wait for their own turn and close() writes them', async () => {
    const writer = new QueryLogWriter(db.prisma, { flushIntervalMs: 10_000 });
    const insert = spyOn(db.prisma, '$executeRaw').and.callThrough();

    writer.write(entry({ dedupeKey: 'k1' }));
    const flushing = writer.flush();
    writer.write(entry({ dedupeKey: 'k2' }));
    writer.write(entry({ dedupeKey: 'k3' }));
    await flushing;

    expect(insert).toHaveBeenCalledTimes(1);
    expect(writer.pending).toBe(2);
    await writer.close();
    expect(writer.pending).toBe(0);
    expect(insert).toHaveBeenCalledTimes(2);
    const rows = await db.prisma.queryLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupeKey)).toEqual(['k1', 'k2', 'k3']);
  });

  it('when the database is away, then the rows stay queued in order and are written when it is back', async () => {
    const writer = new QueryLogWriter(db.prisma, { flushIntervalMs: 10_000 });
    const insert = spyOn(db.prisma, '$executeRaw').and.returnValue(Promise.reject(new Error('gone')) as never);
    const probe = spyOn(db.prisma, '$queryRaw').and.returnValue(Promise.reject(new Error('gone')) as never);

    writer.write(entry({ dedupeKey: 'k1' }));
    writer.write(entry({ dedupeKey: 'k2' }));
    await expectAsync(writer.flush()).toBeRejectedWithError('gone');
    expect(writer.pending).toBe(2);

    insert.and.callThrough();
    probe.and.callThrough();
    await writer.close();
    const rows = await db.prisma.queryLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupeKey)).toEqual(['k1', 'k2']);
    expect(writer.rejected).toBe(0);
  });

  it('when the database answers but refuses one row for good, then the rest of its batch is stored and that row alone is given up', async () => {
    const errors: string[] = [];
    const writer = new QueryLogWriter(db.prisma, { flushIntervalMs: 10_000, onError: (error) => errors.push(error.message) });

    writer.write(entry({ dedupeKey: 'k1' }));
    // INT holds no latency this large: strict SQL refuses the row whatever is tried.
    writer.write(entry({ dedupeKey: 'k2', latencyMs: 2 ** 40 }));
    writer.write(entry({ dedupeKey: 'k3' }));
    await writer.flush();
    writer.write(entry({ dedupeKey: 'k4' }));
    await writer.close();

    const rows = await db.prisma.queryLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupeKey)).toEqual(['k1', 'k3', 'k4']);
    expect(writer.rejected).toBe(1);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('k2');
  });

  it('when values are longer than the log keeps, then the row is stored cut to fit and its long dedupe key still finds it', async () => {
    const writer = new QueryLogWriter(db.prisma, { flushIntervalMs: 10_000 });
    // A menu click sends its URL as EventKey; the dedupe key then outgrows VARCHAR(191).
    const longKey = `evt:o1:1796364408:VIEW:https://factory.example/wp?${'q=工件&'.repeat(60)}`;
    const otherLongKey = `${longKey}x`;

    writer.write(entry({ dedupeKey: longKey, rawContent: '位'.repeat(30_000), openid: 'o'.repeat(100), messageId: '9'.repeat(40) }));
    writer.write(entry({ dedupeKey: otherLongKey, replyText: 'other' }));
    await writer.close();

    const rows = await db.prisma.queryLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.length).toBe(2);
    expect(rows[0].dedupeKey?.length).toBe(191);
    expect(rows[0].dedupeKey).not.toBe(rows[1].dedupeKey);
    expect(Buffer.byteLength(rows[0].rawContent)).toBeLessThanOrEqual(2_000);
    expect(rows[0].rawContent.startsWith('位位位')).toBeTrue();
    expect(rows[0].openid?.length).toBe(64);
    expect(rows[0].messageId?.length).toBe(32);
    expect(await writer.findByDedupeKey(longKey)).toEqual({ replyText: '[18-546]的工作台位为[车体新厂房3号]', outcome: 'hit' });
    expect(await writer.findByDedupeKey(otherLongKey)).toEqual({ replyText: 'other', outcome: 'hit' });
  });
});
