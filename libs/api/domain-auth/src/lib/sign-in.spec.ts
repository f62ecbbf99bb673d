import type { CurrentUser } from '@workpiece/api-types';
import { UnauthenticatedError } from '@workpiece/api-util-errors';
import { hashPassword, verifyPassword } from './password';
import { type AuthStore, signIn, signOut, type StoredUser, userForSession } from './sign-in';

class MemoryAuthStore implements AuthStore {
  users: StoredUser[] = [];
  sessions = new Map<string, { userId: number; expiresAt: Date }>();
  async findUserByUsername(username: string) {
    return this.users.find((u) => u.username === username) ?? null;
  }
  async createSession(userId: number, tokenHash: string, expiresAt: Date) {
    this.sessions.set(tokenHash, { userId, expiresAt });
  }
  async findSessionUser(tokenHash: string, now: Date): Promise<CurrentUser | null> {
    const s = this.sessions.get(tokenHash);
    const u = s && s.expiresAt > now ? this.users.find((x) => x.id === s.userId && x.active) : undefined;
    return u ? { id: u.id, username: u.username, displayName: u.displayName, role: u.role } : null;
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
}

describe('password hashing', () => {
  it('when the same password is checked, then it matches, and another does not', async () => {
    const hash = await hashPassword('工件-secret');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('工件-secret', hash)).toBeTrue();
    expect(await verifyPassword('工件-secreT', hash)).toBeFalse();
    expect(await verifyPassword('x', 'not-a-hash')).toBeFalse();
  });
});

describe('signIn', () => {
  const now = new Date('2026-12-03T08:00:00Z');
  let store: MemoryAuthStore;

  beforeEach(async () => {
    store = new MemoryAuthStore();
    store.users.push({ id: 1, username: 'li', displayName: '李文', role: 'clerk', active: true, passwordHash: await hashPassword('pw1') });
    store.users.push({ id: 2, username: 'old', displayName: '老王', role: 'clerk', active: false, passwordHash: await hashPassword('pw2') });
  });

  it('when the password is right, then a session opens and its token finds the user until it expires', async () => {
    const { token, user, expiresAt } = await signIn(store, { username: 'li', password: 'pw1' }, now, 60_000);

    expect(user).toEqual({ id: 1, username: 'li', displayName: '李文', role: 'clerk' });
    expect(expiresAt.getTime()).toBe(now.getTime() + 60_000);
    expect(store.sessions.has(token)).toBeFalse(); // only the hash is stored
    expect((await userForSession(store, token, now)).id).toBe(1);
    await expectAsync(userForSession(store, token, new Date(now.getTime() + 61_000))).toBeRejectedWithError(UnauthenticatedError);
  });

  it('when the password is wrong, the user unknown or inactive, then the same error is thrown', async () => {
    for (const attempt of [{ username: 'li', password: 'nope' }, { username: 'ghost', password: 'pw1' }, { username: 'old', password: 'pw2' }]) {
      await expectAsync(signIn(store, attempt, now, 60_000)).toBeRejectedWithError(UnauthenticatedError, /用户名或密码错误/);
    }
    expect(store.sessions.size).toBe(0);
  });

  it('when signed out, then the token no longer works', async () => {
    const { token } = await signIn(store, { username: 'li', password: 'pw1' }, now, 60_000);
    await signOut(store, token);
    await expectAsync(userForSession(store, token, now)).toBeRejectedWithError(UnauthenticatedError);
  });
});
