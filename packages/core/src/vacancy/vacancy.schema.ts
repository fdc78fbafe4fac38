import * as z from 'zod';
import { contactPhoneSchema, emailSchema } from '../account/index.ts';
import { LEVELS } from '../education/index.ts';
import { blankToUndefined, formRows, optionalField } from '../kernel/validation.ts';
import { CLOSE_OUTCOMES, QUESTION_KINDS, VACANCY_TYPES } from './vacancy.entity.ts';

const rupiah = z.preprocess(
  (v) =>
    typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, ''))) : v,
  z
    .number('vacancy.salary.number')
    .int('vacancy.salary.whole')
    .min(0, 'vacancy.salary.negative')
    .max(1_000_000_000, 'vacancy.salary.too_large')
    .optional(),
);

const count = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z
    .number('vacancy.openings.number')
    .int('vacancy.openings.whole')
    .min(1, 'vacancy.openings.min')
    .max(10_000, 'vacancy.openings.max'),
);

/** A form's checkbox ("true"/"on"/"1") or JSON's boolean; absent means "in Bursa" (applications exist). */
const applyInBursa = z
  .preprocess((v) => (v === undefined ? undefined : v === true || v === 'true' || v === 'on' || v === '1'), z.boolean())
  .default(true);

/**
 * What an employer writes about a vacancy, each field on its own, as publishing
 * needs it. Rupiah are whole numbers; "4.760.000" and "Rp4760000" are read too.
 * Fields are checked one by one (vacancy.fields.ts), so every wrong field and
 * every rule across fields (salary order, the kelurahan's kecamatan, the UMK)
 * is reported in the same answer.
 */
export const publishShape = {
  title: z.string('vacancy.title.min').trim().min(3, 'vacancy.title.min').max(120, 'vacancy.title.max'),
  description: z
    .string('vacancy.description.min')
    .trim()
    .min(20, 'vacancy.description.min')
    .max(5000, 'vacancy.description.max'),
  type: z.enum(VACANCY_TYPES, 'vacancy.type.invalid'),
  minEducation: z.enum(LEVELS, 'vacancy.education.invalid'),
  skills: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',') : v),
      z
        .array(z.string().trim().max(40, 'vacancy.skill.max'))
        .transform((items) => [...new Set(items.filter(Boolean))])
        .pipe(z.array(z.string()).max(15, 'vacancy.skills.max')),
    )
    .default([]),
  districtCode: z.string('vacancy.district.required').trim().min(1, 'vacancy.district.required'),
  villageCode: optionalField(z.string().trim()),
  salaryMin: rupiah,
  salaryMax: rupiah,
  openings: count,
  closingDate: z.iso.date('vacancy.closing_date.invalid'),
  // A form row with no question text is no question (its answer-kind select always has a value).
  questions: z
    .preprocess(
      (v) =>
        Array.isArray(v) ? v.map((q) => (q && typeof q === 'object' && !String(q.text ?? '').trim() ? {} : q)) : v,
      formRows(
        z.object({
          text: z.string().trim().min(5, 'vacancy.question.min').max(150, 'vacancy.question.max'),
          kind: z.enum(QUESTION_KINDS, 'vacancy.question.kind'),
        }),
        5,
        'vacancy.questions.max',
      ),
    )
    .optional(),
  /** How to apply: in Bursa, and/or the contact below (at least one, checked when publishing). */
  applyInBursa,
  contactPhone: optionalField(contactPhoneSchema),
  contactEmail: optionalField(emailSchema),
};

/**
 * A draft needs only its title: every other field may be left out or blank,
 * and what is filled in must still be well formed. A description too short
 * to publish is not wrong yet, only unfinished.
 */
export const draftShape = {
  ...publishShape,
  description: optionalField(z.string('vacancy.description.min').trim().max(5000, 'vacancy.description.max')),
  type: optionalField(publishShape.type),
  minEducation: optionalField(publishShape.minEducation),
  districtCode: optionalField(z.string().trim()),
  openings: optionalField(count),
  closingDate: optionalField(publishShape.closingDate),
};

/** The fields as a published vacancy has them. */
export const vacancyFieldsSchema = z.object(publishShape);
export type VacancyFields = z.input<typeof vacancyFieldsSchema>;
export type PublishedFields = z.output<typeof vacancyFieldsSchema>;
const draftSchema = z.object(draftShape);
export type DraftFields = z.output<typeof draftSchema>;

/**
 * What a publisher confirms having read: a part-time wage below the UMK, a
 * closing date more than 6 months away, more than 1,000 openings.
 */
export const CONFIRMATIONS = ['below_umk', 'far_closing', 'many_openings'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** `confirm` as a JSON list (`['below_umk']`) or a comma-separated text. */
const confirmList = z
  .preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : v,
    z.array(z.enum(CONFIRMATIONS, 'vacancy.confirm.unknown')).max(CONFIRMATIONS.length),
  )
  .default([]);

/** `publish` as JSON true or as a form's "true"/"on"/"1". */
const publishFlag = z
  .preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean())
  .default(false);

/**
 * Create: the company, the fields, whether to publish now (else a draft), and
 * the warnings confirmed. Fields are checked by the use case (vacancy.fields.ts).
 */
export const createSchema = z.looseObject({ companyId: z.string(), publish: publishFlag, confirm: confirmList });

/** Edit (PATCH): the id, any fields, and `publish` to open a draft. */
export const updateSchema = z.looseObject({
  id: z.string(),
  publish: publishFlag,
  confirm: confirmList,
  /** The version the person edited (a form's hidden field, the API's If-Match): a stale one is a 409. */
  version: optionalField(z.coerce.number('request.field.invalid').int().min(1)),
});

export const idSchema = z.object({ id: z.string() });

export const closeSchema = z.object({
  id: z.string(),
  reason: optionalField(z.string().trim().max(500, 'vacancy.reason.max')),
  /** How it ended: the company must say (the officer closing another company's vacancy gives a reason instead). */
  outcome: optionalField(z.enum(CLOSE_OUTCOMES, 'vacancy.outcome.required')),
});

export const browseSchema = z.object({
  districtCode: optionalField(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'vacancy.filter.district.invalid')),
  type: optionalField(z.enum(VACANCY_TYPES, 'vacancy.filter.type.invalid')),
  education: optionalField(z.enum(LEVELS, 'vacancy.filter.education.invalid')),
  cursor: z.preprocess(blankToUndefined, z.string().max(300).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type BrowseQuery = z.input<typeof browseSchema>;

export const byCompanySchema = z.object({ companyId: z.string() });
export const byCompanyPageSchema = z.object({
  companyId: z.string(),
  cursor: z.preprocess(blankToUndefined, z.string().max(600).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const openByCompanySchema = z.object({
  companyId: z.string(),
  cursor: z.preprocess(blankToUndefined, z.string().max(300).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
