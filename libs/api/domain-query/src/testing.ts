import { normalizeCode } from './lib/normalize-code';
import { rankNearCodes } from './lib/near-codes';
import type { FoundWorkpiece, WorkpieceFinder } from './lib/workpiece-finder';

/** Builds a `FoundWorkpiece` with its normalized code filled in; not placed unless a path is given. */
export function fakeWorkpiece(
  code: string,
  locationPath: string[] | null = null,
  placedAt: Date | null = null,
): FoundWorkpiece {
  return { code, normalizedCode: normalizeCode(code), locationPath, placedAt };
}

/** In-memory `WorkpieceFinder` that records its calls and can be made slow or failing. */
// Near codes are ranked with the domain's own rankNearCodes, as the real finder ranks its SQL
// candidates, so replies in API tests read like production ones.
export class FakeWorkpieceFinder implements WorkpieceFinder {
  /** Arguments of each `findByNormalizedCodes` call, in call order. */
  readonly byCodesCalls: string[][] = [];
  /** Arguments of each `findNearCodes` call, in call order. */
  readonly nearCalls: Array<{ normalized: string; limit: number }> = [];
  /** When set, every call rejects with it (after the delay). */
  error: Error | undefined;
  /** When above 0, every call answers only after this many milliseconds. */
  delayMs = 0;

  constructor(readonly workpieces: FoundWorkpiece[] = []) {}

  /** Exact matches by normalized code. */
  async findByNormalizedCodes(codes: string[]): Promise<FoundWorkpiece[]> {
    this.byCodesCalls.push([...codes]);
    await this.settle();
    return this.workpieces.filter((workpiece) => codes.includes(workpiece.normalizedCode));
  }

  /** Stored codes near `normalized`, ranked by `rankNearCodes`. */
  async findNearCodes(normalized: string, limit: number): Promise<string[]> {
    this.nearCalls.push({ normalized, limit });
    await this.settle();
    return rankNearCodes(normalized, this.workpieces.map((workpiece) => workpiece.code), limit);
  }

  private async settle(): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.error) throw this.error;
  }
}
