/** What the answer needs to know about one workpiece. */
export interface FoundWorkpiece {
  /** The code as the clerk typed it when creating the workpiece; shown in replies. */
  code: string;
  /** `normalizeCode(code)`, the key lookups match on. */
  normalizedCode: string;
  /** Location names from the root down (`['车体新厂房', '3号']`); null while not placed. */
  locationPath: string[] | null;
  /** When it was put on its current location; null when unknown or not placed. */
  placedAt: Date | null;
}

/** Read side the use case needs; implemented over MySQL elsewhere. */
export interface WorkpieceFinder {
  /** Exact matches by normalized code (any order, missing codes simply absent). */
  findByNormalizedCodes(codes: string[]): Promise<FoundWorkpiece[]>;
  /** Up to `limit` display codes near `normalized` (prefix, ends-with, one edit away), best first. */
  findNearCodes(normalized: string, limit: number): Promise<string[]>;
}
