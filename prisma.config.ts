import { defineConfig } from 'prisma/config';

// The URL matters only to `prisma migrate deploy` on a machine that has Prisma's schema engine;
// set-up applies migrations with the project's own applier (see README: offline migrations).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/workpiece' },
});
