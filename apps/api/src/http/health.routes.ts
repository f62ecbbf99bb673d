import type { PrismaClient } from '@workpiece/api-data-access-db';
import type { HealthResponse } from '@workpiece/api-types';
import { Router } from 'express';

/** `/api/health`: 200 when the database answers, 503 when it does not. */
export function healthRoutes(prisma: PrismaClient, now: () => number): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const started = performance.now();
    let database: HealthResponse['database'];
    try {
      await prisma.$queryRaw`SELECT 1`;
      database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      database = { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
    const body: HealthResponse = { status: database.ok ? 'ok' : 'degraded', database, time: new Date(now()).toISOString() };
    res.status(database.ok ? 200 : 503).json(body);
  });

  return router;
}
