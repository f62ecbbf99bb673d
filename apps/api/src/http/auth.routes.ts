import { type AuthStore, signIn, signOut } from '@workpiece/api-domain-auth';
import { type CurrentUserResponse, loginRequestSchema } from '@workpiece/api-types';
import { Router } from 'express';
import { currentUser, readCookie, requireSession, SESSION_COOKIE, writeSessionCookie } from './session';

/** `/api/auth`: sign in, sign out, who am I. */
export function authRoutes(store: AuthStore, options: { sessionTtlMs: number; now: () => number }): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const input = loginRequestSchema.parse(req.body ?? {});
    const { token, user, expiresAt } = await signIn(store, input, new Date(options.now()), options.sessionTtlMs);
    writeSessionCookie(req, res, token, expiresAt);
    res.json({ user } satisfies CurrentUserResponse);
  });

  router.post('/logout', async (req, res) => {
    await signOut(store, readCookie(req, SESSION_COOKIE));
    writeSessionCookie(req, res, null);
    res.status(204).end();
  });

  router.get('/me', requireSession(store, options.now), (_req, res) => {
    res.json({ user: currentUser(res) } satisfies CurrentUserResponse);
  });

  return router;
}
