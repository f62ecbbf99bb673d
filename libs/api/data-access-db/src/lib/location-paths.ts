import type { PrismaClient } from '../generated/prisma/client';

interface LocationNode {
  name: string;
  parentId: number | null;
}

/**
 * Location names from the root down, for every location, held in memory for a few seconds.
 * Locations are few (hundreds) and rarely renamed, while every WeChat answer needs a path:
 * one small query every `ttlMs` beats a recursive join per answer.
 */
export class LocationPathCache {
  private paths = new Map<number, string[]>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The path of one location, e.g. `['车体新厂房', '3号']`; loads or refreshes as needed. */
  async pathOf(locationId: number): Promise<string[]> {
    return (await this.pathsOf([locationId])).get(locationId) ?? [];
  }

  /** Paths for many locations at once; an id the cache does not know yet makes it reload first. */
  async pathsOf(locationIds: Iterable<number>): Promise<Map<number, string[]>> {
    const ids = [...locationIds];
    const loadedBefore = this.loadedAt;
    await this.fresh();
    // A workpiece cannot point at a deleted location, so an unknown id is one created since the
    // last load: an empty path would answer "not placed" for a placed workpiece. Reload, unless
    // this call just did.
    if (this.loadedAt === loadedBefore && ids.some((id) => !this.paths.has(id))) {
      this.invalidate();
      await this.fresh();
    }
    const result = new Map<number, string[]>();
    for (const id of ids) result.set(id, this.paths.get(id) ?? []);
    return result;
  }

  /** Forget everything, so the next read sees a change made through the console at once. */
  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.ttlMs) return;
    // One load at a time: concurrent answers wait for the same query.
    this.loading ??= this.load().finally(() => (this.loading = null));
    await this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.prisma.location.findMany({ select: { id: true, name: true, parentId: true } });
    const nodes = new Map<number, LocationNode>(rows.map((row) => [row.id, row]));
    const paths = new Map<number, string[]>();
    const resolve = (id: number, seen: Set<number>): string[] => {
      const known = paths.get(id);
      if (known) return known;
      const node = nodes.get(id);
      // A cycle can only come from hand-edited data; cut it rather than loop.
      if (!node || seen.has(id)) return [];
      seen.add(id);
      const path = [...(node.parentId === null ? [] : resolve(node.parentId, seen)), node.name.trim()];
      paths.set(id, path);
      return path;
    };
    for (const id of nodes.keys()) resolve(id, new Set());
    this.paths = paths;
    this.loadedAt = this.now();
  }
}
