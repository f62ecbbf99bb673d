import type { CurrentUser, LoginRequest } from '@workpiece/api-types';
import { UnauthenticatedError } from '@workpiece/api-util-errors';
import { hashPassword, verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from './session-token';

/** A user as sign-in needs it. */
export interface StoredUser extends CurrentUser {
  passwordHash: string;
  active: boolean;
}

/** Where users and sessions live; implemented over MySQL elsewhere. */
export interface AuthStore {
  findUserByUsername(username: string): Promise<StoredUser | null>;
  createSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The active user owning an unexpired session, or null. */
  findSessionUser(tokenHash: string, now: Date): Promise<CurrentUser | null>;
  deleteSession(tokenHash: string): Promise<void>;
}

const WRONG_CREDENTIALS = '用户名或密码错误 / Wrong username or password';

// Compared against when the user does not exist, so both failures take the same time.
const decoyHash = hashPassword('decoy-password-for-timing');

/** Checks the password and opens a session; the same error for unknown user and wrong password. */
export async function signIn(
  store: AuthStore,
  input: LoginRequest,
  now: Date,
  sessionTtlMs: number,
): Promise<{ token: string; user: CurrentUser; expiresAt: Date }> {
  const user = await store.findUserByUsername(input.username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok || !user.active) throw new UnauthenticatedError(WRONG_CREDENTIALS);
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionTtlMs);
  await store.createSession(user.id, tokenHash, expiresAt);
  return { token, user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role }, expiresAt };
}

/** The user behind a session token, or an UnauthenticatedError. */
export async function userForSession(store: AuthStore, token: string | undefined, now: Date): Promise<CurrentUser> {
  if (!token) throw new UnauthenticatedError();
  const user = await store.findSessionUser(hashSessionToken(token), now);
  if (!user) throw new UnauthenticatedError('登录已过期，请重新登录 / Your session has ended, please sign in again');
  return user;
}

/** Ends a session; unknown tokens are ignored. */
export async function signOut(store: AuthStore, token: string | undefined): Promise<void> {
  if (token) await store.deleteSession(hashSessionToken(token));
}
