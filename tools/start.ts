// `npm start`: builds what changed, brings the schema up to date, then serves the API, the
// WeChat webhook and the console from one process.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv, runMain } from './cli';
import { productDatabase, ROOT } from './db/embedded';

runMain(async () => {
  loadDotEnv(ROOT);
  if (!existsSync(join(ROOT, 'libs/api/data-access-db/src/generated/prisma/client.ts'))) {
    throw new Error('The product is not set up yet. Run:  npm run setup');
  }
  // Nx replays unchanged builds from its cache, so this is quick when nothing changed.
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,console', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  // Loaded only after the check above: the data layer needs the generated Prisma client.
  const { migrate } = await import('./db/migrate');
  const db = await productDatabase();
  await migrate(db.url);
  const api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url },
  });
  const forward = (signal: NodeJS.Signals) => api.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((done) => api.on('exit', (c, s) => done(c ?? (s ? 0 : 1))));
  if (db.embedded) console.log('Stopping the project-local MariaDB …');
  await db.stop();
  process.exit(code);
});
