// `npm run db:migrate`: applies prisma/migrations with the project's offline applier.
import { applyMigrations, ensureDatabaseExists } from '@workpiece/api-data-access-db';
import { join } from 'node:path';
import { isMain, loadDotEnv, runMain } from '../cli';
import { ROOT, withProductDatabase } from './embedded';

/** Creates the database when missing and applies pending migrations. */
export async function migrate(url: string): Promise<void> {
  await ensureDatabaseExists(url);
  const report = await applyMigrations(url, join(ROOT, 'prisma', 'migrations'), (line) => console.log(`  ${line}`));
  console.log(
    report.applied.length
      ? `Migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already in place.`
      : `Migrations: the schema is up to date (${report.alreadyApplied.length} applied).`,
  );
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    loadDotEnv(ROOT);
    await withProductDatabase(migrate);
  });
}
