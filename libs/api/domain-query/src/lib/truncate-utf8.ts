/** Length of `text` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD it becomes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += codePointBytes(ch.codePointAt(0) ?? 0);
  return bytes;
}

function codePointBytes(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts `text` to at most `maxBytes` UTF-8 bytes between characters, ending with `ellipsis` if cut. */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  // Cut between graphemes, not just code points, so an emoji sequence such as 👨‍👩‍👧 is not left
  // half-drawn; a surrogate pair is never split either way.
  if (utf8ByteLength(text) <= maxBytes) return text;
  const ellipsisBytes = utf8ByteLength(ellipsis);
  // Too small even for the ellipsis: give back nothing rather than overrun the limit.
  if (ellipsisBytes > maxBytes) return '';

  const budget = maxBytes - ellipsisBytes;
  let kept = '';
  let keptBytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const bytes = utf8ByteLength(segment);
    if (keptBytes + bytes > budget) break;
    kept += segment;
    keptBytes += bytes;
  }
  return kept.trimEnd() + ellipsis;
}
