import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { SqlError } from 'mariadb';
import { PrismaClient } from '../generated/prisma/client';
import { driverConfig, parseDatabaseUrl } from './database-url';

export { PrismaClient };

/** Options for the API's connection pool. */
export interface PrismaClientOptions {
  /** Pool size; the API's default of 10 suits a single process on a small server. */
  connectionLimit?: number;
}

/** Creates a Prisma client over the pure-JS mariadb driver (no native engine needed). */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  const adapter = new PrismaMariaDb(
    {
      ...driverConfig(target),
      connectionLimit: options.connectionLimit ?? 10,
      // Re-check idle connections so a restarted server is noticed without restarting the API.
      idleTimeout: 60,
    },
    // The binary protocol prepares, executes and closes every statement: three writes for one
    // query. Our batched `IN (…)` lookups and multi-row log inserts vary in length, so no prepared
    // statement is ever reused; the text protocol sends each as one packet.
    { useTextProtocol: true },
  );
  return new PrismaClient({ adapter });
}

/**
 * Whether `error` is the mariadb driver reporting a dead connection (fatal: refused, closed, timed
 * out, or failed while being set up); the pool drops that connection and opens another when asked.
 */
export function isLostConnectionError(error: unknown): error is Error & { fatal: true; sqlState: string } {
  // The driver raises its own SqlError, or passes the socket's error on marked fatal with a SQLState.
  if (!(error instanceof Error)) return false;
  const marked = error as Partial<Pick<SqlError, 'fatal' | 'sqlState'>>;
  return marked.fatal === true && (error instanceof SqlError || typeof marked.sqlState === 'string');
}
