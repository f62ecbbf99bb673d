// `npm start`: builds what changed, brings the schema up to date, then serves the API, the
// WeChat webhook and the console from one process.
import { type ChildProcess, spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv, runMain } from './cli';
import { productDatabase, ROOT } from './db/embedded';
import { ensureFreshPrismaClient } from './db/generate';

runMain(async () => {
  loadDotEnv(ROOT);
  if (!existsSync(join(ROOT, 'libs/api/data-access-db/src/generated/prisma/client.ts'))) {
    throw new Error('The product is not set up yet. Run:  npm run setup');
  }
  ensureFreshPrismaClient();
  // Nx replays unchanged builds from its cache, so this is quick when nothing changed.
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,console', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  // Loaded only after the check above: the data layer needs the generated Prisma client.
  const { migrate } = await import('./db/migrate');
  // Ctrl-C can come at any moment from here on; until the API runs, it stops what was started.
  const started: { api?: ChildProcess; db?: Awaited<ReturnType<typeof productDatabase>> } = {};
  const stopDatabase = async () => {
    if (started.db?.embedded) console.log('Stopping the project-local MariaDB …');
    await started.db?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (started.api) started.api.kill(signal);
    else void stopDatabase().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const db = (started.db = await productDatabase());
  try {
    await migrate(db.url);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  const api = (started.api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url },
  }));
  const code = await new Promise<number>((done) => api.on('exit', (c, s) => done(c ?? (s ? 0 : 1))));
  await stopDatabase();
  process.exit(code);
});
