import { LEVELS } from '../education/index.ts';
import { formRows, optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { GENDERS, PROGRAMMES } from './profile.entity.ts';

const thisYear = () => new Date().getUTCFullYear();
const year = (code: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === '' ? undefined : v),
    z.number(code).check(z.multipleOf(1, code), z.minimum(1950, code), z.maximum(2100, code)),
  );

/** Comma-separated text (a form) or a list (JSON): trimmed, deduplicated, blanks dropped. */
const tags = (maxEach: number, maxCount: number, codeEach: string, codeCount: string) =>
  z._default(
    z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',') : v === undefined ? [] : v),
      z.pipe(
        z.pipe(
          z.array(z.string().check(z.trim(), z.maxLength(maxEach, codeEach))),
          z.transform((items) => [...new Set(items.filter(Boolean))]),
        ),
        z.array(z.string()).check(z.maxLength(maxCount, codeCount)),
      ),
    ),
    [],
  );

const experienceSchema = z
  .object({
    title: z
      .string('profile.experience.title')
      .check(z.trim(), z.minLength(2, 'profile.experience.title'), z.maxLength(80, 'profile.text.max')),
    employer: z
      .string('profile.experience.employer')
      .check(z.trim(), z.minLength(2, 'profile.experience.employer'), z.maxLength(80, 'profile.text.max')),
    startYear: year('profile.year.invalid'),
    endYear: optionalField(year('profile.year.invalid')),
    description: optionalField(z.string().check(z.trim(), z.maxLength(300, 'profile.text.max'))),
  })
  .check(
    z.refine((e) => e.endYear === undefined || e.endYear >= e.startYear, {
      message: 'profile.experience.years_order',
      path: ['endYear'],
      // Also when the row's title or employer is wrong: every mistake at once.
      ...whenValid('startYear', 'endYear'),
    }),
  );

const certificateSchema = z.object({
  programme: z.enum(PROGRAMMES, 'profile.certificate.programme'),
  institution: z
    .string('profile.certificate.institution')
    .check(z.trim(), z.minLength(2, 'profile.certificate.institution'), z.maxLength(80, 'profile.text.max')),
  track: z
    .string('profile.certificate.track')
    .check(z.trim(), z.minLength(2, 'profile.certificate.track'), z.maxLength(60, 'profile.text.max')),
  year: year('profile.year.invalid'),
});

/**
 * The AK1 (Kartu Kuning) registration number: digits, separators allowed and
 * dropped. A 16-digit number shaped like a NIK (province 11–94, then a birth
 * date) is refused: Bursa never stores NIK.
 */
export const ak1Schema = z.pipe(
  z.pipe(
    z.string().check(z.trim()),
    z.transform((v) => v.replace(/[\s.\-/]/g, '')),
  ),
  z.string().check(
    z.regex(/^\d{8,20}$/, 'profile.ak1.format'),
    z.refine((v) => !looksLikeNik(v), 'profile.ak1.nik'),
  ),
);

export function looksLikeNik(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  return (
    province >= 11 &&
    province <= 94 &&
    ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) &&
    month >= 1 &&
    month <= 12
  );
}

/** `openToWork` as JSON true/false or a form checkbox ("on" when ticked, absent when not). */
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** What a job seeker writes about themselves. Every wrong field is reported at once. */
export const profileFieldsSchema = z.object({
  birthYear: year('profile.birth_year.invalid').check(
    z.refine((y) => y <= thisYear() - 15 && y >= thisYear() - 80, 'profile.birth_year.range'),
  ),
  gender: optionalField(z.enum(GENDERS, 'profile.gender.invalid')),
  districtCode: z.string('profile.district.required').check(z.trim(), z.minLength(1, 'profile.district.required')),
  villageCode: z.string('profile.village.required').check(z.trim(), z.minLength(1, 'profile.village.required')),
  education: z.enum(LEVELS, 'profile.education.invalid'),
  major: optionalField(z.string().check(z.trim(), z.maxLength(80, 'profile.text.max'))),
  skills: tags(40, 20, 'profile.skill.max', 'profile.skills.max'),
  languages: tags(30, 8, 'profile.language.max', 'profile.languages.max'),
  experience: z._default(formRows(experienceSchema, 5, 'profile.experience.max'), []),
  certificates: z._default(formRows(certificateSchema, 5, 'profile.certificates.max'), []),
  ak1: optionalField(ak1Schema),
  openToWork: z._default(flag, false),
  /** The version the person edited (hidden field / If-Match); absent when creating. */
  version: optionalField(z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(1))),
});
export type ProfileFields = z.input<typeof profileFieldsSchema>;

/** The object key S3 sends back after an upload (`?key=` on the redirect). */
export const cvKeySchema = z.object({
  key: z
    .string('media.cv.missing')
    .check(z.trim(), z.minLength(1, 'media.cv.missing'), z.maxLength(300, 'media.cv.missing')),
});

/** A certificate's file, by the certificate's row on the profile. */
export const certificateFileSchema = z.extend(cvKeySchema, {
  index: z.coerce.number().check(z.multipleOf(1), z.minimum(0), z.maximum(4)),
});
