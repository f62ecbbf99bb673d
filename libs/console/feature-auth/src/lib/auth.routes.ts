import type { Routes } from '@angular/router';
import { LoginPage } from './login-page';

/** Lazy routes of the sign-in feature, mounted at `/login`. */
export const AUTH_ROUTES: Routes = [{ path: '', title: 'auth.title', component: LoginPage }];
