import type { PrismaClient } from '@workpiece/api-data-access-db';
import type { HealthResponse } from '@workpiece/api-types';
import { Router } from 'express';

// A stalled network never answers and the driver sets no query timeout: without a deadline of its
// own the health check would hang with the database instead of reporting it (same as connectTimeout).
const DATABASE_CHECK_MS = 2000;

/** `/api/health`: 200 when the database answers, 503 when it does not (or not within 2 s). */
export function healthRoutes(prisma: PrismaClient, now: () => number): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const started = performance.now();
    let database: HealthResponse['database'];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_CHECK_MS} ms`)), DATABASE_CHECK_MS);
    });
    try {
      await Promise.race([prisma.$queryRaw`SELECT 1`, deadline]);
      database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      database = { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    } finally {
      clearTimeout(timer);
    }
    const body: HealthResponse = { status: database.ok ? 'ok' : 'degraded', database, time: new Date(now()).toISOString() };
    res.status(database.ok ? 200 : 503).json(body);
  });

  return router;
}
