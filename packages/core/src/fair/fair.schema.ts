import { optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { FAIR_MODES, FAIR_STATUSES, SLOT_HOW } from './fair.entity.ts';

const day = z
  .string('fair.date.invalid')
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'fair.date.invalid'));
const time = z.string('fair.time.invalid').check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'fair.time.invalid'));
const count = (code: string, max: number) =>
  z.coerce.number(code).check(z.multipleOf(1, code), z.minimum(1, code), z.maximum(max, code));

/** What an officer writes about a fair. Hybrid and on-site fairs need a venue and its kecamatan. */
export const fairFieldsSchema = z
  .object({
    name: z
      .string('fair.name.length')
      .check(z.trim(), z.minLength(5, 'fair.name.length'), z.maxLength(100, 'fair.name.length')),
    slug: optionalField(
      z
        .string()
        .check(
          z.trim(),
          z.toLowerCase(),
          z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'fair.slug.format'),
          z.minLength(3, 'fair.slug.format'),
          z.maxLength(60, 'fair.slug.format'),
        ),
    ),
    description: z._default(z.string().check(z.trim(), z.maxLength(2000, 'fair.description.max')), ''),
    startDate: day,
    endDate: day,
    opensAt: time,
    closesAt: time,
    mode: z.enum(FAIR_MODES, 'fair.mode.invalid'),
    venue: optionalField(z.string().check(z.trim(), z.maxLength(200, 'fair.venue.max'))),
    districtCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'fair.district.required'))),
    registrationQuota: count('fair.quota.registrations', 100_000),
    boothQuota: count('fair.quota.booths', 1_000),
  })
  // Each cross-field check runs when the fields it reads are right, whatever else is wrong: one answer lists all.
  .check(
    z.superRefine(
      (f, ctx) => {
        if (f.endDate < f.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'fair.date.order' });
      },
      whenValid('startDate', 'endDate'),
    ),
    z.superRefine(
      (f, ctx) => {
        if (f.closesAt <= f.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'fair.time.order' });
      },
      whenValid('opensAt', 'closesAt'),
    ),
    z.superRefine(
      (f, ctx) => {
        if (f.mode === 'virtual') return;
        if (!f.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'fair.venue.required' });
        if (!f.districtCode)
          ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'fair.district.required' });
      },
      whenValid('mode', 'venue', 'districtCode'),
    ),
  );
export type FairFields = z.input<typeof fairFieldsSchema>;

export const fairIdSchema = z.object({ fairId: z.string() });
export const fairSlugSchema = z.object({ slug: z.string().check(z.maxLength(80)) });
export const updateFairSchema = z.looseObject({
  fairId: z.string(),
  version: optionalField(z.coerce.number().check(z.multipleOf(1))),
});
export const fairStatusSchema = z.object({ fairId: z.string(), status: z.enum(FAIR_STATUSES, 'fair.status.invalid') });
export const listSchema = z.object({
  cursor: optionalField(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});

export const boothKeySchema = z.object({ fairId: z.string(), companyId: z.string() });
export const boothDecisionSchema = z.extend(boothKeySchema, {
  decision: z.enum(['approve', 'decline']),
  reason: optionalField(z.string().check(z.trim(), z.maxLength(300, 'fair.reason.max'))),
});
const https = z.string().check(
  z.trim(),
  z.maxLength(300, 'fair.link.invalid'),
  z.refine((v) => /^https:\/\/[^\s]+$/.test(v), 'fair.link.invalid'),
);
export const boothContentSchema = z.extend(boothKeySchema, {
  intro: z._default(z.string().check(z.trim(), z.maxLength(1000, 'fair.intro.max')), ''),
  videoUrl: optionalField(https),
  vacancyIds: z._default(
    z.array(z.string().check(z.regex(/^[0-9a-z]{20}$/))).check(z.maxLength(10, 'fair.vacancies.max')),
    [],
  ),
  recruiters: z._default(
    z.array(z.string().check(z.trim(), z.minLength(2), z.maxLength(60))).check(z.maxLength(5, 'fair.recruiters.max')),
    [],
  ),
  sessions: z._default(
    z
      .array(
        z.object({
          title: z
            .string()
            .check(z.trim(), z.minLength(3, 'fair.session.invalid'), z.maxLength(100, 'fair.session.invalid')),
          at: z.iso.datetime('fair.session.invalid'),
          where: z
            .string()
            .check(z.trim(), z.minLength(2, 'fair.session.invalid'), z.maxLength(300, 'fair.session.invalid')),
        }),
      )
      .check(z.maxLength(5, 'fair.sessions.max')),
    [],
  ),
});

export const slotsSchema = z
  .extend(boothKeySchema, {
    /** WIB day and first start; `count` slots of `minutes` back to back. */
    date: day,
    start: time,
    minutes: z.coerce
      .number('fair.slot.minutes')
      .check(
        z.multipleOf(1, 'fair.slot.minutes'),
        z.minimum(10, 'fair.slot.minutes'),
        z.maximum(30, 'fair.slot.minutes'),
      ),
    count: z.coerce
      .number('fair.slot.count')
      .check(z.multipleOf(1, 'fair.slot.count'), z.minimum(1, 'fair.slot.count'), z.maximum(24, 'fair.slot.count')),
    how: z.enum(SLOT_HOW, 'fair.slot.how'),
    link: optionalField(https),
    table: optionalField(z.string().check(z.trim(), z.maxLength(40, 'fair.slot.table'))),
  })
  .check(
    z.superRefine(
      (s, ctx) => {
        if (s.how === 'video' && !s.link)
          ctx.addIssue({ code: 'custom', path: ['link'], message: 'fair.slot.link_required' });
        if (s.how === 'onsite' && !s.table)
          ctx.addIssue({ code: 'custom', path: ['table'], message: 'fair.slot.table_required' });
      },
      whenValid('how', 'link', 'table'),
    ),
  );
export const slotKeySchema = z.extend(boothKeySchema, { key: z.string().check(z.maxLength(80)) });
export const bookSchema = z.extend(slotKeySchema, { vacancyId: z.string() });
export const attendanceSchema = z.extend(slotKeySchema, { attendance: z.enum(['attended', 'no_show']) });
export const checkInSchema = z.object({
  fairId: z.string(),
  input: z.string().check(z.trim(), z.minLength(1, 'fair.ticket.not_found'), z.maxLength(200)),
});
