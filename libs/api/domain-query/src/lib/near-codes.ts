import { normalizeCode } from './normalize-code';

/** Whether `b` is `a` with at most one code point inserted, deleted, replaced, or two neighbours swapped. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  // A swap counts as one edit (Damerau), not two as in plain Levenshtein, because swapped digits
  // (`18-456` for `18-546`) are the commonest slip when typing a code.
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;

  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  // What is left between the common prefix and suffix is the whole difference.
  const restX = endX - start;
  const restY = endY - start;
  if (restX <= 1 && restY <= 1) return true;
  return restX === 2 && restY === 2 && x[start] === y[start + 1] && x[start + 1] === y[start];
}

/** Up to `limit` of `candidates` near `input` (one edit, prefix, ends-with, contains), best first. */
export function rankNearCodes(input: string, candidates: string[], limit: number): string[] {
  // Compared on normalized codes, returned in the candidates' own spelling. Ties go to the shorter
  // code, then code order. Candidates equal to the input, repeated, or not near at all are dropped:
  // a suggestion that is merely "some other code" helps nobody.
  const wanted = normalizeCode(input);
  if (wanted === '' || limit <= 0) return [];

  const ranked: Array<{ code: string; normalized: string; rank: number }> = [];
  const seen = new Set<string>([wanted]);
  for (const code of candidates) {
    const normalized = normalizeCode(code);
    if (normalized === '' || seen.has(normalized)) continue;
    seen.add(normalized);
    const rank = nearness(wanted, normalized);
    if (rank !== undefined) ranked.push({ code: code.trim(), normalized, rank });
  }

  ranked.sort(
    (p, q) =>
      p.rank - q.rank ||
      [...p.normalized].length - [...q.normalized].length ||
      compare(p.normalized, q.normalized) ||
      compare(p.code, q.code),
  );
  return ranked.slice(0, limit).map((near) => near.code);
}

// Prefix catches a code typed only in part (`18-5`); ends-with catches the last digits only (`546`),
// the short form clerks say aloud.
function nearness(wanted: string, candidate: string): number | undefined {
  if (editDistanceAtMostOne(wanted, candidate)) return 0;
  if (candidate.startsWith(wanted)) return 1;
  if (candidate.endsWith(wanted)) return 2;
  if (candidate.includes(wanted)) return 3;
  return undefined;
}

// Code-unit order, not localeCompare: the same order on every machine whatever its ICU data.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
