import { contactPhoneSchema, emailSchema } from '../account/index.ts';
import { LEVELS } from '../education/index.ts';
import { blankToUndefined, formRows, optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { CLOSE_OUTCOMES, QUESTION_KINDS, VACANCY_TYPES } from './vacancy.entity.ts';

const rupiah = z.preprocess(
  (v) =>
    typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, ''))) : v,
  z.optional(
    z
      .number('vacancy.salary.number')
      .check(
        z.multipleOf(1, 'vacancy.salary.whole'),
        z.minimum(0, 'vacancy.salary.negative'),
        z.maximum(1_000_000_000, 'vacancy.salary.too_large'),
      ),
  ),
);

const count = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z
    .number('vacancy.openings.number')
    .check(
      z.multipleOf(1, 'vacancy.openings.whole'),
      z.minimum(1, 'vacancy.openings.min'),
      z.maximum(10_000, 'vacancy.openings.max'),
    ),
);

/** A form's checkbox ("true"/"on"/"1") or JSON's boolean; absent means "in Bursa" (applications exist). */
const applyInBursa = z._default(
  z.preprocess(
    (v) => (v === undefined ? undefined : v === true || v === 'true' || v === 'on' || v === '1'),
    z.boolean(),
  ),
  true,
);

/**
 * What an employer writes about a vacancy, each field on its own, as publishing
 * needs it. Rupiah are whole numbers; "4.760.000" and "Rp4760000" are read too.
 * Fields are checked one by one (vacancy.fields.ts), so every wrong field and
 * every rule across fields (salary order, the kelurahan's kecamatan, the UMK)
 * is reported in the same answer.
 */
export const publishShape = {
  title: z
    .string('vacancy.title.min')
    .check(z.trim(), z.minLength(3, 'vacancy.title.min'), z.maxLength(120, 'vacancy.title.max')),
  description: z
    .string('vacancy.description.min')
    .check(z.trim(), z.minLength(20, 'vacancy.description.min'), z.maxLength(5000, 'vacancy.description.max')),
  type: z.enum(VACANCY_TYPES, 'vacancy.type.invalid'),
  minEducation: z.enum(LEVELS, 'vacancy.education.invalid'),
  skills: z._default(
    z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',') : v),
      z.pipe(
        z.pipe(
          z.array(z.string().check(z.trim(), z.maxLength(40, 'vacancy.skill.max'))),
          z.transform((items) => [...new Set(items.filter(Boolean))]),
        ),
        z.array(z.string()).check(z.maxLength(15, 'vacancy.skills.max')),
      ),
    ),
    [],
  ),
  districtCode: z.string('vacancy.district.required').check(z.trim(), z.minLength(1, 'vacancy.district.required')),
  villageCode: optionalField(z.string().check(z.trim())),
  salaryMin: rupiah,
  salaryMax: rupiah,
  openings: count,
  closingDate: z.iso.date('vacancy.closing_date.invalid'),
  // A form row with no question text is no question (its answer-kind select always has a value).
  questions: z.optional(
    z.preprocess(
      (v) =>
        Array.isArray(v) ? v.map((q) => (q && typeof q === 'object' && !String(q.text ?? '').trim() ? {} : q)) : v,
      formRows(
        z.object({
          text: z
            .string()
            .check(z.trim(), z.minLength(5, 'vacancy.question.min'), z.maxLength(150, 'vacancy.question.max')),
          kind: z.enum(QUESTION_KINDS, 'vacancy.question.kind'),
        }),
        5,
        'vacancy.questions.max',
      ),
    ),
  ),
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
  description: optionalField(
    z.string('vacancy.description.min').check(z.trim(), z.maxLength(5000, 'vacancy.description.max')),
  ),
  type: optionalField(publishShape.type),
  minEducation: optionalField(publishShape.minEducation),
  districtCode: optionalField(z.string().check(z.trim())),
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
const confirmList = z._default(
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : v,
    z.array(z.enum(CONFIRMATIONS, 'vacancy.confirm.unknown')).check(z.maxLength(CONFIRMATIONS.length)),
  ),
  [],
);

/** `publish` as JSON true or as a form's "true"/"on"/"1". */
const publishFlag = z._default(
  z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()),
  false,
);

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
  version: optionalField(z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(1))),
});

export const idSchema = z.object({ id: z.string() });

export const closeSchema = z.object({
  id: z.string(),
  reason: optionalField(z.string().check(z.trim(), z.maxLength(500, 'vacancy.reason.max'))),
  /** How it ended: the company must say (the officer closing another company's vacancy gives a reason instead). */
  outcome: optionalField(z.enum(CLOSE_OUTCOMES, 'vacancy.outcome.required')),
});

export const browseSchema = z.object({
  districtCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'vacancy.filter.district.invalid'))),
  type: optionalField(z.enum(VACANCY_TYPES, 'vacancy.filter.type.invalid')),
  education: optionalField(z.enum(LEVELS, 'vacancy.filter.education.invalid')),
  cursor: z.preprocess(blankToUndefined, z.optional(z.string().check(z.maxLength(300)))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
export type BrowseQuery = z.input<typeof browseSchema>;

export const byCompanySchema = z.object({ companyId: z.string() });
export const byCompanyPageSchema = z.object({
  companyId: z.string(),
  cursor: z.preprocess(blankToUndefined, z.optional(z.string().check(z.maxLength(600)))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
export const openByCompanySchema = z.object({
  companyId: z.string(),
  cursor: z.preprocess(blankToUndefined, z.optional(z.string().check(z.maxLength(300)))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
