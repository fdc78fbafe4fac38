import { contactPhoneSchema, emailSchema } from '../account/index.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { QUEUES, SECTORS } from './company.entity.ts';

/** A company profile as its members fill it in; the kecamatan must hold the kelurahan (checked against Region). */
export const companyFieldsSchema = z.object({
  name: z
    .string('company.name.min')
    .check(z.trim(), z.minLength(2, 'company.name.min'), z.maxLength(120, 'company.name.max')),
  sector: z.enum(SECTORS, 'company.sector.invalid'),
  address: z
    .string('company.address.min')
    .check(z.trim(), z.minLength(5, 'company.address.min'), z.maxLength(300, 'company.address.max')),
  districtCode: z.string('company.district.required').check(z.trim(), z.minLength(1, 'company.district.required')),
  villageCode: z.string('company.village.required').check(z.trim(), z.minLength(1, 'company.village.required')),
  contactPhone: optionalField(contactPhoneSchema),
  contactEmail: optionalField(emailSchema),
  nib: optionalField(z.string().check(z.trim(), z.regex(/^\d{13}$/, 'company.nib.invalid'))),
  description: optionalField(z.string().check(z.trim(), z.maxLength(2000, 'company.description.max'))),
});
export type CompanyFields = z.input<typeof companyFieldsSchema>;

export const companyIdSchema = z.object({ id: z.string() });

/**
 * PATCH: the id plus any profile fields. Fields left out keep their value, a
 * blank field clears an optional one; the merged profile is then validated
 * whole (company.use-cases.ts), which is the only time fields are parsed.
 */
export const companyPatchSchema = z.looseObject({
  id: z.string(),
  /** The version the person edited (a form's hidden field, the API's If-Match): a stale one is a 409. */
  version: optionalField(z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(0))),
});

export const rejectSchema = z.object({
  id: z.string(),
  reason: z
    .string('company.reason.required')
    .check(z.trim(), z.minLength(5, 'company.reason.required'), z.maxLength(500, 'company.reason.max')),
});

export const queueSchema = z.object({
  queue: z._default(z.enum(QUEUES, 'request.field.invalid'), 'unverified'),
  cursor: optionalField(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
