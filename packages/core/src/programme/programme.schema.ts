import { normalizePhone } from '../account/account.identifiers.ts';
import { optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { PROGRAMME_KINDS } from './programme.entity.ts';

const ID = z.string().check(z.maxLength(40));
const DATE = z
  .string('programme.cohort.date.invalid')
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'programme.cohort.date.invalid'));

export const programmeSchema = z.object({
  kind: z.enum(PROGRAMME_KINDS, 'programme.kind.invalid'),
  name: z
    .string('programme.name.length')
    .check(z.trim(), z.minLength(3, 'programme.name.length'), z.maxLength(120, 'programme.name.length')),
  description: optionalField(z.string().check(z.trim(), z.maxLength(2000, 'programme.description.max'))),
});

const cohortFields = {
  track: optionalField(z.string().check(z.trim(), z.maxLength(80, 'programme.cohort.track.max'))),
  startDate: DATE,
  endDate: DATE,
  villageCode: optionalField(
    z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'programme.cohort.village.invalid')),
  ),
  institution: optionalField(z.string().check(z.trim(), z.maxLength(120, 'programme.cohort.institution.max'))),
  instructor: optionalField(z.string().check(z.trim(), z.maxLength(120, 'programme.cohort.instructor.max'))),
  capacity: z.coerce
    .number('programme.cohort.capacity')
    .check(
      z.multipleOf(1, 'programme.cohort.capacity'),
      z.minimum(1, 'programme.cohort.capacity'),
      z.maximum(1000, 'programme.cohort.capacity'),
    ),
};
type CohortPlace = {
  startDate: string;
  endDate: string;
  villageCode?: string | undefined;
  institution?: string | undefined;
};
// Each cross-field check runs when the fields it reads are right, whatever else is wrong: one answer lists all.
function checkDates(c: CohortPlace, ctx: z.core.$RefinementCtx) {
  if (c.endDate < c.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'programme.cohort.date.order' });
}
function checkPlace(c: CohortPlace, ctx: z.core.$RefinementCtx) {
  if (!c.villageCode && !c.institution)
    ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'programme.cohort.place.required' });
}
const datesValid = whenValid('startDate', 'endDate');
const placeValid = whenValid('villageCode', 'institution');

export const cohortSchema = z
  .object({
    programmeId: ID,
    name: z
      .string('programme.cohort.name.length')
      .check(
        z.trim(),
        z.minLength(3, 'programme.cohort.name.length'),
        z.maxLength(120, 'programme.cohort.name.length'),
      ),
    ...cohortFields,
  })
  .check(z.superRefine(checkDates, datesValid), z.superRefine(checkPlace, placeValid));

/** What an officer may change on a cohort (not its name: participants and badges carry it). */
export const cohortUpdateSchema = z
  .object({ cohortId: ID, version: z.coerce.number().check(z.multipleOf(1), z.minimum(1)), ...cohortFields })
  .check(z.superRefine(checkDates, datesValid), z.superRefine(checkPlace, placeValid));

export const participantName = z
  .string('programme.participant.name.length')
  .check(
    z.trim(),
    z.minLength(2, 'programme.participant.name.length'),
    z.maxLength(100, 'programme.participant.name.length'),
  );

export const addSchema = z.object({
  cohortId: ID,
  name: participantName,
  // An Indonesian mobile number, as +62…: checked with the name, in one answer.
  phone: z.pipe(
    z.string('programme.participant.phone.invalid').check(z.maxLength(40, 'programme.participant.phone.invalid')),
    z.transform((v, ctx) => {
      const phone = normalizePhone(v);
      if (!phone) ctx.issues.push({ code: 'custom', message: 'programme.participant.phone.invalid', input: v });
      return phone ?? z.NEVER;
    }),
  ),
});
export const importSchema = z.object({
  cohortId: ID,
  csv: z.string().check(z.maxLength(200_000, 'programme.csv.too_many')),
});
export const participantRef = z.object({ cohortId: ID, phone: z.string().check(z.maxLength(20)) });
export const pageSchema = z.object({ cursor: optionalField(z.string().check(z.maxLength(600))) });
export const cohortPageSchema = z.object({
  cohortId: ID,
  cursor: optionalField(z.string().check(z.maxLength(600))),
  /** The follow-up window in months. */
  window: optionalField(z.pipe(z.coerce.number(), z.union([z.literal(3), z.literal(6), z.literal(12), z.literal(24)]))),
});
