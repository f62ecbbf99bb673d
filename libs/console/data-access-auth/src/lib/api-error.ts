import { HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@workpiece/api-types';

/**
 * Set on a request whose caller shows its own errors (the login form, the session probe), so the
 * error interceptor neither redirects nor opens a snack bar for it.
 */
export const HANDLES_OWN_ERRORS = new HttpContextToken<boolean>(() => false);

/** An `HttpContext` that marks a request as handling its own errors. */
export function handlesOwnErrors(): HttpContext {
  return new HttpContext().set(HANDLES_OWN_ERRORS, true);
}

/** Whether a response body has the API's `{ code, message }` error shape. */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).code === 'string' &&
    typeof (body as ApiErrorBody).message === 'string'
  );
}

/** The server's `message` for a failed request, or null when there is none (network, proxy pages). */
export function apiErrorMessage(error: unknown): string | null {
  return error instanceof HttpErrorResponse && isApiErrorBody(error.error) ? error.error.message : null;
}
