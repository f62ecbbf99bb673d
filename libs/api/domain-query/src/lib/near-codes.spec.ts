import { editDistanceAtMostOne, rankNearCodes } from './near-codes';

describe('editDistanceAtMostOne', () => {
  const table: Array<[a: string, b: string, expected: boolean]> = [
    ['18-546', '18-546', true],
    ['18-546', '18-547', true],
    ['18-546', '18-5461', true],
    ['18-546', '8-546', true],
    ['18-546', '18-456', true],
    ['AB', 'BA', true],
    ['', 'A', true],
    ['A', 'AA', true],
    ['18-546', '18-5', false],
    ['18-546', '18-645', false],
    ['18-546', '19-547', false],
    ['ABC', 'CBA', false],
    ['车体1', '车体2', true],
    ['😀1', '😀2', true],
  ];

  for (const [a, b, expected] of table) {
    it(`when comparing ${a} with ${b}, then it says ${expected}`, () => {
      expect(editDistanceAtMostOne(a, b)).toBe(expected);
      expect(editDistanceAtMostOne(b, a)).withContext('symmetric').toBe(expected);
    });
  }
});

describe('rankNearCodes', () => {
  it('when candidates are one edit, prefix, ends-with and contains matches, then they come in that order', () => {
    const candidates = ['X18-546Y', 'A-18-546', '18-546-2', '18-547'];

    expect(rankNearCodes('18-546', candidates, 10)).toEqual(['18-547', '18-546-2', 'A-18-546', 'X18-546Y']);
  });

  it('when candidates tie on rank, then shorter codes come first, then code order', () => {
    expect(rankNearCodes('AB', ['AB-10', 'AB-2', 'AB-1'], 10)).toEqual(['AB-1', 'AB-2', 'AB-10']);
  });

  it('when a candidate equals the input or repeats in another spelling, then each shows once, the input never', () => {
    const ranked = rankNearCodes('18-546', ['18—546', '18-547', '１８－５４７', ' 18-548 '], 10);

    expect(ranked).toEqual(['18-547', '18-548']);
  });

  it('when a candidate is not near at all, then it is left out', () => {
    expect(rankNearCodes('18-546', ['99-999', '18-5'], 10)).toEqual([]);
  });

  it('when more candidates are near than the limit, then only the best are returned', () => {
    expect(rankNearCodes('18-546', ['18-5460', '18-547', '18-545'], 2)).toEqual(['18-545', '18-547']);
  });

  it('when the input is raw, then it is normalized before comparing', () => {
    expect(rankNearCodes('１８－５４６', ['18-547'], 3)).toEqual(['18-547']);
  });

  it('when the input is blank or the limit zero, then nothing is returned', () => {
    expect(rankNearCodes(' ', ['18-547'], 3)).toEqual([]);
    expect(rankNearCodes('18-546', ['18-547'], 0)).toEqual([]);
  });
});
