import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** What a list shows when it has nothing to show; projected content goes under the message. */
@Component({
  selector: 'wp-empty-state',
  imports: [MatIcon],
  template: `
    <mat-icon class="icon">{{ icon() }}</mat-icon>
    <p class="message">{{ message() }}</p>
    <ng-content />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 48px 16px;
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
    }
    .message {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  /** A Material Icons ligature name. */
  readonly icon = input('inbox');
  /** The sentence that explains the emptiness. */
  readonly message = input.required<string>();
}
