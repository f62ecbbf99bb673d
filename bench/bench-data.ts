// The bench factory: a location tree and one million workpieces, generated from their index so the
// load script can tell the right answer for any code without asking the database.
import { applyMigrations, codeVariants, ensureDatabaseExists, parseDatabaseUrl, driverConfig, reverseCode } from '@workpiece/api-data-access-db';
import { normalizeCode } from '@workpiece/api-domain-query';
import * as mariadb from 'mariadb';
import { fileURLToPath } from 'node:url';

/** How many workpieces the bench database holds. */
export const WORKPIECE_COUNT = 1_000_000;

const WORKSHOPS = [
  '车体新厂房', '总装厂房', '转向架厂房', '涂装厂房', '焊接厂房', '机加厂房',
  '部件厂房', '调试厂房', '检修厂房', '内装厂房', '试验厂房', '成品库',
];
const BAYS_PER_WORKSHOP = 25;
const BAY_COUNT = WORKSHOPS.length * BAYS_PER_WORKSHOP;
/** Workshops plus their bays: 312 locations. */
export const LOCATION_COUNT = WORKSHOPS.length + BAY_COUNT;

// Codes are `<line><batch>-<serial>`: 200 batches (10–209) of 5,000 serials, under five product
// lines, the empty one most common (`18-546`, `CT18-546`, `ZJ150-4321`).
const LINES = ['', '', 'A', 'CT', 'ZJ'];
const SERIALS_PER_BATCH = 5000;
const FIRST_BATCH = 10;
// One workpiece in fifty has been made but not put anywhere yet.
const NOT_PLACED_EVERY = 50;

/** One generated workpiece: its display code and the location path a reply must name (null: not placed). */
export interface BenchWorkpiece {
  code: string;
  locationPath: string[] | null;
}

/** The location a workpiece sits on: a bay id (1-based, after the workshops), or null. */
function bayOf(index: number): number | null {
  if (index % NOT_PLACED_EVERY === NOT_PLACED_EVERY - 1) return null;
  // A multiplicative scatter, so neighbouring codes sit on different bays as they do in a real shop.
  return (Math.imul(index, 2654435761) >>> 0) % BAY_COUNT;
}

function bayPath(bay: number): string[] {
  return [WORKSHOPS[Math.floor(bay / BAYS_PER_WORKSHOP)], `${(bay % BAYS_PER_WORKSHOP) + 1}号`];
}

/** The display code of workpiece `index` (0 ≤ index < WORKPIECE_COUNT). */
export function codeAt(index: number): string {
  const batch = FIRST_BATCH + Math.floor(index / SERIALS_PER_BATCH);
  const serial = (index % SERIALS_PER_BATCH) + 1;
  return `${LINES[batch % LINES.length]}${batch}-${serial}`;
}

/** Workpiece `index` with the answer a correct server gives for it. */
export function workpieceAt(index: number): BenchWorkpiece {
  const bay = bayOf(index);
  return { code: codeAt(index), locationPath: bay === null ? null : bayPath(bay) };
}

/**
 * A code that exists nowhere but looks like workpiece `index` mistyped: the serial pushed past the
 * batch's last one (`18-7546`), so the near-code search finds neighbours to suggest, as it would live.
 */
export function missingCodeNear(index: number): string {
  const batch = FIRST_BATCH + Math.floor(index / SERIALS_PER_BATCH);
  const serial = (index % SERIALS_PER_BATCH) + 1 + SERIALS_PER_BATCH;
  return `${LINES[batch % LINES.length]}${batch}-${serial}`;
}

const ROWS_PER_INSERT = 5000;
const ROWS_PER_COMMIT = 50_000;

function sqlDate(date: Date): string {
  return `'${date.toISOString().slice(0, 23).replace('T', ' ')}'`;
}

/**
 * Creates and migrates the bench database, then loads the factory unless it is already there.
 * Returns how long seeding took (0 when the data was reused).
 */
export async function prepareBenchDatabase(url: string, log: (line: string) => void): Promise<{ seededMs: number }> {
  await ensureDatabaseExists(url);
  const migrations = await applyMigrations(url, fileURLToPath(new URL('../prisma/migrations', import.meta.url)));
  if (migrations.applied.length > 0) log(`migrated: ${migrations.applied.join(', ')}`);

  const conn = await mariadb.createConnection({ ...driverConfig(parseDatabaseUrl(url)), connectTimeout: 10_000 });
  try {
    const [counts] = await conn.query<{ workpieces: bigint; locations: bigint; variants: bigint }[]>(
      'SELECT (SELECT COUNT(*) FROM workpiece) AS workpieces, (SELECT COUNT(*) FROM location) AS locations, ' +
        '(SELECT COUNT(*) FROM workpiece_code_variant WHERE workpiece_id = ?) AS variants',
      [WORKPIECE_COUNT],
    );
    // The last workpiece having its variants means the whole set has them (they are written in id order).
    const lastVariants = codeVariants(normalizeCode(codeAt(WORKPIECE_COUNT - 1))).length;
    if (Number(counts.workpieces) === WORKPIECE_COUNT && Number(counts.locations) === LOCATION_COUNT && Number(counts.variants) === lastVariants) {
      log(`reusing ${WORKPIECE_COUNT.toLocaleString('en')} workpieces and ${LOCATION_COUNT} locations already in the database`);
      return { seededMs: 0 };
    }
    log(`seeding ${WORKPIECE_COUNT.toLocaleString('en')} workpieces over ${LOCATION_COUNT} locations …`);
    const started = performance.now();
    await seed(conn);
    const seededMs = performance.now() - started;
    log(`seeded in ${(seededMs / 1000).toFixed(1)} s`);
    return { seededMs };
  } finally {
    await conn.end();
  }
}

async function seed(conn: mariadb.Connection): Promise<void> {
  // Bench data only: the checks are off while loading rows that are correct by construction.
  await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  for (const table of ['movement', 'query_log', 'workpiece_code_variant', 'workpiece', 'location']) await conn.query(`TRUNCATE TABLE ${table}`);

  const now = new Date();
  const stamp = sqlDate(now);
  const locations: string[] = WORKSHOPS.map(
    (name, w) => `(${w + 1}, NULL, 'W${w + 1}', '${name}', 'workshop', ${w + 1}, ${stamp}, ${stamp})`,
  );
  for (let bay = 0; bay < BAY_COUNT; bay++) {
    const workshop = Math.floor(bay / BAYS_PER_WORKSHOP);
    const number = (bay % BAYS_PER_WORKSHOP) + 1;
    locations.push(
      `(${WORKSHOPS.length + bay + 1}, ${workshop + 1}, 'W${workshop + 1}-B${number}', '${number}号', 'bay', ${number}, ${stamp}, ${stamp})`,
    );
  }
  await conn.query(
    `INSERT INTO location (id, parent_id, code, name, kind, sort_order, created_at, updated_at) VALUES ${locations.join(',')}`,
  );

  await conn.beginTransaction();
  for (let start = 0; start < WORKPIECE_COUNT; start += ROWS_PER_INSERT) {
    const rows: string[] = [];
    const variantRows: string[] = [];
    for (let i = start; i < Math.min(start + ROWS_PER_INSERT, WORKPIECE_COUNT); i++) {
      const code = codeAt(i);
      const normalized = normalizeCode(code);
      // Generated codes are [A-Z0-9-] only, so they go into the SQL text as they are.
      if (!/^[A-Z0-9-]+$/.test(normalized)) throw new Error(`unexpected code ${code}`);
      const bay = bayOf(i);
      const placedAt = bay === null ? 'NULL' : sqlDate(new Date(now.getTime() - (i % 90) * 86_400_000 - (i % 86_400) * 1000));
      rows.push(
        `(${i + 1}, '${code}', '${normalized}', '${reverseCode(normalized)}', ${bay === null ? 'NULL' : WORKSHOPS.length + bay + 1}, ${placedAt}, ${stamp}, ${stamp})`,
      );
      for (const variant of codeVariants(normalized)) variantRows.push(`('${variant}', ${i + 1})`);
    }
    await conn.query(
      `INSERT INTO workpiece (id, code, normalized_code, reversed_code, location_id, placed_at, created_at, updated_at) VALUES ${rows.join(',')}`,
    );
    await conn.query(`INSERT INTO workpiece_code_variant (variant, workpiece_id) VALUES ${variantRows.join(',')}`);
    if ((start + ROWS_PER_INSERT) % ROWS_PER_COMMIT === 0) {
      await conn.commit();
      await conn.beginTransaction();
    }
  }
  await conn.commit();
  await conn.query('ANALYZE TABLE location, workpiece, workpiece_code_variant');
}
