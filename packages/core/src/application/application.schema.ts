import { LEVELS } from '../education/index.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { REJECT_REASONS, STAGES } from './application.entity.ts';

const key = { vacancyId: z.string(), userId: z.string() };
const version = z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(1));

/** Applying: an optional cover note and the answers to the vacancy's questions, by index (`answers.0`, …). */
export const applySchema = z.object({
  vacancyId: z.string(),
  coverNote: optionalField(z.string().check(z.trim(), z.maxLength(500, 'application.cover_note.max'))),
  /** Applied from a booth at this fair: set by Fair.applyAtBooth, which checks the booth brings this vacancy. */
  fairId: optionalField(z.string().check(z.regex(/^[0-9a-z]{20}$/, 'fair.not_found'))),
  answers: z._default(
    z.preprocess(
      (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : (v ?? [])),
      z.array(z.string().check(z.trim(), z.maxLength(200, 'application.answer.max'))).check(z.maxLength(5)),
    ),
    [],
  ),
});
export type ApplyInput = z.input<typeof applySchema>;

export const applicationKeySchema = z.object(key);
export const withdrawSchema = z.object({ ...key, version: optionalField(version) });

/** An employer's move: one application to a stage, with the version they saw. */
export const moveSchema = z
  .object({
    ...key,
    to: z.enum([...STAGES.filter((s) => s !== 'withdrawn'), 'reopen'] as const, 'application.stage.invalid'),
    version: optionalField(version),
    reason: optionalField(z.enum(REJECT_REASONS, 'application.reason.required')),
  })
  .check(
    z.refine((m) => m.to !== 'rejected' || m.reason !== undefined, {
      message: 'application.reason.required',
      path: ['reason'],
    }),
  );

/** The same move for many applications of one vacancy at once (`userIds` with their versions: `<userId>:<version>`). */
export const moveManySchema = z.object({
  vacancyId: z.string(),
  to: moveSchema.shape.to,
  reason: moveSchema.shape.reason,
  items: z.pipe(
    z.preprocess(
      (v) => (typeof v === 'string' ? [v] : v),
      z
        .array(z.string().check(z.regex(/^[0-9a-z]{20}:\d+$/, 'request.field.invalid')))
        .check(z.minLength(1, 'application.bulk.empty')),
    ),
    z.array(z.string()).check(z.maxLength(100, 'application.bulk.max')),
  ),
});

export const noteSchema = z.object({
  ...key,
  note: z.string().check(z.trim(), z.maxLength(1000, 'application.note.max')),
});

const flag = z.optional(z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'on', z.boolean()));

/** The employer's applicant list: one stage or all, filters on what the application carries, oldest or newest first. */
export const applicantsSchema = z.object({
  vacancyId: z.string(),
  stage: optionalField(z.enum(STAGES, 'application.stage.invalid')),
  education: optionalField(z.enum(LEVELS, 'request.field.invalid')),
  districtCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'request.field.invalid'))),
  hasCv: flag,
  hasAk1: flag,
  order: z._default(optionalField(z.enum(['newest', 'oldest'])), 'newest'),
  cursor: optionalField(z.string().check(z.maxLength(600))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
export type ApplicantsQuery = z.input<typeof applicantsSchema>;

export const mineSchema = z._default(
  z.object({
    cursor: optionalField(z.string().check(z.maxLength(600))),
    limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
  }),
  { limit: 20 },
);
