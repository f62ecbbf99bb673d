import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends everyone else to `/login?returnUrl=…`. */
export const authGuard: CanActivateFn = async (_route, state) => {
  // Inject before awaiting: the injection context does not survive the await.
  const auth = inject(AuthStore);
  const router = inject(Router);
  const user = auth.user() ?? (await auth.loadMe());
  return user ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};
