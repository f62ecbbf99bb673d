import {
  type PrismaClient,
  type QueryLogWriter,
  createPrismaClient,
  parseDatabaseUrl,
  seedDemoData,
} from '@workpiece/api-data-access-db';
import { type TestDatabase, createTestDatabase } from '@workpiece/api-data-access-db/testing';
import { decodeAesKey } from '@workpiece/wechat-protocol';
import { randomEncodingAesKey } from '@workpiece/wechat-protocol/testing';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../app';
import { type Config, loadConfig } from '../config';
import { createHttpServer } from '../http-server';
import { TcpProxy } from './tcp-proxy';

/** The WeChat account a test app is configured as. */
export interface TestAccount {
  /** The Token both sides sign with. */
  token: string;
  /** The AppID encrypted messages must name. */
  appId: string;
  /** The account's original id (`gh_…`): ToUserName of inbound messages, FromUserName of replies. */
  accountId: string;
  /** Current EncodingAESKey. */
  encodingAesKey: string;
  /** Previous EncodingAESKey (key rotation). */
  previousEncodingAesKey: string;
  /** `encodingAesKey` decoded to the 32-byte AES key. */
  key: Buffer;
  /** `previousEncodingAesKey` decoded to the 32-byte AES key. */
  previousKey: Buffer;
}

/** A running API on a free port over its own migrated and seeded MariaDB database. */
export interface TestApp {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** A client straight to the test database (never through the proxy), to arrange and assert with. */
  prisma: PrismaClient;
  /** The app's query log writer; `flush()` it before reading `query_log`. */
  queryLog: QueryLogWriter;
  /** The validated configuration the app runs with. */
  config: Config;
  /** Token, AppID and keys the app is configured with. */
  account: TestAccount;
  /** Password of the seeded `admin` user. */
  adminPassword: string;
  /** The database; shared with the app it came from when `shareDatabaseWith` was used. */
  database: TestDatabase;
  /** The proxy between the app and MariaDB, when `viaProxy` was asked for. */
  proxy: TcpProxy | undefined;
  /** Stops the server, writes the query log, disconnects, and drops the database if this app made it. */
  close(): Promise<void>;
}

/** How to start a test app. */
export interface TestAppOptions {
  /** Variables over the defaults given to `loadConfig` (e.g. `WECHAT_REPLY_BUDGET_MS`). */
  env?: Record<string, string | undefined>;
  /** Another "API process" on the same database and account: its database and account are reused, not dropped. */
  shareDatabaseWith?: TestApp;
  /** Puts a `TcpProxy` between the app's Prisma client and MariaDB. */
  viaProxy?: boolean;
  /** The app's clock. */
  now?: () => number;
}

/** A fresh account: random token, AppID and two EncodingAESKeys. */
export function newTestAccount(): TestAccount {
  const encodingAesKey = randomEncodingAesKey();
  const previousEncodingAesKey = randomEncodingAesKey();
  return {
    token: `t${randomBytes(12).toString('hex')}`,
    appId: `wx${randomBytes(8).toString('hex')}`,
    accountId: `gh_${randomBytes(6).toString('hex')}`,
    encodingAesKey,
    previousEncodingAesKey,
    key: decodeAesKey(encodingAesKey),
    previousKey: decodeAesKey(previousEncodingAesKey),
  };
}

/** Creates (or shares) a test database, seeds the demo factory and serves `createApp` on 127.0.0.1:0. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareDatabaseWith;
  const database = shared?.database ?? (await createTestDatabase());
  const account = shared?.account ?? newTestAccount();
  const adminPassword = shared?.adminPassword ?? `pw-${randomBytes(8).toString('hex')}`;
  const cleanups: Array<() => Promise<void>> = [];
  if (!shared) cleanups.push(() => database.drop());

  try {
    if (!shared) await seedDemoData(database.prisma, { adminPassword });
    const proxy = options.viaProxy ? await startDatabaseProxy(database.url) : undefined;
    if (proxy) cleanups.unshift(() => proxy.close());
    // Another "process" gets its own pool, as a second API host would.
    const appPrisma = proxy
      ? createPrismaClient(proxiedUrl(database.url, proxy.port))
      : shared
        ? createPrismaClient(database.url, { connectionLimit: 5 })
        : database.prisma;
    if (appPrisma !== database.prisma) cleanups.unshift(() => appPrisma.$disconnect());

    const config = loadConfig({
      DATABASE_URL: database.url,
      WECHAT_TOKEN: account.token,
      WECHAT_APP_ID: account.appId,
      WECHAT_ENCODING_AES_KEY: account.encodingAesKey,
      WECHAT_ENCODING_AES_KEY_PREVIOUS: account.previousEncodingAesKey,
      ...options.env,
    });
    const { app, queryLog, shutdown } = createApp({ config, prisma: appPrisma, now: options.now });
    const server = await listen(createHttpServer(app));
    cleanups.unshift(async () => {
      await closeServer(server);
      await shutdown();
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the app did not get a TCP port');

    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      prisma: database.prisma,
      queryLog,
      config,
      account,
      adminPassword,
      database,
      proxy,
      close: () => runAll(cleanups),
    };
  } catch (error) {
    await runAll(cleanups).catch(() => undefined);
    throw error;
  }
}

async function startDatabaseProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = parseDatabaseUrl(databaseUrl);
  return TcpProxy.start(target.socketPath ? { path: target.socketPath } : { host: target.host, port: target.port });
}

function proxiedUrl(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.searchParams.delete('socket');
  return url.toString();
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // fetch keeps connections alive; without this close() would wait for them to time out.
  server.closeAllConnections();
  return closed;
}

// Every step runs even when one fails, so a test never leaves a database or a port behind.
async function runAll(steps: Array<() => Promise<void>>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

/** What a leaked stack trace or error dump looks like in a response body. */
export const STACK_TRACE = /\bat \S+ \(|\bat (?:file|node):|\.[cm]?[jt]s:\d+|node_modules|\w*Error:/;

/** Signs in through `POST /api/auth/login` and returns the `Cookie` header value of the new session. */
export async function signInCookie(app: TestApp, username = 'admin', password = app.adminPassword): Promise<string> {
  const res = await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wp_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed with ${res.status}`);
  return cookie.split(';')[0];
}
