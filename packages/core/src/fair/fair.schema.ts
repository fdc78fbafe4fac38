import * as z from 'zod';
import { optionalField, whenValid } from '../kernel/validation.ts';
import { FAIR_MODES, FAIR_STATUSES, SLOT_HOW } from './fair.entity.ts';

const day = z.string('fair.date.invalid').regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'fair.date.invalid');
const time = z.string('fair.time.invalid').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'fair.time.invalid');
const count = (code: string, max: number) => z.coerce.number(code).int(code).min(1, code).max(max, code);

/** What an officer writes about a fair. Hybrid and on-site fairs need a venue and its kecamatan. */
export const fairFieldsSchema = z
  .object({
    name: z.string('fair.name.length').trim().min(5, 'fair.name.length').max(100, 'fair.name.length'),
    slug: optionalField(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'fair.slug.format')
        .min(3, 'fair.slug.format')
        .max(60, 'fair.slug.format'),
    ),
    description: z.string().trim().max(2000, 'fair.description.max').default(''),
    startDate: day,
    endDate: day,
    opensAt: time,
    closesAt: time,
    mode: z.enum(FAIR_MODES, 'fair.mode.invalid'),
    venue: optionalField(z.string().trim().max(200, 'fair.venue.max')),
    districtCode: optionalField(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'fair.district.required')),
    registrationQuota: count('fair.quota.registrations', 100_000),
    boothQuota: count('fair.quota.booths', 1_000),
  })
  // Each cross-field check runs when the fields it reads are right, whatever else is wrong: one answer lists all.
  .superRefine(
    (f, ctx) => {
      if (f.endDate < f.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'fair.date.order' });
    },
    whenValid('startDate', 'endDate'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.closesAt <= f.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'fair.time.order' });
    },
    whenValid('opensAt', 'closesAt'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.mode === 'virtual') return;
      if (!f.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'fair.venue.required' });
      if (!f.districtCode) ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'fair.district.required' });
    },
    whenValid('mode', 'venue', 'districtCode'),
  );
export type FairFields = z.input<typeof fairFieldsSchema>;

export const fairIdSchema = z.object({ fairId: z.string() });
export const fairSlugSchema = z.object({ slug: z.string().max(80) });
export const updateFairSchema = z.looseObject({ fairId: z.string(), version: optionalField(z.coerce.number().int()) });
export const fairStatusSchema = z.object({ fairId: z.string(), status: z.enum(FAIR_STATUSES, 'fair.status.invalid') });
export const listSchema = z.object({
  cursor: optionalField(z.string().max(400)),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const boothKeySchema = z.object({ fairId: z.string(), companyId: z.string() });
export const boothDecisionSchema = boothKeySchema.extend({
  decision: z.enum(['approve', 'decline']),
  reason: optionalField(z.string().trim().max(300, 'fair.reason.max')),
});
const https = z
  .string()
  .trim()
  .max(300, 'fair.link.invalid')
  .refine((v) => /^https:\/\/[^\s]+$/.test(v), 'fair.link.invalid');
export const boothContentSchema = boothKeySchema.extend({
  intro: z.string().trim().max(1000, 'fair.intro.max').default(''),
  videoUrl: optionalField(https),
  vacancyIds: z
    .array(z.string().regex(/^[0-9a-z]{20}$/))
    .max(10, 'fair.vacancies.max')
    .default([]),
  recruiters: z.array(z.string().trim().min(2).max(60)).max(5, 'fair.recruiters.max').default([]),
  sessions: z
    .array(
      z.object({
        title: z.string().trim().min(3, 'fair.session.invalid').max(100, 'fair.session.invalid'),
        at: z.iso.datetime('fair.session.invalid'),
        where: z.string().trim().min(2, 'fair.session.invalid').max(300, 'fair.session.invalid'),
      }),
    )
    .max(5, 'fair.sessions.max')
    .default([]),
});

export const slotsSchema = boothKeySchema
  .extend({
    /** WIB day and first start; `count` slots of `minutes` back to back. */
    date: day,
    start: time,
    minutes: z.coerce
      .number('fair.slot.minutes')
      .int('fair.slot.minutes')
      .min(10, 'fair.slot.minutes')
      .max(30, 'fair.slot.minutes'),
    count: z.coerce
      .number('fair.slot.count')
      .int('fair.slot.count')
      .min(1, 'fair.slot.count')
      .max(24, 'fair.slot.count'),
    how: z.enum(SLOT_HOW, 'fair.slot.how'),
    link: optionalField(https),
    table: optionalField(z.string().trim().max(40, 'fair.slot.table')),
  })
  .superRefine(
    (s, ctx) => {
      if (s.how === 'video' && !s.link)
        ctx.addIssue({ code: 'custom', path: ['link'], message: 'fair.slot.link_required' });
      if (s.how === 'onsite' && !s.table)
        ctx.addIssue({ code: 'custom', path: ['table'], message: 'fair.slot.table_required' });
    },
    whenValid('how', 'link', 'table'),
  );
export const slotKeySchema = boothKeySchema.extend({ key: z.string().max(80) });
export const bookSchema = slotKeySchema.extend({ vacancyId: z.string() });
export const attendanceSchema = slotKeySchema.extend({ attendance: z.enum(['attended', 'no_show']) });
export const checkInSchema = z.object({
  fairId: z.string(),
  input: z.string().trim().min(1, 'fair.ticket.not_found').max(200),
});
