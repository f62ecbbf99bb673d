import { normalizeCode, toHalfWidth } from './normalize-code';

/** How many codes one message may look up; the usage text promises this number. */
export const MAX_CODES_PER_QUERY = 10;

/** The longest code a workpiece can have (the database column holds 64 characters). */
export const MAX_CODE_LENGTH = 64;

/** Whether `code` is short enough to be a workpiece's code at all (at most `MAX_CODE_LENGTH` characters). */
export function fitsCodeLength(code: string): boolean {
  // Counting code points costs an array; most codes are short enough in UTF-16 units already.
  return code.length <= MAX_CODE_LENGTH || [...code].length <= MAX_CODE_LENGTH;
}

/** One code asked for: as the user typed it, and as lookups match it. */
export interface QueryCode {
  /** The code as typed (trimmed), shown back in "not found" lines so the user recognises it. */
  raw: string;
  /** `normalizeCode(raw)`. */
  normalized: string;
}

/** What a text message asks for. */
export type ParsedQuery =
  | { kind: 'help' }
  | {
      kind: 'codes';
      /** Distinct codes in the order asked, at most `MAX_CODES_PER_QUERY`. */
      codes: QueryCode[];
      /** Distinct codes beyond the limit that were not looked up. */
      dropped: number;
    };

// Compared after trimming, folding full-width to half-width and lower-casing.
// A bare `h` is not here: it is as likely the start of a code, and a miss then suggests codes.
const HELP_WORDS = new Set(['帮助', '使用帮助', '说明', '使用说明', '菜单', 'help']);

// Codes are letters, digits, dashes and `_ . /`, typed half- or full-width, plus the invisible
// characters normalizeCode drops. Everything else separates codes: people write `18-546在哪？`,
// `工件：18-546` or `“18-546”` as often as `?18-546`, and the words around a code are not part of it.
// Spaces are handled apart (see splitCodes), because a space next to a dash does not separate;
// line breaks always do.
const HARD_SEPARATORS =
  /[^0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A_./\uFF3F\uFF0E\uFF0F\u002D\u2010-\u2015\u2212\u2E3A\u2E3B\u30FC\uFE58\uFE63\uFF0D\u00AD\u200B-\u200D\u2060\uFEFF\s]+/u;
// Dots, slashes and underscores that end a sentence or wrap a code (`18-546.`) are not part of it,
// nor are invisible characters around them (normalizeCode would drop those anyway).
const EDGE_PUNCTUATION =
  /^[_./\uFF3F\uFF0E\uFF0F\u00AD\u200B-\u200D\u2060\uFEFF]+|[_./\uFF3F\uFF0E\uFF0F\u00AD\u200B-\u200D\u2060\uFEFF]+$/g;

/** Reads a text message as a help request or up to 10 distinct codes in the order asked. */
export function parseQueryText(text: string): ParsedQuery {
  // `?18-546`, `查询：18-546` and plain `18-546` all ask the same: people forget the `?`.
  const body = stripPrefix(text);
  if (isHelpWord(body)) return { kind: 'help' };

  const seen = new Set<string>();
  const codes: QueryCode[] = [];
  let dropped = 0;
  for (const raw of splitCodes(body)) {
    const normalized = normalizeCode(raw);
    if (!/[\p{L}\p{N}]/u.test(normalized) || seen.has(normalized)) continue;
    seen.add(normalized);
    if (codes.length < MAX_CODES_PER_QUERY) codes.push({ raw, normalized });
    else dropped++;
  }

  // Codes always carry a Latin letter or digit; a message without one (`你好`, `谢谢`) is someone
  // who does not know how this works, and the usage helps them more than "未找到工件[你好]".
  if (!codes.some((code) => /[A-Z0-9]/.test(code.normalized))) return { kind: 'help' };
  return { kind: 'codes', codes, dropped };
}

function stripPrefix(text: string): string {
  let body = text.trim();
  if (body.startsWith('?') || body.startsWith('？')) body = body.slice(1).trimStart();
  const verb = body.startsWith('查询') ? '查询' : body.startsWith('查') ? '查' : '';
  if (verb) body = body.slice(verb.length).replace(/^[\s:：]+/, '');
  return body;
}

function isHelpWord(body: string): boolean {
  const word = toHalfWidth(body).trim().toLowerCase();
  return HELP_WORDS.has(word.replace(/[?!.。！]+$/, ''));
}

// A code with a space inside cannot be told from two codes, so separators win: `18 546` asks for
// `18` and `546`. The exception is a space next to a dash (`18 - 546`, `18- 546`): no code starts
// or ends with a dash, so those pieces are joined back into one code.
function splitCodes(body: string): string[] {
  const codes: string[] = [];
  for (const segment of body.split(/[\r\n]+/).flatMap((line) => line.split(HARD_SEPARATORS))) {
    const words = segment.split(/[\s\u3000]+/).filter((word) => normalizeCode(word) !== '');
    let current: string[] = [];
    for (const word of words) {
      if (current.length > 0 && !joinsAcrossSpace(current[current.length - 1], word)) {
        codes.push(current.join(' '));
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) codes.push(current.join(' '));
  }
  return codes.map((code) => code.replace(EDGE_PUNCTUATION, '')).filter((code) => code !== '');
}

function joinsAcrossSpace(before: string, after: string): boolean {
  return normalizeCode(before).endsWith('-') || normalizeCode(after).startsWith('-');
}
