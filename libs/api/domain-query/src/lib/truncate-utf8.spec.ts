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
});
