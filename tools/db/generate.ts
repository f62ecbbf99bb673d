// Generates the Prisma client. The CLI insists on a schema engine binary even though `generate`
// does not use it; pointing it at any existing file keeps it from downloading one (offline-safe).
import { execFileSync } from 'node:child_process';
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

if (isMain(import.meta.url)) {
  generatePrismaClient();
  console.log('Prisma client generated.');
}
