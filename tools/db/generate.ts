// Generates the Prisma client. The CLI insists on a schema engine binary even though `generate`
// does not use it; pointing it at any existing file keeps it from downloading one (offline-safe).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMain } from '../cli';
import { ROOT } from './embedded';

/** Runs `prisma generate` without network access. */
export function generatePrismaClient(): void {
  execFileSync('npx', ['prisma', 'generate'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env['PRISMA_SCHEMA_ENGINE_BINARY'] || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/** Generates the client when it is missing or older than `prisma/schema.prisma` (after a pull, say). */
export function ensureFreshPrismaClient(): void {
  const client = join(ROOT, 'libs/api/data-access-db/src/generated/prisma/client.ts');
  const schema = join(ROOT, 'prisma/schema.prisma');
  if (existsSync(client) && statSync(client).mtimeMs >= statSync(schema).mtimeMs) return;
  console.log('› Generating the Prisma client (it was missing or older than the schema)');
  generatePrismaClient();
}

if (isMain(import.meta.url)) {
  generatePrismaClient();
  console.log('Prisma client generated.');
}
