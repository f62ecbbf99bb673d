import { LookupBatcher } from './lookup-batcher';

function squares() {
  const calls: number[][] = [];
  const batcher = new LookupBatcher<number, number>(async (keys) => {
    calls.push(keys);
    return new Map(keys.filter((k) => k >= 0).map((k) => [k, k * k]));
  });
  return { calls, batcher };
}

describe('LookupBatcher', () => {
  it('when lookups arrive in the same turn of the event loop, then one fetch answers all of them', async () => {
    const { calls, batcher } = squares();

    const answers = await Promise.all([batcher.load(2), batcher.load(3), batcher.load(2), batcher.load(-1)]);

    expect(answers).toEqual([4, 9, 4, undefined]);
    expect(calls).toEqual([[2, 3, -1]]);
  });

  it('when lookups arrive in different turns, then each turn gets its own fetch', async () => {
    const { calls, batcher } = squares();

    const first = await batcher.load(1);
    await new Promise((done) => setImmediate(done));
    const second = await batcher.load(2);

    expect([first, second]).toEqual([1, 4]);
    expect(calls).toEqual([[1], [2]]);
  });

  it('when loadMany is asked, then it returns the values found in the order asked, absent keys left out', async () => {
    const { batcher } = squares();

    expect(await batcher.loadMany([3, -5, 1])).toEqual([9, 1]);
  });

  it('when the batch reaches its limit, then it is fetched at once and the rest start a new batch', async () => {
    const calls: number[][] = [];
    const batcher = new LookupBatcher<number, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    }, 0, 2);

    await Promise.all([batcher.load(1), batcher.load(2), batcher.load(3)]);

    expect(calls).toEqual([[1, 2], [3]]);
  });

  it('when the fetch fails, then every waiter of that batch is rejected and the next batch works again', async () => {
    let fail = true;
    const batcher = new LookupBatcher<number, number>(async (keys) => {
      if (fail) throw new Error('database away');
      return new Map(keys.map((k) => [k, k]));
    });

    const results = await Promise.allSettled([batcher.load(1), batcher.load(2)]);
    fail = false;

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.load(7)).toBe(7);
  });

  it('when a window in milliseconds is set, then lookups within it share one fetch', async () => {
    const calls: number[][] = [];
    const batcher = new LookupBatcher<number, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    }, 20);

    const first = batcher.load(1);
    await new Promise((done) => setTimeout(done, 2));
    const second = batcher.load(2);
    await Promise.all([first, second]);

    expect(calls).toEqual([[1, 2]]);
  });
});
