import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { driverConfig, parseDatabaseUrl } from './database-url';

/** One folder of `prisma/migrations`, as Prisma lays it out. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, the value Prisma keeps in `_prisma_migrations.checksum`. */
  checksum: string;
  /**
   * Checksums that count as "unchanged": the file's own, and those of it with its line endings
   * turned to LF or to CRLF, as Prisma accepts, so a Windows checkout is not an edited migration.
   */
  acceptedChecksums: string[];
}

/** What a run of the applier did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` agrees with us. */
const CREATE_PRISMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\`                    VARCHAR(36) PRIMARY KEY NOT NULL,
    \`checksum\`              VARCHAR(64) NOT NULL,
    \`finished_at\`           DATETIME(3),
    \`migration_name\`        VARCHAR(255) NOT NULL,
    \`logs\`                  TEXT,
    \`rolled_back_at\`        DATETIME(3),
    \`started_at\`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\`   INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

// The advisory lock `prisma migrate deploy` takes too, so neither runs while the other migrates.
const LOCK_NAME = 'prisma_migrate';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Reads the migration folders in the order Prisma applies them (by name). */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) throw new Error(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(migrationsDir, name, 'migration.sql'));
      const sql = bytes.toString('utf8');
      const lf = sql.replace(/\r\n/g, '\n');
      const checksum = sha256(bytes);
      return { name, sql, checksum, acceptedChecksums: [...new Set([checksum, sha256(lf), sha256(lf.replace(/\n/g, '\r\n'))])] };
    });
}

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection(driverConfig(target, false));
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

/** Drops a database (tests use this for their throw-away databases). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection(driverConfig(target, false));
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await conn.end();
  }
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in order and records each in `_prisma_migrations`, as
 * `prisma migrate deploy` would, without needing Prisma's native schema engine.
 * Refuses to go on when an applied migration's file changed or an earlier one failed.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string,
  log: (line: string) => void = () => undefined,
): Promise<MigrationReport> {
  const migrations = readMigrations(migrationsDir);
  const target = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ ...driverConfig(target), multipleStatements: true });
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  try {
    // Two processes starting at once (two API hosts, a deploy and a set-up) must not both migrate.
    const [lock] = await conn.query<{ got: number | bigint | null }[]>('SELECT GET_LOCK(?, 30) AS got', [LOCK_NAME]);
    if (Number(lock?.got) !== 1) throw new Error('Another process is migrating this database; try again shortly.');
    try {
      await conn.query(CREATE_PRISMA_MIGRATIONS);
      const rows = await conn.query<AppliedRow[]>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM `_prisma_migrations` ORDER BY started_at',
      );
      const live = rows.filter((row) => row.rolled_back_at === null);
      const failed = live.find((row) => row.finished_at === null);
      if (failed) {
        throw new Error(
          `Migration ${failed.migration_name} failed earlier and is not finished. Repair the database by hand, ` +
            `then mark it rolled back (UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '${failed.migration_name}').`,
        );
      }
      const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
      const known = new Set(migrations.map((m) => m.name));
      for (const row of live) {
        if (!known.has(row.migration_name)) {
          log(`warning: ${row.migration_name} is applied in the database but missing from ${migrationsDir}`);
        }
      }
      for (const migration of migrations) {
        const applied = appliedByName.get(migration.name);
        if (applied) {
          if (!migration.acceptedChecksums.includes(applied.checksum)) {
            throw new Error(
              `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
                `Never edit an applied migration: restore it and add a new migration instead.`,
            );
          }
          report.alreadyApplied.push(migration.name);
          continue;
        }
        await applyOne(conn, migration);
        report.applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await conn.end();
  }
  return report;
}

async function applyOne(conn: mariadb.Connection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await conn.query(
    'INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await conn.query(migration.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await conn.query('UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?', [message, id]);
    throw new Error(`Migration ${migration.name} failed: ${message}`);
  }
  await conn.query(
    'UPDATE `_prisma_migrations` SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?',
    [id],
  );
}
