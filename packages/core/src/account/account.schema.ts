import { optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { emailSchema, phoneSchema } from './account.identifiers.ts';
import { passwordSchema } from './account.password.ts';

export const registerSchema = z
  .object({
    name: z
      .string('account.name.min')
      .check(z.trim(), z.minLength(2, 'account.name.min'), z.maxLength(100, 'account.name.max')),
    email: optionalField(emailSchema),
    phone: optionalField(phoneSchema),
    password: z.pipe(z.string('account.password.min'), passwordSchema),
    /** The language the person signed up in: their emails are written in it. */
    locale: z._default(z.enum(['id', 'en']), 'id'),
  })
  // The pair's issue is on `email` for API clients; the registration page shows it on the pair.
  .check(
    z.refine((r) => r.email || r.phone, {
      message: 'account.email_or_phone.required',
      path: ['email'],
      ...whenValid('email', 'phone'),
    }),
  );
export type RegisterInput = z.input<typeof registerSchema>;

export const signInSchema = z.object({
  identifier: z
    .string('auth.identifier.required')
    .check(z.trim(), z.minLength(1, 'auth.identifier.required'), z.maxLength(254, 'auth.identifier.too_long')),
  password: z
    .string('auth.password.required')
    .check(z.minLength(1, 'auth.password.required'), z.maxLength(128, 'account.password.max')),
  /** The known-device cookie's token, if the browser has one (from the adapter, never from the form). */
  deviceToken: z.optional(z.string().check(z.maxLength(100))),
});
export type SignInInput = z.input<typeof signInSchema>;
