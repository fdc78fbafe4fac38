import { todayInJakarta, unflatten } from '@bursa/core/kernel';
import type { FormValues } from './forms.ts';

/** The vacancy form's input names: core's vacancyInputSchema paths. */
export const VACANCY_FIELDS = [
  'title',
  'description',
  'type',
  'minEducation',
  'skills',
  'districtCode',
  'villageCode',
  'salaryMin',
  'salaryMax',
  'openings',
  'closingDate',
  ...Array.from({ length: 5 }, (_, i) => [`questions.${i}.text`, `questions.${i}.kind`]).flat(),
] as const;

/** Screening questions the form offers (blank rows are no question). */
export const QUESTION_ROWS = 5;

/** What core's createVacancy/updateVacancy take, from the posted form (`publish` comes from the button pressed). */
export function vacancyInput(form: FormValues) {
  const input: Record<string, string> = {};
  for (const name of VACANCY_FIELDS) input[name] = form[name] ?? '';
  // The version the person edited (hidden field): a stale form is a 409, never a silent overwrite.
  return {
    ...unflatten(input),
    publish: form.publish === 'true',
    ...(form.version ? { version: form.version } : {}),
  };
}

/** A new vacancy's starting values: the company's kecamatan, one opening, closing in 30 days. */
export function newVacancyValues(districtCode: string, now = Date.now()): FormValues {
  return { districtCode, openings: '1', closingDate: todayInJakarta(now + 30 * 86_400_000) };
}
