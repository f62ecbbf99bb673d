import type { FoundWorkpiece, WorkpieceFinder } from '@workpiece/api-domain-query';
import { normalizeCode, rankNearCodes } from '@workpiece/api-domain-query';
import type { WorkpieceDto, WorkpieceListQuery } from '@workpiece/api-types';
import type { PrismaClient } from '../generated/prisma/client';
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

/** The same LIKE pattern read backwards, for the other column: `1_-546` on codes is `645-_1` on reversed codes. */
export function reverseLikePattern(pattern: string): string {
  const tokens: string[] = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    // An escaped character stays behind its escape.
    if (chars[i] === LIKE_ESCAPE && i + 1 < chars.length) tokens.push(chars[i] + chars[++i]);
    else tokens.push(chars[i]);
  }
  return tokens.reverse().join('');
}

/**
 * LIKE patterns (on `normalized_code` or `reversed_code`) and exact codes that together cover
 * every code one edit (or one swap of neighbours) away from `code`, each usable as an index range: an edit at the start is
 * searched from the end through `reversed_code`.
 */
export function oneEditSearch(code: string): { forward: string[]; reversed: string[]; exact: string[] } {
  const chars = [...code];
  const forward: string[] = [];
  const reversed: string[] = [];
  const exact = new Set<string>();
  for (let i = 0; i <= chars.length; i++) {
    const head = escapeLike(chars.slice(0, i).join(''));
    const tail = escapeLike(chars.slice(i).join(''));
    const tailAfter = escapeLike(chars.slice(i + 1).join(''));
    if (i < chars.length) exact.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
    // Two neighbours swapped (18-456 for 18-546) is the commonest slip of all.
    if (i + 1 < chars.length && chars[i] !== chars[i + 1]) {
      exact.add([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join(''));
    }
    if (i === 0) {
      // Insertion before, or substitution of, the first character: search backwards.
      reversed.push(escapeLike(reverseCode(code)) + '_');
      if (chars.length > 1) reversed.push(escapeLike(reverseCode(chars.slice(1).join(''))) + '_');
      continue;
    }
    forward.push(`${head}_${tail}`);
    if (i < chars.length) forward.push(`${head}_${tailAfter}`);
  }
  exact.delete('');
  return { forward, reversed, exact: [...exact] };
}

/** Reads and lists workpieces; implements the query domain's `WorkpieceFinder` over MySQL. */
export class WorkpieceRepository implements WorkpieceFinder {
  readonly locationPaths: LocationPathCache;
  private readonly byCode: LookupBatcher<string, { code: string; normalizedCode: string; locationId: number | null; placedAt: Date | null }>;

  constructor(private readonly prisma: PrismaClient, options: { lookupWindowMs?: number; locationCacheMs?: number } = {}) {
    this.locationPaths = new LocationPathCache(prisma, options.locationCacheMs ?? 5000);
    this.byCode = new LookupBatcher(async (codes) => {
      const rows = await prisma.workpiece.findMany({
        where: { normalizedCode: { in: codes } },
        select: { code: true, normalizedCode: true, locationId: true, placedAt: true },
      });
      return new Map(rows.map((row) => [row.normalizedCode, row]));
    }, options.lookupWindowMs ?? 1);
  }

  /** Exact matches by normalized code; concurrent callers share one query. */
  async findByNormalizedCodes(codes: string[]): Promise<FoundWorkpiece[]> {
    const rows = await this.byCode.loadMany(codes);
    const paths = await this.locationPaths.pathsOf(rows.flatMap((r) => (r.locationId === null ? [] : [r.locationId])));
    return rows.map((row) => ({
      code: row.code,
      normalizedCode: row.normalizedCode,
      locationPath: row.locationId === null ? null : (paths.get(row.locationId) ?? []),
      placedAt: row.placedAt,
    }));
  }

  /** Up to `limit` display codes near `normalized`: one edit away, then prefix, then ends-with. */
  async findNearCodes(normalized: string, limit: number): Promise<string[]> {
    if (!normalized) return [];
    const { forward, reversed, exact } = oneEditSearch(normalized);
    const per = Math.max(limit * 2, 5);
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      parts.push(`(${sql} LIMIT ${per})`);
      params.push(...values);
    };
    const like = (column: string) =>
      `SELECT code, normalized_code FROM workpiece WHERE ${column} LIKE ? ESCAPE '${LIKE_ESCAPE}'`;
    // A one-edit pattern is given on both columns (they hold the same code, once backwards), so the
    // database reads whichever index has the longer fixed start: `1_-7719` alone would scan every
    // code that starts with 1, half the table, while `9177-_1` on reversed codes finds a handful.
    // Either way the matches differ only in the `_`, so both indexes return them in the same order.
    const either = `SELECT code, normalized_code FROM workpiece WHERE normalized_code LIKE ? ESCAPE '${LIKE_ESCAPE}' AND reversed_code LIKE ? ESCAPE '${LIKE_ESCAPE}'`;
    add(like('normalized_code'), `${escapeLike(normalized)}%`);
    add(like('reversed_code'), `${escapeLike(reverseCode(normalized))}%`);
    for (const pattern of forward) add(either, pattern, reverseLikePattern(pattern));
    for (const pattern of reversed) add(either, reverseLikePattern(pattern), pattern);
    if (exact.length > 0) {
      add(`SELECT code, normalized_code FROM workpiece WHERE normalized_code IN (${exact.map(() => '?').join(',')})`, ...exact);
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
