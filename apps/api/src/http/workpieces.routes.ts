import type { WorkpieceRepository } from '@workpiece/api-data-access-db';
import { type WorkpieceListResponse, workpieceListQuerySchema } from '@workpiece/api-types';
import { Router } from 'express';

/** `/api/workpieces`: what the console lists. */
export function workpiecesRoutes(workpieces: WorkpieceRepository): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = workpieceListQuerySchema.parse(req.query);
    const { items, total } = await workpieces.list(query);
    res.json({ items, total, page: query.page, pageSize: query.pageSize } satisfies WorkpieceListResponse);
  });

  return router;
}
