import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { en, type MessageKey, zhCN } from './messages';

/** The languages the console speaks, Chinese first. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Each language's name in its own words, for the toggle. */
export const languageNames: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** Values interpolated into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'wp.language';

/** Whether a value is one of the console's languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The console's runtime translation: one build, the language switched by a signal, so every
 * template reading `t` (through the pipe or `computed`) updates when the clerk switches.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = storageOf(this.document);
  private readonly current = signal<Language>(readLanguage(this.storage) ?? 'zh-CN');
  private readonly dateTimeFormat = computed(
    () => new Intl.DateTimeFormat(this.current(), { dateStyle: 'medium', timeStyle: 'short' }),
  );

  /** The language the console speaks now. */
  readonly language = this.current.asReadonly();

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** Switches the language, remembers it and tells assistive technology via `<html lang>`. */
  use(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      this.storage?.setItem(languageStorageKey, language);
    } catch {
      // A full or disabled storage only costs the memory of the choice.
    }
  }

  /** The text for `key` in the current language, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: MessageParams): string {
    const text = dictionaries[this.current()][key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  }

  /** Whether `key` names a message, for keys that arrive as plain strings (route titles). */
  has(key: string): key is MessageKey {
    return Object.hasOwn(zhCN, key);
  }

  /** An ISO 8601 date-time as the current language writes it, e.g. `2026年12月3日 14:05`. */
  formatDateTime(iso: string | null | undefined): string {
    if (!iso) return '';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : this.dateTimeFormat().format(date);
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    // Some browsers throw on merely reading `localStorage` when site data is blocked.
    return null;
  }
}

function readLanguage(storage: Storage | null): Language | null {
  try {
    const stored = storage?.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}
