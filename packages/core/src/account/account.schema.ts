import * as z from 'zod';
import { optionalField, whenValid } from '../kernel/validation.ts';
import { emailSchema, phoneSchema } from './account.identifiers.ts';
import { passwordSchema } from './account.password.ts';

export const registerSchema = z
  .object({
    name: z.string('account.name.min').trim().min(2, 'account.name.min').max(100, 'account.name.max'),
    email: optionalField(emailSchema),
    phone: optionalField(phoneSchema),
    password: z.string('account.password.min').pipe(passwordSchema),
    /** The language the person signed up in: their emails are written in it. */
    locale: z.enum(['id', 'en']).default('id'),
  })
  // The pair's issue is on `email` for API clients; the registration page shows it on the pair.
  .refine((r) => r.email || r.phone, {
    message: 'account.email_or_phone.required',
    path: ['email'],
    ...whenValid('email', 'phone'),
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const signInSchema = z.object({
  identifier: z
    .string('auth.identifier.required')
    .trim()
    .min(1, 'auth.identifier.required')
    .max(254, 'auth.identifier.too_long'),
  password: z.string('auth.password.required').min(1, 'auth.password.required').max(128, 'account.password.max'),
  /** The known-device cookie's token, if the browser has one (from the adapter, never from the form). */
  deviceToken: z.string().max(100).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;
