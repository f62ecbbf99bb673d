// `npm run setup` (after `npm install`): Prisma client, local settings, database schema, demo data
// and a build, so `npm start` has everything. Safe to run again.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv, runMain } from './cli';
import { ROOT, withProductDatabase } from './db/embedded';
import { generatePrismaClient } from './db/generate';

/** Gives this installation its own WeChat token in `.env` (git-ignored) unless one is configured. */
function ensureLocalSettings(): void {
  const file = join(ROOT, '.env');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (process.env['WECHAT_TOKEN'] || /^\s*WECHAT_TOKEN\s*=/m.test(current)) return;
  const token = randomBytes(16).toString('hex');
  const header = current ? '' : '# Local settings of this installation (not committed). See README for every variable.\n';
  if (current) appendFileSync(file, `\nWECHAT_TOKEN=${token}\n`);
  else writeFileSync(file, `${header}WECHAT_TOKEN=${token}\n`);
  console.log('Created a WeChat token for this installation in .env (WECHAT_TOKEN).');
}

runMain(async () => {
  console.log('› Generating the Prisma client');
  generatePrismaClient();
  ensureLocalSettings();
  loadDotEnv(ROOT);
  console.log(process.env['DATABASE_URL'] ? '› Using DATABASE_URL' : '› Using the project-local MariaDB (.data/)');
  // Loaded only now: the data layer imports the Prisma client generated a moment ago.
  const { migrate } = await import('./db/migrate');
  const { seed } = await import('./db/seed');
  await withProductDatabase(async (url) => {
    await migrate(url);
    await seed(url);
  });
  console.log('› Building the API and the console');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,console', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  console.log('\n✔ Set-up complete. Start the product with:  npm start');
});
