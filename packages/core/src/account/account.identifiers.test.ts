import { describe, expect, it } from 'vitest';
import { normalizeContactPhone, normalizePhone, parseIdentifier } from './account.identifiers.ts';
import { hashPassword, passwordSchema, verifyPassword } from './account.password.ts';

describe('phone numbers', () => {
  it('normalises every way people write an Indonesian mobile number to +62…', () => {
    for (const raw of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '812 3456 7890', '(0812) 3456.7890']) {
      expect(normalizePhone(raw)).toBe('+6281234567890');
    }
  });
  it('rejects landlines, foreign and malformed numbers as login phones', () => {
    for (const raw of ['021-5551234', '+1 415 555 0100', '0812', 'nomor saya', '08123456789012345']) {
      expect(normalizePhone(raw)).toBeUndefined();
    }
  });
  it('accepts landlines as business contacts', () => {
    expect(normalizeContactPhone('021-5901234')).toBe('+62215901234');
    expect(normalizeContactPhone('0812 3456 7890')).toBe('+6281234567890');
    expect(normalizeContactPhone('12')).toBeUndefined();
  });
  it('tells an email from a phone in the sign-in field', () => {
    expect(parseIdentifier(' Budi@Contoh.ID ')).toEqual({ kind: 'email', value: 'budi@contoh.id' });
    expect(parseIdentifier('0812 3456 7890')).toEqual({ kind: 'phone', value: '+6281234567890' });
    expect(parseIdentifier('budi')).toBeUndefined();
  });
});

describe('passwords', () => {
  it('hashes with a per-user salt and verifies', async () => {
    const a = await hashPassword('kopi susu 12');
    const b = await hashPassword('kopi susu 12');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('kopi susu 12', a)).toBe(true);
    expect(await verifyPassword('kopi susu 13', a)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
  it('explains what a weak password lacks', () => {
    const issues = (pw: string) => passwordSchema.safeParse(pw).error?.issues.map((i) => i.message) ?? [];
    expect(issues('abc1')).toContain('account.password.min');
    expect(issues('abcdefgh')).toContain('account.password.letters_digits');
    expect(issues('Password1')).toContain('account.password.common');
    expect(issues('kopi susu 12')).toEqual([]);
  });
});
