import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from './generated/prisma/client';
import { withDatabaseName } from './lib/database-url';
import { applyMigrations, dropDatabase, ensureDatabaseExists } from './lib/migrations';
import { createPrismaClient } from './lib/prisma-client';

/** The repository's prisma/migrations folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

/**
 * The server tests use: `TEST_DATABASE_URL`, else `DATABASE_URL` (its database name is ignored:
 * every test makes its own), else the MariaDB most machines have on 127.0.0.1:3306.
 */
export function testServerUrl(): string {
  return process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'] || 'mysql://root@127.0.0.1:3306/test';
}

/** A throw-away database with every migration applied. */
export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** Creates `wp_test_<random>`, migrates it and opens a client; call `drop()` in afterAll. */
export async function createTestDatabase(prefix = 'wp_test'): Promise<TestDatabase> {
  const url = withDatabaseName(testServerUrl(), `${prefix}_${randomBytes(5).toString('hex')}`);
  await ensureDatabaseExists(url);
  await applyMigrations(url, MIGRATIONS_DIR);
  const prisma = createPrismaClient(url, { connectionLimit: 5 });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(url);
    },
  };
}
