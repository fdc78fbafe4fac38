import * as z from '../kernel/zod.ts';

/**
 * People sign in with an email address or an Indonesian mobile number. Both
 * are normalised before they are stored or looked up, so "0812-3456-7890",
 * "+62 812 3456 7890" and "6281234567890" are one account.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Returns +62… for a plausible Indonesian mobile number, or undefined. */
export function normalizePhone(raw: string): string | undefined {
  let digits = raw.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  // Mobile numbers: 8xx, 9 to 12 digits after the country code.
  if (!/^8\d{8,11}$/.test(digits)) return undefined;
  return `+62${digits}`;
}

export const emailSchema = z.pipe(
  z.pipe(z.string().check(z.trim(), z.maxLength(254, 'account.email.too_long')), z.email('account.email.invalid')),
  z.transform(normalizeEmail),
);

export const phoneSchema = z.pipe(
  z.string().check(z.trim()),
  z.transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) {
      ctx.issues.push({ code: 'custom', message: 'account.phone.invalid', input: v });
      return z.NEVER;
    }
    return phone;
  }),
);

export type LoginIdentifier = { kind: 'email' | 'phone'; value: string };

/** Reads what a person typed in the "email or phone" field. */
export function parseIdentifier(raw: string): LoginIdentifier | undefined {
  const value = raw.trim();
  if (value.includes('@')) {
    const email = emailSchema.safeParse(value);
    return email.success ? { kind: 'email', value: email.data } : undefined;
  }
  const phone = normalizePhone(value);
  return phone ? { kind: 'phone', value: phone } : undefined;
}

/** Any Indonesian number a business answers, mobile or landline (021-5901234), as +62…. */
export function normalizeContactPhone(raw: string): string | undefined {
  let digits = raw.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (!/^[2-9]\d{6,11}$/.test(digits)) return undefined;
  return `+62${digits}`;
}

export const contactPhoneSchema = z.pipe(
  z.string().check(z.trim()),
  z.transform((v, ctx) => {
    const phone = normalizeContactPhone(v);
    if (!phone) {
      ctx.issues.push({ code: 'custom', message: 'account.contact_phone.invalid', input: v });
      return z.NEVER;
    }
    return phone;
  }),
);
