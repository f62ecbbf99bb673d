// `npm test`: lint, type-check, every Jasmine suite (libs and API, on a real MariaDB), the
// console's Karma suite in headless Chromium, and the end-to-end test of the built product.
// Ends with one line `N passed, N failed` over all suites.
import * as mariadb from 'mariadb';
import { spawn } from 'node:child_process';
import { runMain } from './cli';
import { embeddedUrl, ROOT, startEmbedded, stopEmbedded } from './db/embedded';
import { ensureFreshPrismaClient } from './db/generate';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** Adds up the counts that Jasmine and Karma print. */
export function tally(output: string): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0 };
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  for (const m of plain.matchAll(/^(\d+) specs?, (\d+) failures?(?:, (\d+) pending specs?)?/gm)) {
    const [total, failed, pending] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    t.failed += failed;
    t.skipped += pending;
    t.passed += total - failed - pending;
  }
  // Karma's progress reporter rewrites one line; its last state per run is the result.
  for (const run of plain.split(/Executed 0 of \d+/).slice(1)) {
    const results = [...run.matchAll(/Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?(?: \(skipped (\d+)\))?/g)];
    const last = results.at(-1);
    if (!last) continue;
    const failed = Number(last[3] ?? 0);
    t.failed += failed;
    t.skipped += Number(last[4] ?? 0);
    t.passed += Number(last[1]) - failed;
  }
  return t;
}

// An open port is not enough: a fresh Debian MariaDB lets root in only through its socket.
async function rootLogsInOn3306(): Promise<boolean> {
  try {
    const conn = await mariadb.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', connectTimeout: 2000 });
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

runMain(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
  ensureFreshPrismaClient();

  // Tests make their own databases on a server: the one named, else 127.0.0.1:3306 when root may
  // log in there, else the project-local MariaDB (started for the run and stopped after it).
  let stopAfter = false;
  if (!env['TEST_DATABASE_URL'] && !env['DATABASE_URL'] && !(await rootLogsInOn3306())) {
    stopAfter = await startEmbedded();
    env['TEST_DATABASE_URL'] = embeddedUrl('test');
  }
  try {
    const checks = await run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--output-style=static'], env);
    const suites = await run('npx', ['nx', 'run-many', '-t', 'test', 'e2e', '--output-style=static', '--parallel=2'], env);
    const counts = tally(suites.output);
    // A suite that crashed before printing its counts still fails the run.
    const crashed = suites.code !== 0 && counts.failed === 0 ? 1 : 0;
    const failedChecks = checks.code !== 0 ? 1 : 0;
    console.log(
      `\nlint and type-check: ${failedChecks ? 'FAILED' : 'passed'}` +
        (counts.skipped ? `; ${counts.skipped} specs skipped` : '') +
        (crashed ? '; a test suite failed before reporting its results' : ''),
    );
    console.log(`${counts.passed} passed, ${counts.failed + crashed + failedChecks} failed`);
    if (checks.code !== 0 || suites.code !== 0) process.exitCode = 1;
  } finally {
    if (stopAfter) await stopEmbedded();
  }
});
