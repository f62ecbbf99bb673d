import type { LoggedQuery, QueryLogSink, QueryOutcome } from '@workpiece/api-domain-query';
import { Prisma, type PrismaClient } from '../generated/prisma/client';

/** One answered question, as the query log keeps it (the domain's shape, stored as is). */
export type QueryLogEntry = LoggedQuery;

/** Tuning of the background writer. */
export interface QueryLogWriterOptions {
  /** How long rows may wait before they are written. */
  flushIntervalMs?: number;
  /** Rows per INSERT. */
  maxBatch?: number;
  /** Rows kept while the database is away; beyond this the oldest are dropped (and counted). */
  maxBuffered?: number;
  onError?: (error: unknown) => void;
}

/**
 * Writes the query log in the background, many rows per INSERT, so logging never delays a reply.
 * While the database is down rows wait in memory and are written when it is back; `close()`
 * writes everything that is left, so a normal shutdown loses nothing.
 */
export class QueryLogWriter implements QueryLogSink {
  private buffer: QueryLogEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  /** Rows given up because the buffer was full while the database was away. */
  dropped = 0;

  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: QueryLogWriterOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBatch = options.maxBatch ?? 500;
    this.maxBuffered = options.maxBuffered ?? 100_000;
  }

  /** Queues a row; returns at once. */
  write(entry: QueryLogEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBuffered) {
      this.dropped += this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, this.buffer.length - this.maxBuffered);
    }
    this.schedule(this.buffer.length >= this.maxBatch ? 0 : this.flushIntervalMs);
  }

  /** Rows not yet written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Writes the rows queued when it is called; rejects if the database refuses. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    // Rows queued while an INSERT is under way wait for their own timer rather than follow at
    // once, so under load each INSERT carries a full interval's rows instead of a few.
    let left = this.buffer.length;
    while (left > 0 && this.buffer.length > 0) {
      const batch = this.buffer.splice(0, Math.min(this.maxBatch, left));
      left -= batch.length;
      this.flushing = this.insert(batch).catch((error: unknown) => {
        // Put the rows back in front, in order, so nothing is lost while the database is away.
        this.buffer.unshift(...batch);
        throw error;
      });
      try {
        await this.flushing;
      } finally {
        this.flushing = null;
      }
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.buffer.length > 0 || this.flushing) await this.flush();
  }

  /** The reply already given for a dedupe key (by any API process), if it is logged. */
  async findByDedupeKey(dedupeKey: string): Promise<{ replyText: string; outcome: QueryOutcome } | null> {
    const queued = this.buffer.find((entry) => entry.dedupeKey === dedupeKey);
    if (queued) return { replyText: queued.replyText, outcome: queued.outcome };
    return this.prisma.queryLog.findUnique({ where: { dedupeKey }, select: { replyText: true, outcome: true } });
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().then(
        () => (this.failures = 0),
        (error: unknown) => {
          this.failures++;
          this.options.onError?.(error);
          // Back off while the database is away: 0.1 s, 0.2 s … up to 5 s.
          if (this.buffer.length > 0) this.schedule(Math.min(5000, 100 * 2 ** Math.min(this.failures, 6)));
        },
      );
    }, delayMs);
    this.timer.unref?.();
  }

  private async insert(batch: QueryLogEntry[]): Promise<void> {
    const rows = batch.map(
      (e) =>
        Prisma.sql`(${e.channel}, ${e.openid}, ${e.messageId}, ${e.dedupeKey}, ${e.rawContent}, ${JSON.stringify(e.normalizedCodes)}, ${e.outcome}, ${e.replyText}, ${e.latencyMs}, ${e.createdAt})`,
    );
    // A retry logged by another API process already holds the dedupe key: keep the first row.
    await this.prisma.$executeRaw`INSERT INTO query_log
      (channel, openid, message_id, dedupe_key, raw_content, normalized_codes, outcome, reply_text, latency_ms, created_at)
      VALUES ${Prisma.join(rows)}
      ON DUPLICATE KEY UPDATE id = id`;
  }
}
