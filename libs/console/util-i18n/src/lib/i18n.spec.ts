import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n, languageStorageKey } from './i18n';
import { en, zhCN } from './messages';

describe('I18n', () => {
  beforeEach(() => localStorage.removeItem(languageStorageKey));
  afterEach(() => localStorage.removeItem(languageStorageKey));

  it('when nothing is remembered, then it speaks Chinese and says so on <html lang>', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.language()).toBe('zh-CN');
    expect(i18n.t('workpieces.notPlaced')).toBe('未放置');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('zh-CN');
  });

  it('when the clerk switches to English, then the text changes and the choice is remembered', () => {
    const i18n = TestBed.inject(I18n);

    i18n.use('en');

    expect(i18n.t('workpieces.notPlaced')).toBe('Not placed');
    expect(localStorage.getItem(languageStorageKey)).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });

  it('when the console starts again after English was chosen, then it speaks English', () => {
    localStorage.setItem(languageStorageKey, 'en');

    const i18n = TestBed.inject(I18n);

    expect(i18n.language()).toBe('en');
    expect(i18n.t('auth.submit')).toBe('Sign in');
  });

  it('when the remembered value is not a language, then it falls back to Chinese', () => {
    localStorage.setItem(languageStorageKey, 'fr');

    expect(TestBed.inject(I18n).language()).toBe('zh-CN');
  });

  it('when a message has placeholders, then the params fill them', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.t('workpieces.total', { count: 1234 })).toBe('共 1234 件');
    i18n.use('en');
    expect(i18n.t('paginator.range', { start: 51, end: 100, length: 1234 })).toBe('51–100 of 1234');
  });

  it('when a date-time is formatted, then it follows the current language', () => {
    const i18n = TestBed.inject(I18n);
    const iso = '2026-12-03T06:05:00.000Z';

    const chinese = i18n.formatDateTime(iso);
    i18n.use('en');
    const english = i18n.formatDateTime(iso);

    expect(chinese).toContain('2026年12月3日');
    expect(english).toContain('Dec 3, 2026');
    expect(i18n.formatDateTime(null)).toBe('');
  });

  it('when the dictionaries are compared, then English fills every Chinese key with text', () => {
    const missing = Object.keys(zhCN).filter((key) => !en[key as keyof typeof zhCN]?.trim());

    expect(missing).toEqual([]);
  });
});
