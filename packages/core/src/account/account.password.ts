import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as z from '../kernel/zod.ts';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

// scrypt with a per-user 16-byte salt. N=2^15 costs ~60 ms on one Lambda vCPU: slow for
// guessing, still fine for a sign-in. Parameters are stored with the hash so they can change.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

// The passwords people try first; a leaked-password list would be better (later, offline copy).
const common = new Set([
  'password',
  'password1',
  'qwerty123',
  '12345678',
  '123456789',
  'bismillah',
  'indonesia',
  'sayang123',
  'admin123',
  'tangerang1',
]);

/** At least 8 characters, letters and digits, not a well-known password. */
export const passwordSchema = z.string().check(
  z.minLength(8, 'account.password.min'),
  z.maxLength(128, 'account.password.max'),
  z.refine((pw) => /\p{L}/u.test(pw) && /\d/.test(pw), 'account.password.letters_digits'),
  z.refine((pw) => !common.has(pw.toLowerCase()), 'account.password.common'),
);
