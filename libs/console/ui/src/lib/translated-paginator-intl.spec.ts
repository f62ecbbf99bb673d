import { TestBed } from '@angular/core/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n, languageStorageKey } from '@workpiece/console-util-i18n';
import { provideTranslatedPaginatorIntl } from './translated-paginator-intl';

describe('TranslatedPaginatorIntl', () => {
  beforeEach(() => {
    localStorage.removeItem(languageStorageKey);
    TestBed.configureTestingModule({ providers: [provideTranslatedPaginatorIntl()] });
  });
  afterEach(() => localStorage.removeItem(languageStorageKey));

  it('when the language changes, then the labels follow and the paginators are told', () => {
    const intl = TestBed.inject(MatPaginatorIntl);
    const changed = jasmine.createSpy('changes');
    intl.changes.subscribe(changed);
    TestBed.tick();
    expect(intl.nextPageLabel).toBe('下一页');
    expect(intl.getRangeLabel(1, 50, 120)).toBe('第 51–100 条，共 120 条');

    TestBed.inject(I18n).use('en');
    TestBed.tick();

    expect(intl.nextPageLabel).toBe('Next page');
    expect(intl.getRangeLabel(2, 50, 120)).toBe('101–120 of 120');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
