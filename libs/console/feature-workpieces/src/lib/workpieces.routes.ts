import type { Routes } from '@angular/router';
import { provideTranslatedPaginatorIntl } from '@workpiece/console-ui/paginator';
import { WorkpiecesPage } from './workpieces-page';

/** Lazy routes of the workpieces feature, mounted at `/workpieces`. */
export const WORKPIECES_ROUTES: Routes = [
  {
    path: '',
    title: 'workpieces.title',
    component: WorkpiecesPage,
    providers: [provideTranslatedPaginatorIntl()],
  },
];
