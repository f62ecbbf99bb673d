import { normalizeCode, toHalfWidth } from './normalize-code';

describe('normalizeCode', () => {
  const table: Array<[description: string, raw: string, expected: string]> = [
    ['plain code', '18-546', '18-546'],
    ['surrounding spaces', '  18-546 \t', '18-546'],
    ['full-width digits and dash', '１８－５４６', '18-546'],
    ['full-width letters', 'ａｂ－１２', 'AB-12'],
    ['ideographic spaces', '\u300018-546\u3000', '18-546'],
    ['hyphen U+2010', '18\u2010546', '18-546'],
    ['non-breaking hyphen U+2011', '18\u2011546', '18-546'],
    ['figure dash U+2012', '18\u2012546', '18-546'],
    ['en dash U+2013', '18\u2013546', '18-546'],
    ['em dash U+2014', '18\u2014546', '18-546'],
    ['horizontal bar U+2015', '18\u2015546', '18-546'],
    ['minus sign U+2212', '18\u2212546', '18-546'],
    ['small em dash U+FE58', '18\uFE58546', '18-546'],
    ['small hyphen-minus U+FE63', '18\uFE63546', '18-546'],
    ['katakana long vowel U+30FC', '18\u30FC546', '18-546'],
    ['two-em dash U+2E3A', '18\u2E3A546', '18-546'],
    ['three-em dash U+2E3B', '18\u2E3B546', '18-546'],
    ['IME double em dash', '18——546', '18-546'],
    ['repeated hyphens', '18--546', '18-546'],
    ['underscore kept', 'a_1', 'A_1'],
    ['lower case', 'ab-12c', 'AB-12C'],
    ['inner spaces', '18 - 546', '18-546'],
    ['zero-width space and BOM', '\uFEFF18\u200B-546', '18-546'],
    ['Chinese kept', '车体-1', '车体-1'],
    ['blank', '  \u3000 ', ''],
  ];

  for (const [description, raw, expected] of table) {
    it(`when given ${description}, then it yields ${JSON.stringify(expected)}`, () => {
      expect(normalizeCode(raw)).toBe(expected);
    });
  }

  it('when normalizing twice, then the second pass changes nothing', () => {
    const samples = [...table.map(([, raw]) => raw), 'ß-ﬀ', 'ǆ１', 'Ａ－ｂ\u3000ｃ'];

    for (const raw of samples) {
      const once = normalizeCode(raw);
      expect(normalizeCode(once)).withContext(raw).toBe(once);
    }
  });
});

describe('toHalfWidth', () => {
  it('when given the ends of the full-width range, then they map to ! and ~', () => {
    expect(toHalfWidth('\uFF01\uFF5E')).toBe('!~');
  });

  it('when given text outside the range, then it is left alone', () => {
    expect(toHalfWidth('车体。abc')).toBe('车体。abc');
  });
});
