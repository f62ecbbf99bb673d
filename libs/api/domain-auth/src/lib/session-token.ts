import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex of a session token: what the database keeps instead of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random session token (sent to the browser) and its hash (stored). */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}
