// `npm run db:seed`: loads the demo factory and the admin account (safe to repeat).
import { createPrismaClient, seedDemoData } from '@workpiece/api-data-access-db';
import { randomBytes } from 'node:crypto';
import { isMain, loadDotEnv, runMain } from '../cli';
import { ROOT, withProductDatabase } from './embedded';

/** Seeds demo data; prints the admin password once when it was generated here. */
export async function seed(url: string): Promise<void> {
  const given = process.env['ADMIN_PASSWORD'];
  if (given !== undefined && given.length < 8) throw new Error('ADMIN_PASSWORD must be at least 8 characters.');
  const adminPassword = given || randomBytes(9).toString('base64url');
  const prisma = createPrismaClient(url, { connectionLimit: 2 });
  try {
    const { adminCreated } = await seedDemoData(prisma, { adminPassword });
    if (!adminCreated) console.log('Demo data: in place (the admin account exists; its password is unchanged).');
    else if (given) console.log('Demo data loaded. Sign in as admin with the password from ADMIN_PASSWORD.');
    else {
      console.log('Demo data loaded. The admin account was created with this password (shown only now):');
      console.log(`\n    username: admin\n    password: ${adminPassword}\n`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    loadDotEnv(ROOT);
    await withProductDatabase(seed);
  });
}
