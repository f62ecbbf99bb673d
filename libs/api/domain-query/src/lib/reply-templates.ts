/** The texts a query can be answered with; `{name}` placeholders are filled in per reply. */
export interface ReplyTemplates {
  /** A placed workpiece. Needs `{code}` and `{location}`; `{placedAt}` is optional. */
  hit: string;
  /** A workpiece that exists but is not on any location. Needs `{code}`. */
  notPlaced: string;
  /** A code that matched nothing. Needs `{input}` (as typed); `{normalized}` is optional. */
  miss: string;
  /** Appended to a miss line when similar codes exist. Needs `{codes}`. */
  missSuggestion: string;
  /** Last line when more codes were sent than are looked up; `{max}` and `{dropped}` available. */
  tooMany: string;
  /** Usage, for `帮助` and for a message without a code. */
  help: string;
  /** Answer to a new follower; `{help}` inserts the usage text. */
  welcome: string;
  /** Answer to images, voice and other messages that are not text. */
  unsupported: string;
}

/** The texts used for every template the configuration does not override. */
export const DEFAULT_REPLY_TEMPLATES: Readonly<ReplyTemplates> = Object.freeze({
  hit: '[{code}]的工作台位为[{location}]',
  notPlaced: '[{code}]尚未放置到任何台位',
  miss: '未找到工件[{input}]',
  missSuggestion: '，您是否要找：{codes}',
  tooMany: '一次最多查询{max}个工件，以上为前{max}个的结果',
  help: '发送“?工件号”查询工件所在台位，例如：?18-546\n一次可查多个工件，用空格或逗号隔开，最多10个',
  welcome: '欢迎关注工件位置！\n{help}',
  unsupported: '暂时只能查询文字消息，请发送“?工件号”，例如：?18-546',
});

/** Busy text the caller answers with when the lookup misses its deadline. */
export const BUSY_REPLY = '查询繁忙，请稍后再试';

/** Apology the caller answers with when the lookup fails; deliberately free of technical detail. */
export const ERROR_REPLY = '抱歉，系统暂时出了点问题，请稍后再试';

// Which placeholders each template may use, and which it must use to make sense.
const PLACEHOLDERS: Record<keyof ReplyTemplates, { allowed: string[]; required: string[] }> = {
  hit: { allowed: ['code', 'location', 'placedAt'], required: ['code', 'location'] },
  notPlaced: { allowed: ['code'], required: ['code'] },
  miss: { allowed: ['input', 'normalized'], required: ['input'] },
  missSuggestion: { allowed: ['codes'], required: ['codes'] },
  tooMany: { allowed: ['max', 'dropped'], required: [] },
  help: { allowed: [], required: [] },
  welcome: { allowed: ['help'], required: [] },
  unsupported: { allowed: [], required: [] },
};

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** Replaces `{name}` placeholders with `vars[name]`; unknown placeholders stay as written. */
export function renderTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  // One pass with a replacer function, so a value containing `{code}` or `$&` is inserted literally.
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** Lists what is wrong with configured templates (empty when nothing is), so start-up can refuse them. */
export function validateTemplates(templates: Partial<ReplyTemplates>): string[] {
  // Unknown placeholders are refused too: renderTemplate leaves them as written, so a typo such as
  // `{locaton}` would otherwise reach every user verbatim.
  const problems: string[] = [];
  for (const [key, value] of Object.entries(templates)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(PLACEHOLDERS, key)) {
      problems.push(`unknown template "${key}"; known: ${Object.keys(PLACEHOLDERS).join(', ')}`);
      continue;
    }
    const { allowed, required } = PLACEHOLDERS[key as keyof ReplyTemplates];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`template "${key}" must be a non-empty text`);
      continue;
    }
    const used = new Set([...value.matchAll(PLACEHOLDER)].map((match) => match[1]));
    for (const name of required) {
      if (!used.has(name)) problems.push(`template "${key}" must contain {${name}}`);
    }
    for (const name of used) {
      if (!allowed.includes(name)) {
        const known = allowed.length ? allowed.map((a) => `{${a}}`).join(', ') : 'none';
        problems.push(`template "${key}" uses unknown placeholder {${name}}; allowed: ${known}`);
      }
    }
  }
  return problems;
}

/** The given templates over the defaults; keys set to `undefined` keep the default. */
export function resolveTemplates(templates: Partial<ReplyTemplates> = {}): ReplyTemplates {
  const resolved: ReplyTemplates = { ...DEFAULT_REPLY_TEMPLATES };
  for (const key of Object.keys(resolved) as Array<keyof ReplyTemplates>) {
    const value = templates[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

/** Whether `timeZone` is an IANA zone this runtime can format in. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats `date` as `YYYY-MM-DD HH:mm` on the wall clock of `timeZone`. */
export function formatDateTime(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // formatToParts rather than a locale's own layout, which differs between ICU versions.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}`;
}
