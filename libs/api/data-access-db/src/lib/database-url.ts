import type { PoolConfig } from 'mariadb';

/** The parts of a `mysql://user:password@host:port/database` URL the drivers need. */
export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** A unix socket path from `?socket=`, used instead of host/port when present. */
  socketPath?: string;
  /** `?ssl=true`: TLS, checking the server's certificate; `?sslaccept=accept_invalid_certs` skips the check. */
  ssl?: { rejectUnauthorized: boolean };
  /** `?allowPublicKeyRetrieval=true`: lets MySQL 8's caching_sha2_password log in without TLS. */
  allowPublicKeyRetrieval?: boolean;
}

/** Parses a MySQL/MariaDB URL; throws with a message naming what is wrong. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL (expected mysql://user:password@host:port/database)`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    throw new Error(`DATABASE_URL must name a database after the host, e.g. mysql://root@127.0.0.1:3306/workpiece`);
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
    socketPath: parsed.searchParams.get('socket') ?? undefined,
    ...sslOptions(parsed.searchParams),
  };
}

function sslOptions(params: URLSearchParams): Pick<DatabaseTarget, 'ssl' | 'allowPublicKeyRetrieval'> {
  const acceptInvalid = params.get('sslaccept') === 'accept_invalid_certs';
  const ssl = params.get('ssl') === 'true' || acceptInvalid;
  return {
    ...(ssl && { ssl: { rejectUnauthorized: !acceptInvalid } }),
    ...(params.get('allowPublicKeyRetrieval') === 'true' && { allowPublicKeyRetrieval: true }),
  };
}

/** The same server with another database name, e.g. for a throw-away test database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** mariadb driver settings for a target; short timeouts so a dead server fails fast instead of hanging. */
export function driverConfig(target: DatabaseTarget, withDatabase = true): PoolConfig {
  return {
    ...(target.socketPath ? { socketPath: target.socketPath } : { host: target.host, port: target.port }),
    user: target.user,
    password: target.password,
    database: withDatabase ? target.database : undefined,
    ...(target.ssl && { ssl: target.ssl }),
    ...(target.allowPublicKeyRetrieval && { allowPublicKeyRetrieval: true }),
    charset: 'utf8mb4',
    connectTimeout: 2000,
    acquireTimeout: 3000,
    // The server's own time zone may be anything; we store and compare UTC.
    timezone: 'Z',
  };
}
