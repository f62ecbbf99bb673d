import { createPrismaClient, isLostConnectionError } from '@workpiece/api-data-access-db';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { loadConfig } from './config';
import { createHttpServer } from './http-server';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// mariadb 3.4 leaves a rejected promise nobody awaits when a connection dies while it is being set
// up (the pool has been told and opens another). Node would exit on it, so a database blip would
// take the API down; anything else unhandled still ends the process, as it does by default.
process.on('unhandledRejection', (reason) => {
  if (!isLostConnectionError(reason)) throw reason;
  console.error('[db] connection lost while opening, the pool will retry:', reason.message.split('\n')[0]);
});

const prisma = createPrismaClient(config.databaseUrl, { connectionLimit: config.databasePoolSize });
// The console is built next to the API: dist/apps/api/main.js → dist/apps/console/browser.
const consoleDir = config.consoleDir ?? fileURLToPath(new URL('../console/browser', import.meta.url));
const { app, shutdown } = createApp({ config, prisma, consoleDir });

const server = createHttpServer(app).listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`工件位置 Workpiece Locator is running:
  console         http://localhost:${port}/
  WeChat webhook  http://<this server's public address>:${port}/wechat
  health          http://localhost:${port}/api/health`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight and writing the query log …`);
  // Requests in flight still log their answer: wait for them (at most the WeChat budget) first.
  const closed = new Promise((done) => server.close(done));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((done) => setTimeout(done, 6000))]);
  try {
    await shutdown();
  } catch (error) {
    console.error('Could not write the rest of the query log:', error);
  }
  await prisma.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
