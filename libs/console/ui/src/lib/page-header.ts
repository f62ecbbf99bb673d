import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A page's `<h1>` with room on the right for a count or actions. */
@Component({
  selector: 'wp-page-header',
  template: `
    <h1 class="heading">{{ heading() }}</h1>
    <div class="aside"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: baseline;
      gap: 16px;
      margin: 0 0 16px;
    }
    .heading {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .aside {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  /** The page title. */
  readonly heading = input.required<string>();
}
