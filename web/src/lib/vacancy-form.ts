import { todayInJakarta } from '@bursa/core/kernel';
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
] as const;

/** What core's createVacancy/updateVacancy take, from the posted form (`publish` comes from the button pressed). */
export function vacancyInput(form: FormValues) {
  const input: Record<string, string> = {};
  for (const name of VACANCY_FIELDS) input[name] = form[name] ?? '';
  // The version the person edited (hidden field): a stale form is a 409, never a silent overwrite.
  return { ...input, publish: form.publish === 'true', ...(form.version ? { version: form.version } : {}) };
}

/** A new vacancy's starting values: the company's kecamatan, one opening, closing in 30 days. */
export function newVacancyValues(districtCode: string, now = Date.now()): FormValues {
  return { districtCode, openings: '1', closingDate: todayInJakarta(now + 30 * 86_400_000) };
}
