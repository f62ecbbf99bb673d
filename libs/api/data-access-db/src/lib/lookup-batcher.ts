/**
 * Collects single-key lookups that arrive within `windowMs` and answers them with one query.
 * Under load, fifty WeChat messages in flight become one `IN (…)` query instead of fifty round
 * trips; alone, a lookup waits at most `windowMs`.
 */
export class LookupBatcher<K, V> {
  private pending = new Map<K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly fetchMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly windowMs = 1,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with the value for `key`, or undefined when there is none. */
  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (this.pending.size >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  /** Resolves with the values found for `keys` (absent keys are left out). */
  async loadMany(keys: K[]): Promise<V[]> {
    const values: (V | undefined)[] = await Promise.all(keys.map((key) => this.load(key)));
    return values.filter((value): value is V => value !== undefined);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
