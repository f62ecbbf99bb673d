import { type LoggedQuery, type QueryLogSink, type QueryOutcome, truncateUtf8 } from '@workpiece/api-domain-query';
import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client';

/** One answered question, as the query log keeps it (the domain's shape, stored as is). */
export type QueryLogEntry = LoggedQuery;

// Column sizes of query_log (characters for VARCHAR, bytes for TEXT), from the schema.
const OPENID_CHARS = 64;
const MESSAGE_ID_CHARS = 32;
const DEDUPE_KEY_CHARS = 191;
// raw_content and reply_text are TEXT (65,535 bytes), but rows wait in memory while the database
// is away, so a message is kept to the size of a reply: plenty to see what was asked.
const TEXT_BYTES = 2_000;

/**
 * The dedupe key as `query_log` stores it. Keys longer than the column (an event whose EventKey is
 * a long menu URL) keep a readable start and end with the SHA-256 of the whole key, so they stay
 * distinct and the same message always maps to the same row.
 */
export function storedDedupeKey(key: string): string {
  // A UTF-16 length within the limit means a code-point length within it too; only longer keys are counted.
  if (key.length <= DEDUPE_KEY_CHARS || [...key].length <= DEDUPE_KEY_CHARS) return key;
  const digest = createHash('sha256').update(key, 'utf8').digest('hex');
  return `${[...key].slice(0, DEDUPE_KEY_CHARS - digest.length - 1).join('')}#${digest}`;
}

/** The row with every value cut to its column, so one unusual message cannot fail a whole INSERT. */
export function fitToColumns(entry: QueryLogEntry): QueryLogEntry {
  return {
    ...entry,
    openid: entry.openid === null ? null : cutChars(entry.openid, OPENID_CHARS),
    messageId: entry.messageId === null ? null : cutChars(entry.messageId, MESSAGE_ID_CHARS),
    dedupeKey: entry.dedupeKey === null ? null : storedDedupeKey(entry.dedupeKey),
    rawContent: cutBytes(entry.rawContent, TEXT_BYTES),
    replyText: cutBytes(entry.replyText, TEXT_BYTES),
  };
}

function cutChars(value: string, max: number): string {
  return value.length <= max ? value : [...value].slice(0, max).join('');
}

function cutBytes(value: string, max: number): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short texts, nearly all of them, need no counting.
  return value.length * 3 <= max ? value : truncateUtf8(value, max);
}

/** Tuning of the background writer. */
export interface QueryLogWriterOptions {
  /** How long rows may wait before they are written. */
  flushIntervalMs?: number;
  /** Rows per INSERT. */
  maxBatch?: number;
  /** Rows kept while the database is away (50,000: at most a few hundred MB); beyond this the oldest are dropped (and counted). */
  maxBuffered?: number;
  /** Told of every failed write (the rows wait and are tried again) and every row given up. */
  onError?: (error: Error) => void;
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
  /** Rows the database refused for good (it answered, but would not store them). */
  rejected = 0;

  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: QueryLogWriterOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBatch = options.maxBatch ?? 500;
    this.maxBuffered = options.maxBuffered ?? 50_000;
  }

  /** Queues a row; returns at once. */
  write(entry: QueryLogEntry): void {
    this.buffer.push(fitToColumns(entry));
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
      this.flushing = this.store(batch);
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
    const stored = storedDedupeKey(dedupeKey);
    const queued = this.buffer.find((entry) => entry.dedupeKey === stored);
    if (queued) return { replyText: queued.replyText, outcome: queued.outcome };
    return this.prisma.queryLog.findUnique({ where: { dedupeKey: stored }, select: { replyText: true, outcome: true } });
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
          this.options.onError?.(new Error(`write failed, ${this.buffer.length} rows wait to be tried again: ${messageOf(error)}`));
          // Back off while the database is away: 0.1 s, 0.2 s … up to 5 s.
          if (this.buffer.length > 0) this.schedule(Math.min(5000, 100 * 2 ** Math.min(this.failures, 6)));
        },
      );
    }, delayMs);
    this.timer.unref?.();
  }

  /**
   * Writes a batch. When the database is away, the rows go back to the front of the queue, in
   * order, and the error is thrown. When it answers but refuses the batch, one row is at fault:
   * the rows are written one at a time and only the ones it still refuses are given up, so one
   * bad row can never hold back the log behind it.
   */
  private async store(batch: QueryLogEntry[]): Promise<void> {
    try {
      await this.insert(batch);
      return;
    } catch (error) {
      if (!(await this.databaseAnswers())) {
        this.buffer.unshift(...batch);
        throw error;
      }
    }
    for (const [i, row] of batch.entries()) {
      let error: unknown = null;
      // Two tries each: a row may have met a passing conflict (a deadlock with another API process).
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await this.insert([row]);
          error = null;
          break;
        } catch (failure) {
          error = failure;
        }
      }
      if (error === null) continue;
      if (!(await this.databaseAnswers())) {
        this.buffer.unshift(...batch.slice(i));
        throw error;
      }
      this.rejected++;
      this.options.onError?.(new Error(`gave up a row the database refuses (${row.dedupeKey ?? 'no key'}): ${messageOf(error)}`));
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
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

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n').filter(Boolean).at(-1) ?? 'unknown error';
}
