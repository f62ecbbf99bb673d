import { normalizeCode } from './normalize-code';
import { fitsCodeLength, MAX_CODE_LENGTH, MAX_CODES_PER_QUERY, parseQueryText, type QueryCode } from './parse-query-text';
import {
  BUSY_REPLY,
  ERROR_REPLY,
  formatDateTime,
  isValidTimeZone,
  renderTemplate,
  resolveTemplates,
  validateTemplates,
  type ReplyTemplates,
} from './reply-templates';
import { truncateUtf8, utf8ByteLength } from './truncate-utf8';
import type { FoundWorkpiece, WorkpieceFinder } from './workpiece-finder';

/** How a message was answered; the query log stores it. */
export type QueryOutcome = 'hit' | 'miss' | 'partial' | 'help' | 'event' | 'unsupported' | 'timeout' | 'error';

/** A reply ready to send, plus what the query log needs. */
export interface Answer {
  /** How the message was answered. */
  outcome: QueryOutcome;
  /** Text to send back; empty means "no reply" (the caller answers `success`). */
  replyText: string;
  /** The normalized codes that were looked up, in the order asked. */
  normalizedCodes: string[];
}

/** Knobs the API configures once at start-up. */
export interface AnswerOptions {
  /** Overrides for some or all reply texts; the rest keep `DEFAULT_REPLY_TEMPLATES`. */
  templates?: Partial<ReplyTemplates>;
  /** IANA zone `{placedAt}` is shown in; default `Asia/Shanghai`. */
  timeZone?: string;
  /** Longest reply in UTF-8 bytes; default 2000 (WeChat is reported to drop replies over 2048). */
  maxReplyBytes?: number;
  /** How many "did you mean" codes a miss suggests; default 3, 0 turns suggestions off. */
  nearCodeLimit?: number;
}

/** Time zone used when the options name none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Reply size limit used when the options name none. */
export const DEFAULT_MAX_REPLY_BYTES = 2000;
/** Suggestion count used when the options name none. */
export const DEFAULT_NEAR_CODE_LIMIT = 3;

// Bounds for validateAnswerOptions: above 2048 bytes WeChat is reported to fail, and below 100 a
// single answer line (about 40 bytes of Chinese plus the code and location) barely fits.
const MIN_REPLY_BYTES = 100;
const MAX_REPLY_BYTES = 2048;
const MAX_NEAR_CODE_LIMIT = 10;

interface Settings {
  templates: ReplyTemplates;
  timeZone: string;
  maxReplyBytes: number;
  nearCodeLimit: number;
}

/** Answers a text message with where each workpiece it names is; finder errors propagate. */
export async function answerQuery(text: string, finder: WorkpieceFinder, options: AnswerOptions = {}): Promise<Answer> {
  // Nothing here catches: the caller owns the deadline and answers BUSY_REPLY or ERROR_REPLY itself,
  // which a catch here would hide from it.
  const settings = resolveSettings(options);
  const query = parseQueryText(text);
  if (query.kind === 'help') return reply('help', settings.templates.help, [], settings);

  // One round trip for all codes, however many were asked: WeChat gives us 5 s in all. A code
  // longer than any stored one cannot exist, and searching near it would cost more the longer it
  // is, so it is answered "not found" without asking the database.
  const normalizedCodes = query.codes.map((code) => code.normalized);
  const storable = normalizedCodes.filter(fitsCodeLength);
  const found = new Map<string, FoundWorkpiece>();
  for (const workpiece of storable.length > 0 ? await finder.findByNormalizedCodes(storable) : []) {
    if (!found.has(workpiece.normalizedCode)) found.set(workpiece.normalizedCode, workpiece);
  }

  const misses = query.codes.filter((code) => !found.has(code.normalized));
  const nearCodes = new Map(
    await Promise.all(
      misses
        .filter((code) => fitsCodeLength(code.normalized))
        .map(async (code) => [code.normalized, await findNear(finder, code.normalized, settings)] as const),
    ),
  );

  const lines = query.codes.map((code) => {
    const workpiece = found.get(code.normalized);
    return workpiece ? foundLine(workpiece, settings) : missLine(code, nearCodes.get(code.normalized) ?? [], settings);
  });
  if (query.dropped > 0) {
    lines.push(renderTemplate(settings.templates.tooMany, { max: MAX_CODES_PER_QUERY, dropped: query.dropped }));
  }

  const outcome = misses.length === 0 ? 'hit' : misses.length === query.codes.length ? 'miss' : 'partial';
  return reply(outcome, lines.map((line) => line.trim()).join('\n'), normalizedCodes, settings);
}

/** Answers a WeChat event: a new follower gets the welcome text, every other event no reply. */
export function answerEvent(event: string, options: AnswerOptions = {}): Answer {
  const settings = resolveSettings(options);
  if (event.trim().toLowerCase() !== 'subscribe') return { outcome: 'event', replyText: '', normalizedCodes: [] };
  const { welcome, help } = settings.templates;
  return reply('event', renderTemplate(welcome, { help }), [], settings);
}

/** Answers a message that is not text (image, voice, location, …) with a short usage hint. */
export function answerUnsupported(options: AnswerOptions = {}): Answer {
  const settings = resolveSettings(options);
  return reply('unsupported', settings.templates.unsupported, [], settings);
}

/** The answer for a lookup that missed its deadline; `text` only fills the log's codes. */
export function answerTimeout(text = ''): Answer {
  return { outcome: 'timeout', replyText: BUSY_REPLY, normalizedCodes: codesOf(text) };
}

/** The answer for a lookup that failed; `text` only fills the log's codes. */
export function answerError(text = ''): Answer {
  return { outcome: 'error', replyText: ERROR_REPLY, normalizedCodes: codesOf(text) };
}

/** Lists what is wrong with the options (empty when nothing is), so start-up can refuse them. */
export function validateAnswerOptions(options: AnswerOptions): string[] {
  const problems = validateTemplates(options.templates ?? {});
  const { timeZone, maxReplyBytes, nearCodeLimit } = options;
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    problems.push(`time zone "${timeZone}" is not an IANA time zone this runtime knows (e.g. Asia/Shanghai)`);
  }
  if (maxReplyBytes !== undefined && !isIntegerIn(maxReplyBytes, MIN_REPLY_BYTES, MAX_REPLY_BYTES)) {
    problems.push(`maxReplyBytes must be a whole number from ${MIN_REPLY_BYTES} to ${MAX_REPLY_BYTES}`);
  }
  if (nearCodeLimit !== undefined && !isIntegerIn(nearCodeLimit, 0, MAX_NEAR_CODE_LIMIT)) {
    problems.push(`nearCodeLimit must be a whole number from 0 to ${MAX_NEAR_CODE_LIMIT}`);
  }
  if (problems.length > 0) return problems;

  // Fixed texts that would always be cut are a configuration mistake, not something to discover live.
  const settings = resolveSettings(options);
  const { help, welcome, unsupported } = settings.templates;
  const fixed = { help, welcome: renderTemplate(welcome, { help }), unsupported };
  for (const [key, value] of Object.entries(fixed)) {
    const bytes = utf8ByteLength(value);
    if (bytes > settings.maxReplyBytes) {
      problems.push(`template "${key}" is ${bytes} bytes, more than maxReplyBytes (${settings.maxReplyBytes})`);
    }
  }
  return problems;
}

function resolveSettings(options: AnswerOptions): Settings {
  return {
    templates: resolveTemplates(options.templates),
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    nearCodeLimit: options.nearCodeLimit ?? DEFAULT_NEAR_CODE_LIMIT,
  };
}

function reply(outcome: QueryOutcome, text: string, normalizedCodes: string[], settings: Settings): Answer {
  return { outcome, replyText: truncateUtf8(text, settings.maxReplyBytes), normalizedCodes };
}

async function findNear(finder: WorkpieceFinder, normalized: string, settings: Settings): Promise<string[]> {
  if (settings.nearCodeLimit <= 0) return [];
  const near = await finder.findNearCodes(normalized, settings.nearCodeLimit);
  // The finder promises this already; a reply that offers the code just reported missing, or the
  // same code twice, would look broken, so it is not taken on trust.
  const seen = new Set([normalized]);
  const shown: string[] = [];
  for (const code of near) {
    const key = normalizeCode(code);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    shown.push(tidy(code));
  }
  return shown.slice(0, settings.nearCodeLimit);
}

function foundLine(workpiece: FoundWorkpiece, settings: Settings): string {
  const code = tidy(workpiece.code) || workpiece.normalizedCode;
  // Seed data often pads names with spaces; pieces are trimmed so none shows up mid-sentence.
  const location = (workpiece.locationPath ?? []).map(tidy).join('');
  if (location === '') return renderTemplate(settings.templates.notPlaced, { code });
  // Formatting a date in a time zone costs more than the rest of the line; skip it when unused.
  const placedAt =
    settings.templates.hit.includes('{placedAt}') && workpiece.placedAt && !Number.isNaN(workpiece.placedAt.getTime())
      ? formatDateTime(workpiece.placedAt, settings.timeZone)
      : '';
  return renderTemplate(settings.templates.hit, { code, location, placedAt });
}

function missLine(code: QueryCode, near: string[], settings: Settings): string {
  const { miss, missSuggestion } = settings.templates;
  const line = renderTemplate(miss, { input: clipCode(tidy(code.raw)), normalized: clipCode(code.normalized) });
  return near.length > 0 ? line + renderTemplate(missSuggestion, { codes: near.join('、') }) : line;
}

// A "code" no code can be is echoed only so far, so it cannot crowd the other lines out of the reply.
function clipCode(code: string): string {
  return fitsCodeLength(code) ? code : `${[...code].slice(0, MAX_CODE_LENGTH).join('')}…`;
}

function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function codesOf(text: string): string[] {
  const query = parseQueryText(text);
  return query.kind === 'codes' ? query.codes.map((code) => code.normalized) : [];
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
