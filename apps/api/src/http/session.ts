import { userForSession } from '@workpiece/api-domain-auth';
import type { CurrentUser } from '@workpiece/api-types';
import type { AuthStore } from '@workpiece/api-domain-auth';
import type { Request, RequestHandler, Response } from 'express';

/** Name of the httpOnly cookie that carries the console session. */
export const SESSION_COOKIE = 'wp_session';

/** Reads one cookie from the request (no parser dependency for a single value). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Sets or clears the session cookie. */
export function writeSessionCookie(req: Request, res: Response, token: string | null, expiresAt?: Date): void {
  res.cookie(SESSION_COOKIE, token ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    expires: token ? expiresAt : new Date(0),
  });
}

/** The signed-in user, set by `requireSession`. */
export function currentUser(res: Response): CurrentUser {
  return res.locals['user'] as CurrentUser;
}

/** Lets the request through only with a valid session; 401 otherwise. */
export function requireSession(store: AuthStore, now: () => number): RequestHandler {
  return async (req, res, next) => {
    res.locals['user'] = await userForSession(store, readCookie(req, SESSION_COOKIE), new Date(now()));
    next();
  };
}
