import { TestBed } from '@angular/core/testing';
import { I18n, languageStorageKey } from '@workpiece/console-util-i18n';
import { LanguageToggle } from './language-toggle';

describe('LanguageToggle', () => {
  beforeEach(() => localStorage.removeItem(languageStorageKey));
  afterEach(() => localStorage.removeItem(languageStorageKey));

  it('when clicked twice, then it goes to English and back, always naming the other language', async () => {
    const fixture = TestBed.createComponent(LanguageToggle);
    await fixture.whenStable();
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    const i18n = TestBed.inject(I18n);
    expect(button.textContent).toContain('English');

    button.click();
    await fixture.whenStable();
    expect(i18n.language()).toBe('en');
    expect(button.textContent).toContain('中文');

    button.click();
    await fixture.whenStable();
    expect(i18n.language()).toBe('zh-CN');
    expect(button.textContent).toContain('English');
  });
});
