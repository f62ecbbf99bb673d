import { FakeWorkpieceFinder, fakeWorkpiece } from './testing';

describe('FakeWorkpieceFinder', () => {
  it('when asked for codes, then it returns only stored matches and records the call', async () => {
    const finder = new FakeWorkpieceFinder([fakeWorkpiece('18-546', ['1号']), fakeWorkpiece('18-547')]);

    const found = await finder.findByNormalizedCodes(['18-546', '99-1']);

    expect(found.map((workpiece) => workpiece.code)).toEqual(['18-546']);
    expect(finder.byCodesCalls).toEqual([['18-546', '99-1']]);
  });

  it('when a delay is set, then the answer comes no sooner', async () => {
    const finder = new FakeWorkpieceFinder();
    finder.delayMs = 30;
    const started = performance.now();

    await finder.findNearCodes('18-546', 3);

    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('when an error is set, then every call rejects with it', async () => {
    const finder = new FakeWorkpieceFinder();
    finder.error = new Error('down');

    await expectAsync(finder.findNearCodes('18-546', 3)).toBeRejectedWithError('down');
    await expectAsync(finder.findByNormalizedCodes(['18-546'])).toBeRejectedWithError('down');
  });
});

describe('fakeWorkpiece', () => {
  it('when built from a raw code, then its normalized code is filled in and it is not placed', () => {
    expect(fakeWorkpiece('ａb—1')).toEqual({ code: 'ａb—1', normalizedCode: 'AB-1', locationPath: null, placedAt: null });
  });
});
