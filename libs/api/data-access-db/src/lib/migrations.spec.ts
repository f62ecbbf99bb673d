import { getDMMF } from '@prisma/get-dmmf';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mariadb from 'mariadb';
import { MIGRATIONS_DIR, createTestDatabase, testServerUrl } from '../testing';
import { driverConfig, parseDatabaseUrl, withDatabaseName } from './database-url';
import { applyMigrations, dropDatabase, ensureDatabaseExists, readMigrations } from './migrations';

const SCHEMA_PATH = fileURLToPath(new URL('../../../../../prisma/schema.prisma', import.meta.url));

interface DbShape {
  columns: Map<string, Map<string, { nullable: boolean; type: string }>>;
  /** Table → its collation. */
  collations: Map<string, string>;
  indexes: Map<string, Map<string, { unique: boolean; columns: string[] }>>;
}

async function readShape(url: string): Promise<DbShape> {
  const target = parseDatabaseUrl(url);
  const conn = await mariadb.createConnection(driverConfig(target));
  try {
    const cols = await conn.query<{ t: string; c: string; n: string; ty: string }[]>(
      `SELECT TABLE_NAME t, COLUMN_NAME c, IS_NULLABLE n, COLUMN_TYPE ty FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations'`,
      [target.database],
    );
    const tables = await conn.query<{ t: string; co: string }[]>(
      `SELECT TABLE_NAME t, TABLE_COLLATION co FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations'`,
      [target.database],
    );
    const idx = await conn.query<{ t: string; i: string; u: number | bigint; c: string }[]>(
      `SELECT TABLE_NAME t, INDEX_NAME i, NON_UNIQUE u, COLUMN_NAME c FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      [target.database],
    );
    const shape: DbShape = { columns: new Map(), collations: new Map(tables.map(({ t, co }) => [t, co])), indexes: new Map() };
    for (const { t, c, n, ty } of cols) {
      if (!shape.columns.has(t)) shape.columns.set(t, new Map());
      // MariaDB and MySQL 5 write int(11), MySQL 8 int; MariaDB keeps JSON as longtext.
      const type = ty.toLowerCase().replace(/^int\(\d+\)/, 'int').replace(/^longtext$/, 'json');
      shape.columns.get(t)?.set(c, { nullable: n === 'YES', type });
    }
    for (const { t, i, u, c } of idx) {
      if (!shape.indexes.has(t)) shape.indexes.set(t, new Map());
      const table = shape.indexes.get(t) as Map<string, { unique: boolean; columns: string[] }>;
      const entry = table.get(i) ?? { unique: Number(u) === 0, columns: [] };
      entry.columns.push(c);
      table.set(i, entry);
    }
    return shape;
  } finally {
    await conn.end();
  }
}

interface DmmfField {
  name: string;
  kind: string;
  type: string;
  nativeType?: readonly [string, readonly string[]] | null;
}

/** The MySQL column type Prisma gives a field, as information_schema writes it. */
function columnType(field: DmmfField, enums: readonly { name: string; values: readonly { name: string; dbName?: string | null }[] }[]): string {
  const [native, args] = field.nativeType ?? [undefined, []];
  if (field.kind === 'enum') {
    const values = enums.find((e) => e.name === field.type)?.values ?? [];
    return `enum(${values.map((v) => `'${v.dbName ?? v.name}'`).join(',')})`;
  }
  switch (field.type) {
    case 'String':
      return native ? `${native.toLowerCase()}${args.length ? `(${args.join(',')})` : ''}` : 'varchar(191)';
    case 'Int':
      return 'int';
    case 'Boolean':
      return 'tinyint(1)';
    case 'DateTime':
      return `datetime(${native ? args[0] : '3'})`;
    case 'Json':
      return 'json';
    default:
      throw new Error(`the drift test does not know Prisma type ${field.type} yet (field ${field.name}): add it`);
  }
}

describe('migrations', () => {
  it('when every migration is applied to an empty database, then it matches schema.prisma: tables, columns, types, nullability and indexes', async () => {
    const db = await createTestDatabase('wp_drift');
    try {
      const dmmf = await getDMMF({ datamodel: readFileSync(SCHEMA_PATH, 'utf8') });
      if (!('datamodel' in dmmf)) throw new Error(`schema.prisma does not parse: ${dmmf.reason}`);
      const shape = await readShape(db.url);
      const modelTables = dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort();
      expect([...shape.columns.keys()].sort()).withContext('tables').toEqual(modelTables);

      for (const model of dmmf.datamodel.models) {
        const table = model.dbName ?? model.name;
        const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
        const expectedColumns = model.fields
          .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
          .map((f) => [f.dbName ?? f.name, { nullable: !f.isRequired, type: columnType(f, dmmf.datamodel.enums) }] as const);
        expect(shape.collations.get(table)).withContext(`${table} collation`).toMatch(/^utf8mb4_/);
        const actual = shape.columns.get(table) ?? new Map();
        expect([...actual.keys()].sort()).withContext(`${table} columns`).toEqual(expectedColumns.map(([c]) => c).sort());
        for (const [column, expected] of expectedColumns) {
          expect(actual.get(column)).withContext(`${table}.${column} nullability and type`).toEqual(expected);
        }

        const expectedIndexes = dmmf.datamodel.indexes
          .filter((i) => i.model === model.name)
          .map((i) => {
            const columns = i.fields.map((f) => columnOf.get(f.name) ?? f.name);
            const suffix = i.type === 'unique' ? 'key' : 'idx';
            const name = i.type === 'id' ? 'PRIMARY' : (i.dbName ?? `${table}_${columns.join('_')}_${suffix}`);
            return [name, { unique: i.type !== 'normal', columns }] as const;
          });
        const actualIndexes = shape.indexes.get(table) ?? new Map();
        expect([...actualIndexes.keys()].sort()).withContext(`${table} index names`).toEqual(expectedIndexes.map(([n]) => n).sort());
        for (const [name, expected] of expectedIndexes) {
          expect(actualIndexes.get(name)).withContext(`${table} index ${name}`).toEqual(expected);
        }
      }
    } finally {
      await db.drop();
    }
  });

  describe('the applier', () => {
    let url: string;
    let dir: string;

    beforeEach(async () => {
      url = withDatabaseName(testServerUrl(), `wp_migr_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
      await ensureDatabaseExists(url);
      dir = mkdtempSync(join(tmpdir(), 'wp-migrations-'));
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    });

    afterEach(async () => {
      await dropDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    });

    it('when run twice, then the second run applies nothing and Prisma\'s table records each migration once with its checksum', async () => {
      const first = await applyMigrations(url, dir);
      const second = await applyMigrations(url, dir);

      expect(first.applied).toEqual(readMigrations(dir).map((m) => m.name));
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);
      const conn = await mariadb.createConnection(driverConfig(parseDatabaseUrl(url)));
      try {
        const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>(
          'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
        );
        expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations(dir).map((m) => [m.name, m.checksum]));
        for (const row of rows) {
          expect(row.finished_at).not.toBeNull();
          expect(Number(row.applied_steps_count)).toBe(1);
        }
      } finally {
        await conn.end();
      }
    });

    it('when workpieces exist before the code-variant migration, then it backfills their variants', async () => {
      const [init, ...later] = readMigrations(dir);
      const firstOnly = mkdtempSync(join(tmpdir(), 'wp-migrations-first-'));
      cpSync(join(dir, init.name), join(firstOnly, init.name), { recursive: true });
      await applyMigrations(url, firstOnly);
      const conn = await mariadb.createConnection(driverConfig(parseDatabaseUrl(url)));
      try {
        await conn.query(
          "INSERT INTO workpiece (code, normalized_code, reversed_code, updated_at) VALUES ('18-546', '18-546', '645-81', NOW(3))",
        );

        await applyMigrations(url, dir);

        const rows = await conn.query<{ variant: string }[]>('SELECT variant FROM workpiece_code_variant ORDER BY variant');
        expect(later.length).toBeGreaterThan(0);
        expect(rows.map((r) => r.variant)).toEqual(['1-546', '18-46', '18-54', '18-56', '18546', '8-546']);
      } finally {
        await conn.end();
        rmSync(firstOnly, { recursive: true, force: true });
      }
    });

    it('when the checksums are recorded, then they are the sha256 of each file, as Prisma writes them', async () => {
      await applyMigrations(url, dir);

      const conn = await mariadb.createConnection(driverConfig(parseDatabaseUrl(url)));
      try {
        const rows = await conn.query<{ checksum: string }[]>(
          "SELECT checksum FROM _prisma_migrations WHERE migration_name = '20261203120000_init'",
        );
        // Computed apart, with sha256sum on the committed file: a migration never changes once applied.
        expect(rows.map((row) => row.checksum)).toEqual(['c84a8ee16e3bbe5bbcb6a6dfc6ccb107a0aef40a11be5411c881a367c807aa94']);
      } finally {
        await conn.end();
      }
    });

    it('when a migration comes back with Windows line endings, then it still counts as unchanged', async () => {
      await applyMigrations(url, dir);
      const [first] = readMigrations(dir);
      writeFileSync(join(dir, first.name, 'migration.sql'), first.sql.replace(/\n/g, '\r\n'));

      const again = await applyMigrations(url, dir);

      expect(again.applied).toEqual([]);
    });

    it('when an applied migration file was edited, then the applier refuses and names it', async () => {
      await applyMigrations(url, dir);
      const [first] = readMigrations(dir);
      writeFileSync(join(dir, first.name, 'migration.sql'), first.sql + '\n-- edited\n');

      await expectAsync(applyMigrations(url, dir)).toBeRejectedWithError(new RegExp(`${first.name} was changed`));
    });

    it('when a new migration fails, then it is recorded as unfinished and later runs refuse until it is repaired', async () => {
      await applyMigrations(url, dir);
      const broken = join(dir, '99990101000000_broken');
      cpSync(join(dir, readMigrations(dir)[0].name), broken, { recursive: true });
      writeFileSync(join(broken, 'migration.sql'), 'ALTER TABLE `no_such_table` ADD COLUMN `x` INT;');

      await expectAsync(applyMigrations(url, dir)).toBeRejectedWithError(/99990101000000_broken failed/);
      await expectAsync(applyMigrations(url, dir)).toBeRejectedWithError(/failed earlier/);
    });
  });
});
