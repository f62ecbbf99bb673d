import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateTimePipe } from './date-time-pipe';
import { I18n, languageStorageKey } from './i18n';
import { TranslatePipe } from './translate-pipe';

@Component({
  imports: [TranslatePipe, DateTimePipe],
  template: `
    <p class="label">{{ 'workpieces.notPlaced' | t }}</p>
    <p class="total">{{ 'workpieces.total' | t: { count: 3 } }}</p>
    <p class="date">{{ '2026-12-03T06:05:00.000Z' | dateTime }}</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('TranslatePipe', () => {
  beforeEach(() => localStorage.removeItem(languageStorageKey));
  afterEach(() => localStorage.removeItem(languageStorageKey));

  it('when the language is switched, then an OnPush template re-renders in the new language', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const text = (selector: string) => fixture.nativeElement.querySelector(selector).textContent.trim();
    expect(text('.label')).toBe('未放置');
    expect(text('.total')).toBe('共 3 件');
    expect(text('.date')).toContain('2026年');

    TestBed.inject(I18n).use('en');
    await fixture.whenStable();

    expect(text('.label')).toBe('Not placed');
    expect(text('.total')).toBe('3 in total');
    expect(text('.date')).toContain('Dec 3, 2026');
  });
});
