import { effect, inject, Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from '@workpiece/console-util-i18n';

/** MatPaginator's labels in the console's current language, refreshed when the language changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const i18n = this.i18n;
      this.itemsPerPageLabel = i18n.t('paginator.itemsPerPage');
      this.nextPageLabel = i18n.t('paginator.nextPage');
      this.previousPageLabel = i18n.t('paginator.previousPage');
      this.firstPageLabel = i18n.t('paginator.firstPage');
      this.lastPageLabel = i18n.t('paginator.lastPage');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.i18n.t('paginator.rangeEmpty');
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.i18n.t('paginator.range', { start, end, length });
  };
}

/** Provides the translated paginator labels, e.g. in a feature's route `providers`. */
export function provideTranslatedPaginatorIntl(): Provider {
  return { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl };
}
