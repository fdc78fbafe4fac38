import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: URL-safe, no look-alikes

/**
 * A new id that sorts by creation time (10 chars of milliseconds, then 10
 * random chars: 50 bits), so "newest first" is a plain descending sort.
 */
export function newId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  const rand = randomBytes(10);
  let tail = '';
  for (const b of rand) tail += alphabet[b % 32];
  return time + tail;
}

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{20}$/;

/** A random secret for cookies and tokens (256 bits, base64url). */
export const newToken = () => randomBytes(32).toString('base64url');
