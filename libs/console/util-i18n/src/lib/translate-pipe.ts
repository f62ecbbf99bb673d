import { inject, Pipe, type PipeTransform } from '@angular/core';
import { I18n, type MessageParams } from './i18n';
import type { MessageKey } from './messages';

/**
 * `{{ 'workpieces.notPlaced' | t }}`. Impure on purpose: a pure pipe is not called again while its
 * arguments stay the same, so it would never see the language signal change.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
