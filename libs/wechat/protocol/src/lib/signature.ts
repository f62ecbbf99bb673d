import { createHash, timingSafeEqual } from 'node:crypto';

const DIGITS = /^\d{1,15}$/;

/** WeChat's signature scheme: sort the parts lexicographically, join them with '', SHA-1, lowercase hex. */
export function sha1Signature(parts: string[]): string {
  // Copy before sorting: callers' arrays are not ours to reorder.
  const sorted = [...parts].sort();
  return createHash('sha1').update(sorted.join(''), 'utf8').digest('hex');
}

/** The plain `signature` query parameter: over token, timestamp and nonce. */
export function computeSignature(token: string, timestamp: string, nonce: string): string {
  return sha1Signature([token, timestamp, nonce]);
}

/** The `msg_signature` query parameter of compatible and safe modes: over token, timestamp, nonce and `<Encrypt>`. */
export function computeMsgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1Signature([token, timestamp, nonce, encrypt]);
}

/** Constant-time string comparison; false on a length mismatch or a non-string, never throws. */
export function safeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // The length of a SHA-1 hex digest is public, so returning early on it leaks nothing.
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/**
 * Whether `timestamp` (Unix seconds, digits only) lies within ±`windowSeconds` of `nowMs`; window 0 turns the
 * time check off, but a timestamp that is not digits is refused either way.
 */
export function isTimestampFresh(timestamp: string, nowMs: number, windowSeconds: number): boolean {
  if (typeof timestamp !== 'string' || !DIGITS.test(timestamp)) return false;
  if (windowSeconds === 0) return true;
  if (!(windowSeconds > 0) || !Number.isFinite(nowMs)) {
    throw new RangeError('isTimestampFresh needs a finite nowMs and a windowSeconds ≥ 0');
  }
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= windowSeconds;
}
