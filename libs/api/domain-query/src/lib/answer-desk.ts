import { answerError, answerTimeout, type Answer, type QueryOutcome } from './answer-query';

/** Where a question came from. */
export type QueryChannel = 'wechat' | 'simulator' | 'api';

/** One answered question, as the query log keeps it. */
export interface LoggedQuery {
  channel: QueryChannel;
  openid: string | null;
  messageId: string | null;
  dedupeKey: string | null;
  rawContent: string;
  normalizedCodes: string[];
  outcome: QueryOutcome;
  replyText: string;
  latencyMs: number;
  createdAt: Date;
}

/** The query log as the desk needs it; writing must return at once. */
export interface QueryLogSink {
  /** Queues a row; never throws, never waits for the database. */
  write(entry: LoggedQuery): void;
  /** The reply already logged for a dedupe key, by this or another API process. */
  findByDedupeKey(dedupeKey: string): Promise<{ replyText: string; outcome: QueryOutcome } | null>;
}

/** One question put to the desk. */
export interface DeskRequest {
  channel: QueryChannel;
  openid: string | null;
  messageId: string | null;
  /** Same key = same question delivered again; null when the channel cannot repeat itself. */
  dedupeKey: string | null;
  rawContent: string;
  /** When the request arrived (ms since epoch): the reply budget counts from here. */
  receivedAt: number;
  /** True when an earlier delivery may have been answered by another process (check the log first). */
  maybeRepeat: boolean;
  /** Works out the answer; may be slow or fail, the desk guards both. */
  answer: () => Promise<Answer>;
}

/** What the desk hands back. */
export interface DeskAnswer extends Answer {
  /** True when this is the reply of an earlier delivery of the same message. */
  repeated: boolean;
}

/** Settings of the desk. */
export interface AnswerDeskOptions {
  /** Time from arrival within which a reply must leave (WeChat gives 5 s). */
  budgetMs: number;
  /** How long answered keys are remembered in memory (WeChat retries within ~15 s). */
  rememberMs?: number;
  /** Most keys remembered in memory. */
  maxRemembered?: number;
  now?: () => number;
}

interface Remembered {
  promise: Promise<DeskAnswer>;
  until: number;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Answers every question within its budget, exactly once per message: a repeated delivery gets
 * the first delivery's reply (waiting for it if it is still being worked out) and adds no log
 * row. The database's unique dedupe key stays the truth across API processes; this in-memory
 * map only saves the round trip.
 */
export class AnswerDesk {
  private readonly remembered = new Map<string, Remembered>();
  private readonly now: () => number;

  constructor(
    private readonly log: QueryLogSink,
    private readonly options: AnswerDeskOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The reply for one delivery; never rejects. */
  handle(request: DeskRequest): Promise<DeskAnswer> {
    const key = request.dedupeKey;
    if (key === null) return this.work(request);
    this.forgetExpired();
    const known = this.remembered.get(key);
    if (known) return known.promise.then((answer) => ({ ...answer, repeated: true }));
    const promise = this.work(request);
    this.remembered.set(key, { promise, until: this.now() + (this.options.rememberMs ?? 60_000) });
    return promise;
  }

  private async work(request: DeskRequest): Promise<DeskAnswer> {
    const deadline = request.receivedAt + this.options.budgetMs;
    if (request.maybeRepeat && request.dedupeKey) {
      const earlier = await this.beforeDeadline(this.log.findByDedupeKey(request.dedupeKey), deadline).catch(() => null);
      if (earlier && earlier !== TIMED_OUT) {
        return { outcome: earlier.outcome, replyText: earlier.replyText, normalizedCodes: [], repeated: true };
      }
    }
    let answer: Answer;
    try {
      const result = await this.beforeDeadline(request.answer(), deadline);
      answer = result === TIMED_OUT ? answerTimeout(request.rawContent) : result;
    } catch {
      answer = answerError(request.rawContent);
    }
    const finishedAt = this.now();
    this.log.write({
      channel: request.channel,
      openid: request.openid,
      messageId: request.messageId,
      dedupeKey: request.dedupeKey,
      rawContent: request.rawContent,
      normalizedCodes: answer.normalizedCodes,
      outcome: answer.outcome,
      replyText: answer.replyText,
      latencyMs: Math.max(0, Math.round(finishedAt - request.receivedAt)),
      createdAt: new Date(request.receivedAt),
    });
    return { ...answer, repeated: false };
  }

  private beforeDeadline<T>(work: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
    const left = deadline - this.now();
    if (left <= 0) {
      work.catch(() => undefined);
      return Promise.resolve(TIMED_OUT);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), left)));
    // The late work still settles; its result is dropped, and a late failure must not go unhandled.
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private forgetExpired(): void {
    const now = this.now();
    // Keys are kept in insertion order, so the expired ones are at the front.
    for (const [key, entry] of this.remembered) {
      if (entry.until > now && this.remembered.size <= (this.options.maxRemembered ?? 100_000)) break;
      this.remembered.delete(key);
    }
  }
}
