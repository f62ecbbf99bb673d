// Characters people type, or IMEs produce, when they mean "-". Underscore is deliberately absent:
// no keyboard produces it by accident, and folding it would make `A_1` and `A-1` collide on the
// unique normalized code.
const DASHES = /[\u002D\u2010-\u2015\u2212\u2E3A\u2E3B\u30FC\uFE58\uFE63\uFF0D]+/g;

// Whitespace plus the invisible characters that copy-paste out of chat apps brings along
// (zero-width space/joiners, word joiner, BOM, soft hyphen); none of them is ever part of a code.
const SPACE_AND_INVISIBLE = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]+/g;

/** The form lookups match: half-width, no whitespace, upper case, every dash run one `-`; idempotent. */
export function normalizeCode(raw: string): string {
  // Upper rather than lower case because codes are printed in capitals on drawings and labels.
  // A run of dashes becomes one `-` because a Chinese IME turns Shift+`-` into `——`.
  // Dashes are mapped last so that nothing an earlier step produces escapes the mapping.
  return toHalfWidth(raw)
    .replace(SPACE_AND_INVISIBLE, '')
    .toUpperCase()
    .replace(DASHES, '-');
}

/** Maps full-width ASCII (U+FF01–FF5E) and the ideographic space (U+3000) to their ASCII twins. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
