import { inject, Pipe, type PipeTransform } from '@angular/core';
import { I18n } from './i18n';

/** `{{ workpiece.placedAt | dateTime }}` in the current language; impure for the same reason as `t`. */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(iso: string | null | undefined): string {
    return this.i18n.formatDateTime(iso);
  }
}
