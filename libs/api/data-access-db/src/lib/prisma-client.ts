import { PrismaMariaDb } from '@prisma/adapter-mariadb';
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
  const adapter = new PrismaMariaDb({
    ...driverConfig(target),
    connectionLimit: options.connectionLimit ?? 10,
    // Re-check idle connections so a restarted server is noticed without restarting the API.
    idleTimeout: 60,
  });
  return new PrismaClient({ adapter });
}
