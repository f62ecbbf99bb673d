import { truncateUtf8, utf8ByteLength } from './truncate-utf8';

const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
  it('when counting ASCII, Chinese, emoji and a lone surrogate, then it agrees with TextEncoder', () => {
    for (const text of ['abc', '车体新厂房', '😀👨‍👩‍👧', '\uD800x', '']) {
      expect(utf8ByteLength(text)).withContext(text).toBe(encoder.encode(text).length);
    }
  });
});

describe('truncateUtf8', () => {
  it('when the text fits, then it is returned unchanged', () => {
    expect(truncateUtf8('车体', 6)).toBe('车体');
  });

  it('when the text is too long, then it is cut and ends with the ellipsis', () => {
    // 3 bytes each; 10 bytes leave 7 after the 3-byte ellipsis: two characters.
    expect(truncateUtf8('车体新厂房', 10)).toBe('车体…');
  });

  it('when the cut falls inside an emoji, then the whole emoji goes', () => {
    // 'a' + '😀' is 5 bytes: with the 3-byte ellipsis it fits 8 bytes, not 7.
    expect(truncateUtf8('a😀b😀', 8)).toBe('a😀…');
    expect(truncateUtf8('a😀b😀', 7)).toBe('a…');
  });

  it('when the cut falls inside a joined emoji sequence, then the whole sequence goes', () => {
    expect(truncateUtf8('ab👨‍👩‍👧cd', 12)).toBe('ab…');
  });

  it('when whitespace precedes the cut, then it does not dangle before the ellipsis', () => {
    expect(truncateUtf8('第一行\n第二行', 14)).toBe('第一行…');
  });

  it('when a custom ellipsis is given, then it is used and counted', () => {
    expect(truncateUtf8('abcdef', 5, '...')).toBe('ab...');
  });

  it('when even the ellipsis does not fit, then the result is empty', () => {
    expect(truncateUtf8('车体', 2)).toBe('');
  });

  it('when mixed text is cut at every limit from 0 to past its length, then each result fits, is whole graphemes of the start and the longest such cut', () => {
    const text = '工件18-546在二号仓库😀第3排👨‍👩‍👧，🇨🇳请到前台领取。'; // no whitespace
    const total = encoder.encode(text).length;

    for (let maxBytes = 0; maxBytes <= total + 2; maxBytes++) {
      const result = truncateUtf8(text, maxBytes);

      expectLongestWholeCut(text, result, maxBytes);
    }
  });
});

const graphemesOf = (text: string): string[] =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

function expectLongestWholeCut(text: string, result: string, maxBytes: number): void {
  const context = `maxBytes ${maxBytes} → ${JSON.stringify(result)}`;
  expect(encoder.encode(result).length).withContext(context).toBeLessThanOrEqual(maxBytes);
  if (encoder.encode(text).length <= maxBytes) {
    expect(result).withContext(context).toBe(text);
    return;
  }
  if (result === '') {
    expect(maxBytes).withContext(context).toBeLessThan(3);
    return;
  }
  expect(result.endsWith('…')).withContext(context).toBeTrue();
  const kept = result.slice(0, -1);
  const parts = graphemesOf(text);
  const keptParts = graphemesOf(kept);
  expect(keptParts).withContext(context).toEqual(parts.slice(0, keptParts.length));
  // The text has no whitespace for the cut to drop, so the next grapheme simply did not fit.
  const next = parts[keptParts.length];
  expect(encoder.encode(kept + next + '…').length).withContext(context).toBeGreaterThan(maxBytes);
}
