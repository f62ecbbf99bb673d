import { z } from 'zod';

/** A location as the console shows it: its own fields plus the names from the root down. */
export interface LocationRef {
  id: number;
  code: string;
  name: string;
  /** Names from the root to this location, e.g. `['车体新厂房', '3号']`. */
  path: string[];
}

/** A workpiece as the console lists it. Dates are ISO 8601 strings. */
export interface WorkpieceDto {
  id: number;
  /** The code as the clerk typed it, e.g. `18-546`. */
  code: string;
  /** The code lookups match on (half-width, upper case, one kind of dash). */
  normalizedCode: string;
  description: string | null;
  drawingNo: string | null;
  /** Null while the workpiece is not placed anywhere. */
  location: LocationRef | null;
  placedAt: string | null;
  placedBy: { id: number; displayName: string } | null;
  version: number;
  updatedAt: string;
}

/** `GET /api/workpieces` query string. */
export const workpieceListQuerySchema = z.object({
  q: z.string().trim().max(64, '搜索词不能超过64个字符 / Search text is limited to 64 characters').optional(),
  page: z.coerce.number().int().min(1, '页码从1开始 / Pages start at 1').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(200, '每页最多200条 / At most 200 rows per page')
    .default(50),
});
export type WorkpieceListQuery = z.infer<typeof workpieceListQuerySchema>;

export interface WorkpieceListResponse {
  items: WorkpieceDto[];
  total: number;
  page: number;
  pageSize: number;
}
