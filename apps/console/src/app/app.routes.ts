import type { Routes } from '@angular/router';
import { authGuard } from '@workpiece/console-data-access-auth';
import { Layout } from './layout/layout';

export const routes: Routes = [
  {
    path: 'login',
    loadChildren: () => import('@workpiece/console-feature-auth').then((m) => m.AUTH_ROUTES),
  },
  {
    path: '',
    component: Layout,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'workpieces' },
      {
        path: 'workpieces',
        loadChildren: () => import('@workpiece/console-feature-workpieces').then((m) => m.WORKPIECES_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
