import type { FoundWorkpiece, WorkpieceFinder } from '@workpiece/api-domain-query';
import { fitsCodeLength, MAX_CODE_LENGTH, normalizeCode, rankNearCodes } from '@workpiece/api-domain-query';
import type { WorkpieceDto, WorkpieceListQuery } from '@workpiece/api-types';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import type { WorkpieceWhereInput } from '../generated/prisma/models';
import { LocationPathCache } from './location-paths';
import { LookupBatcher } from './lookup-batcher';

const LIKE_ESCAPE = '!';

/** Escapes a literal for `LIKE … ESCAPE '!'` (portable across MySQL and MariaDB sql_modes). */
export function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c);
}

/** Reverses a string by code point (the `reversed_code` column holds codes written backwards). */
export function reverseCode(code: string): string {
  return [...code].reverse().join('');
}

/**
 * The code with one character deleted, once per position: the rows `workpiece_code_variant` keeps
 * for it. Two codes one substitution apart share one of these; a code one insertion longer than
 * the input has the input among them.
 */
export function codeVariants(code: string): string[] {
  const chars = [...code];
  if (chars.length < 2) return [];
  return [...new Set(chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join('')))];
}

/** The code with two different neighbouring characters swapped (18-456 for 18-546), once per position. */
export function neighbourSwaps(code: string): string[] {
  const chars = [...code];
  const swaps = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] !== chars[i + 1]) swaps.add([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join(''));
  }
  return [...swaps];
}

/** Rows to insert into `workpiece_code_variant` for one workpiece. */
export function codeVariantRows(workpieceId: number, normalizedCode: string): { variant: string; workpieceId: number }[] {
  return codeVariants(normalizedCode).map((variant) => ({ variant, workpieceId }));
}

interface LookupRow {
  code: string;
  normalizedCode: string;
  locationId: number | null;
  placedAt: Date | null;
}

/** Reads and lists workpieces; implements the query domain's `WorkpieceFinder` over MySQL. */
export class WorkpieceRepository implements WorkpieceFinder {
  readonly locationPaths: LocationPathCache;
  private readonly byCode: LookupBatcher<string, LookupRow>;

  constructor(private readonly prisma: PrismaClient, options: { lookupWindowMs?: number; locationCacheMs?: number } = {}) {
    this.locationPaths = new LocationPathCache(prisma, options.locationCacheMs ?? 5000);
    this.byCode = new LookupBatcher(async (codes) => {
      // A raw query costs Prisma about half the CPU of the same findMany, and this one runs for
      // every message WeChat sends.
      const rows = await prisma.$queryRaw<LookupRow[]>`SELECT code, normalized_code AS normalizedCode,
        location_id AS locationId, placed_at AS placedAt FROM workpiece WHERE normalized_code IN (${Prisma.join(codes)})`;
      return new Map(rows.map((row) => [row.normalizedCode, row]));
    }, options.lookupWindowMs);
  }

  /** Exact matches by normalized code; concurrent callers share one query. */
  async findByNormalizedCodes(codes: string[]): Promise<FoundWorkpiece[]> {
    const rows = await this.byCode.loadMany(codes.filter(fitsCodeLength));
    const paths = await this.locationPaths.pathsOf(rows.flatMap((r) => (r.locationId === null ? [] : [r.locationId])));
    return rows.map((row) => ({
      code: row.code,
      normalizedCode: row.normalizedCode,
      locationPath: row.locationId === null ? null : (paths.get(row.locationId) ?? []),
      placedAt: row.placedAt,
    }));
  }

  /** Up to `limit` display codes near `normalized`: one edit or swap away, then prefix, then ends-with. */
  async findNearCodes(normalized: string, limit: number): Promise<string[]> {
    // Its variants grow with the square of its length; one longer than a stored code plus one
    // insertion has no neighbour anyway.
    if (!normalized || limit <= 0 || [...normalized].length > MAX_CODE_LENGTH + 1) return [];
    const per = Math.max(limit * 2, 5);
    const variants = codeVariants(normalized);
    const shorterOrSwapped = [...new Set([...variants, ...neighbourSwaps(normalized)])];
    const marks = (values: unknown[]) => values.map(() => '?').join(',');
    const like = (column: string) =>
      `(SELECT code, normalized_code FROM workpiece WHERE ${column} LIKE ? ESCAPE '${LIKE_ESCAPE}' LIMIT ${per})`;
    const parts = [
      like('normalized_code'),
      like('reversed_code'),
      // A shared variant: one character changed; the input itself as a variant: one character added.
      `(SELECT w.code, w.normalized_code FROM workpiece_code_variant v JOIN workpiece w ON w.id = v.workpiece_id
        WHERE v.variant IN (${marks([normalized, ...variants])}) LIMIT 50)`,
    ];
    const params: unknown[] = [`${escapeLike(normalized)}%`, `${escapeLike(reverseCode(normalized))}%`, normalized, ...variants];
    if (shorterOrSwapped.length > 0) {
      parts.push(`(SELECT code, normalized_code FROM workpiece WHERE normalized_code IN (${marks(shorterOrSwapped)}))`);
      params.push(...shorterOrSwapped);
    }
    // UNION ALL: the map below drops repeats anyway, so the server need not sort them out first.
    const rows = await this.prisma.$queryRawUnsafe<{ code: string; normalized_code: string }[]>(
      parts.join(' UNION ALL '),
      ...params,
    );
    const displayOf = new Map(rows.map((row) => [row.normalized_code, row.code]));
    return rankNearCodes(normalized, [...displayOf.keys()], limit).map((code) => displayOf.get(code) ?? code);
  }

  /** One page of workpieces for the console, newest changes first. */
  async list(query: WorkpieceListQuery): Promise<{ items: WorkpieceDto[]; total: number }> {
    const where: WorkpieceWhereInput = {};
    if (query.q) {
      const normalized = normalizeCode(query.q);
      where.OR = [
        { normalizedCode: { contains: normalized } },
        { description: { contains: query.q } },
        { drawingNo: { contains: query.q } },
      ];
    }
    const [rows, total] = await Promise.all([
      this.prisma.workpiece.findMany({
        where,
        orderBy: [{ normalizedCode: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        include: {
          location: { select: { id: true, code: true, name: true } },
          placedBy: { select: { id: true, displayName: true } },
        },
      }),
      this.prisma.workpiece.count({ where }),
    ]);
    const paths = await this.locationPaths.pathsOf(rows.flatMap((r) => (r.location ? [r.location.id] : [])));
    const items = rows.map(
      (row): WorkpieceDto => ({
        id: row.id,
        code: row.code,
        normalizedCode: row.normalizedCode,
        description: row.description,
        drawingNo: row.drawingNo,
        location: row.location ? { ...row.location, path: paths.get(row.location.id) ?? [row.location.name] } : null,
        placedAt: row.placedAt?.toISOString() ?? null,
        placedBy: row.placedBy,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      }),
    );
    return { items, total };
  }
}
