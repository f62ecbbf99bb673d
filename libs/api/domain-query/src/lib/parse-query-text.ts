import { normalizeCode, toHalfWidth } from './normalize-code';

/** How many codes one message may look up; the usage text promises this number. */
export const MAX_CODES_PER_QUERY = 10;

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

// Hard separators always split. `?`/`？` are here too so that `18-546?` or `?18-546 ?18-547`
// work; no code contains a question mark.
const HARD_SEPARATORS = /[,，、;；\r\n?？]+/;

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
  for (const segment of body.split(HARD_SEPARATORS)) {
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
  return codes;
}

function joinsAcrossSpace(before: string, after: string): boolean {
  return normalizeCode(before).endsWith('-') || normalizeCode(after).startsWith('-');
}
