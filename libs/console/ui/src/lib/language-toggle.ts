import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { I18n, languageNames, TranslatePipe } from '@workpiece/console-util-i18n';

/** Switches between Chinese and English; the button names the language it switches to. */
@Component({
  selector: 'wp-language-toggle',
  imports: [MatButton, MatIcon, TranslatePipe],
  template: `
    <button mat-button type="button" [attr.title]="'lang.switch' | t" (click)="toggle()">
      <mat-icon>translate</mat-icon>
      <span [attr.lang]="other()">{{ otherName() }}</span>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageToggle {
  private readonly i18n = inject(I18n);

  protected readonly other = computed(() => (this.i18n.language() === 'zh-CN' ? 'en' : 'zh-CN'));
  protected readonly otherName = computed(() => languageNames[this.other()]);

  protected toggle(): void {
    this.i18n.use(this.other());
  }
}
