// The project-local MariaDB used when no DATABASE_URL is given: data under .data/, its own port
// and socket, started and stopped by the project's scripts with the machine's mariadbd.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, loadDotEnv } from '../cli';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DATA = join(ROOT, '.data');
const DATADIR = join(DATA, 'mariadb');
const SOCKET = join(DATA, 'mysqld.sock');
const PID_FILE = join(DATA, 'mysqld.pid');
const LOG_FILE = join(DATA, 'mysqld.log');

/** Port of the embedded server: EMBEDDED_DB_PORT, default 3316 (not 3306, to leave a system server alone). */
export function embeddedPort(): number {
  return Number(process.env['EMBEDDED_DB_PORT'] || 3316);
}

/** The URL of the embedded server's product database. */
export function embeddedUrl(database = 'workpiece'): string {
  return `mysql://root@127.0.0.1:${embeddedPort()}/${database}`;
}

function which(names: string[]): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
  for (const name of names) for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Finds mariadbd, installing Debian's mariadb-server when running as root on Debian/Ubuntu. */
export function ensureServerInstalled(): { server: string; installDb: string } {
  let server = which(['mariadbd', 'mysqld']);
  let installDb = which(['mariadb-install-db', 'mysql_install_db']);
  if (server && installDb) return { server, installDb };
  // A MySQL server is installed: Debian's mariadb-server would replace it, so never install over it.
  if (!server && isRoot() && existsSync('/etc/debian_version')) {
    console.log('MariaDB is not installed: installing Debian\'s mariadb-server …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'mariadb-server'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    server = which(['mariadbd', 'mysqld']);
    installDb = which(['mariadb-install-db', 'mysql_install_db']);
    if (server && installDb) return { server, installDb };
  }
  if (server) {
    throw new Error(
      `${server} is installed, but not MariaDB's mariadb-install-db, which the project-local database needs.\n` +
        'Point DATABASE_URL at that server instead, e.g. DATABASE_URL=mysql://user:password@127.0.0.1:3306/workpiece',
    );
  }
  throw new Error(
    'MariaDB (mariadbd) is not installed. Install it with:\n' +
      '  sudo apt-get install -y mariadb-server      (Debian/Ubuntu)\n' +
      'or point DATABASE_URL at a MySQL 8 / MariaDB server, e.g. DATABASE_URL=mysql://root@127.0.0.1:3306/workpiece',
  );
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

function runningPid(): number | undefined {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  // After a crash or a reboot the file outlives the server and its number may be another
  // program's: only a mariadbd on our data folder is ours to stop.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes(DATADIR)) return undefined;
  return pid;
}

/** Starts the embedded server unless it runs already; resolves true when this call started it. */
export async function startEmbedded(): Promise<boolean> {
  const port = embeddedPort();
  if (runningPid() && (await portOpen(port))) return false;
  if (await portOpen(port)) {
    throw new Error(`Port ${port} is taken by another program. Set EMBEDDED_DB_PORT to a free port, or set DATABASE_URL.`);
  }
  const { server, installDb } = ensureServerInstalled();
  mkdirSync(DATA, { recursive: true });
  const userArgs = isRoot() ? ['--user=root'] : [];
  if (!existsSync(join(DATADIR, 'mysql'))) {
    rmSync(DATADIR, { recursive: true, force: true });
    console.log(`Creating the project's database files in .data/mariadb …`);
    execFileSync(
      installDb,
      ['--no-defaults', `--datadir=${DATADIR}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...userArgs],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const child = spawn(
    server,
    [
      '--no-defaults',
      `--datadir=${DATADIR}`,
      `--socket=${SOCKET}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${PID_FILE}`,
      `--log-error=${LOG_FILE}`,
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--innodb-buffer-pool-size=256M',
      ...userArgs,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return true;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(`The embedded MariaDB did not start on port ${port}. Last lines of .data/mysqld.log:\n${log}`);
}

/** Stops the embedded server if it runs; waits until it has exited. */
export async function stopEmbedded(): Promise<void> {
  const pid = runningPid();
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The embedded MariaDB (pid ${pid}) did not stop within 60 s.`);
}

/**
 * The database the product uses: DATABASE_URL when set, otherwise the embedded server (started
 * here when needed). `stop()` stops the embedded server only if this call started it.
 */
export async function productDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const configured = process.env['DATABASE_URL'];
  if (configured) return { url: configured, embedded: false, stop: async () => undefined };
  const started = await startEmbedded();
  return { url: embeddedUrl(), embedded: true, stop: started ? stopEmbedded : async () => undefined };
}

/** Runs `work` against the product database, stopping the embedded server after if it started it. */
export async function withProductDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const db = await productDatabase();
  try {
    await work(db.url);
  } finally {
    await db.stop();
  }
}

if (isMain(import.meta.url)) {
  loadDotEnv(ROOT);
  const command = process.argv[2];
  const run = async () => {
    if (command === 'start') {
      const started = await startEmbedded();
      console.log(started ? `Embedded MariaDB started: ${embeddedUrl()}` : `Embedded MariaDB already running: ${embeddedUrl()}`);
    } else if (command === 'stop') {
      await stopEmbedded();
      console.log('Embedded MariaDB stopped.');
    } else {
      console.error('usage: embedded.ts start|stop');
      process.exitCode = 2;
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
