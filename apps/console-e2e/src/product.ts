import { createTestDatabase, type TestDatabase } from '@workpiece/api-data-access-db/testing';
import { seedDemoData } from '@workpiece/api-data-access-db';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Flags that keep Debian's Chromium quiet and offline in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The built product running against its own throw-away database. */
export interface RunningProduct {
  baseUrl: string;
  wechatToken: string;
  adminPassword: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `dist/apps/api/main.js` (the built API serving the built console) on a free port. */
export async function startProduct(): Promise<RunningProduct> {
  const db = await createTestDatabase('wp_e2e');
  const adminPassword = 'e2e-admin-password';
  await seedDemoData(db.prisma, { adminPassword });
  const port = await freePort();
  const wechatToken = 'e2etoken';
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url, WECHAT_TOKEN: wechatToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The product exited during start-up:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`The product did not answer within 20 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    wechatToken,
    adminPassword,
    db,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await db.drop();
    },
  };
}

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
