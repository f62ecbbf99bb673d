/**
 * Collects single-key lookups and answers them with one query. By default the window is one turn
 * of the event loop: under load, the messages read from many sockets at once become one `IN (…)`
 * query instead of a round trip each, while a lookup that arrives alone waits for nothing.
 * A `windowMs` above 0 waits that long instead.
 */
export class LookupBatcher<K, V> {
  private pending = new Map<K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly fetchMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly windowMs = 0,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with the value for `key`, or undefined when there is none. */
  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (this.pending.size >= this.maxBatch) this.flush();
      else if (!this.cancelTimer) this.cancelTimer = this.later(() => this.flush());
    });
  }

  /** Resolves with the values found for `keys` (absent keys are left out). */
  async loadMany(keys: K[]): Promise<V[]> {
    const values: (V | undefined)[] = await Promise.all(keys.map((key) => this.load(key)));
    return values.filter((value): value is V => value !== undefined);
  }

  private later(run: () => void): () => void {
    if (this.windowMs <= 0) {
      const immediate = setImmediate(run);
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(run, this.windowMs);
    return () => clearTimeout(timer);
  }

  private flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return;
    this.fetchMany([...batch.keys()]).then(
      (found) => {
        for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      },
    );
  }
}
