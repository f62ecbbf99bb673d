import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { I18n } from '@workpiece/console-util-i18n';
import { catchError, throwError } from 'rxjs';
import { apiErrorMessage, HANDLES_OWN_ERRORS } from './api-error';
import { AuthStore } from './auth-store';

/**
 * The console's one HTTP error path: a 401 means the session is gone, so go to the login page and
 * come back afterwards; anything else is told to the clerk in a snack bar, in the server's words
 * when it sent some. The error is rethrown so callers can still leave their loading state.
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  const i18n = inject(I18n);
  const auth = inject(AuthStore);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || request.context.get(HANDLES_OWN_ERRORS)) {
        return throwError(() => error);
      }
      if (error.status === 401) {
        auth.clear();
        const target = router.currentNavigation()?.finalUrl;
        const returnUrl = target ? router.serializeUrl(target) : router.url;
        if (!returnUrl.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl } });
        }
      } else {
        snackBar.open(apiErrorMessage(error) ?? i18n.t('errors.network'), i18n.t('common.close'), {
          duration: 6000,
        });
      }
      return throwError(() => error);
    }),
  );
};
