import type { AuthStore, StoredUser } from '@workpiece/api-domain-auth';
import type { CurrentUser } from '@workpiece/api-types';
import type { PrismaClient } from '../generated/prisma/client';

const userFields = { id: true, username: true, displayName: true, role: true } as const;

/** Users and console sessions in MySQL. */
export class PrismaAuthStore implements AuthStore {
  constructor(private readonly prisma: PrismaClient) {}

  async findUserByUsername(username: string): Promise<StoredUser | null> {
    return this.prisma.user.findUnique({
      where: { username },
      select: { ...userFields, passwordHash: true, active: true },
    });
  }

  async createSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.prisma.session.create({ data: { userId, tokenHash, expiresAt } });
    // Sweep this user's expired sessions now and then, so the table does not grow forever.
    await this.prisma.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  }

  async findSessionUser(tokenHash: string, now: Date): Promise<CurrentUser | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash },
      select: { expiresAt: true, user: { select: { ...userFields, active: true } } },
    });
    if (!session || session.expiresAt <= now || !session.user.active) return null;
    const { active: _active, ...user } = session.user;
    return user;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash } });
  }
}
