import type * as Company from '@bursa/core/company';
import { todayInJakarta, unflatten } from '@bursa/core/kernel';
import * as Vacancy from '@bursa/core/vacancy';
import type { FormValues } from './forms.ts';
import { localPhone } from './view.ts';

/** The vacancy form's input names: core's vacancy field paths. */
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
  'applyInBursa',
  'contactPhone',
  'contactEmail',
] as const;

/** Screening questions the form offers (blank rows are no question). */
export const QUESTION_ROWS = 5;

/** The checkbox that confirms a warning (`confirm.below_umk`, …). */
export const confirmName = (code: Vacancy.Confirmation) => `confirm.${code}`;

/**
 * What core's create/update take, from the posted form (`publish` comes from
 * the button pressed). The form always has the "in Bursa" checkbox, so its
 * absence means unticked; each ticked confirmation joins `confirm`.
 */
export function vacancyInput(form: FormValues) {
  const input: Record<string, string> = {};
  for (const name of VACANCY_FIELDS) if (name !== 'applyInBursa') input[name] = form[name] ?? '';
  return {
    ...unflatten(input),
    applyInBursa: form.applyInBursa === 'true',
    confirm: Vacancy.CONFIRMATIONS.filter((code) => form[confirmName(code)] === 'true'),
    publish: form.publish === 'true',
    // The version the person edited (hidden field): a stale form is a 409, never a silent overwrite.
    ...(form.version ? { version: form.version } : {}),
  };
}

/**
 * Runs a create or update and, when it is refused with warnings to confirm,
 * keeps them in `seen` for the form to show (with a checkbox each) before
 * the error goes on to `submit`, which shows the field errors.
 */
export async function keepingWarnings<T>(pending: Promise<T>, seen: { warnings: Vacancy.Warning[] }): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    seen.warnings = Vacancy.warningsOf(e);
    throw e;
  }
}

/**
 * A new vacancy's starting values: the company's kecamatan and contacts,
 * applications through Bursa, one opening, closing in 30 days.
 */
export function newVacancyValues(
  company: Pick<Company.Info, 'districtCode' | 'contactPhone' | 'contactEmail'>,
  now = Date.now(),
): FormValues {
  return {
    districtCode: company.districtCode,
    openings: '1',
    closingDate: todayInJakarta(now + 30 * 86_400_000),
    applyInBursa: 'true',
    contactPhone: company.contactPhone ? localPhone(company.contactPhone) : '',
    contactEmail: company.contactEmail ?? '',
  };
}

/** A form's values from a vacancy (finished or not), to edit it. */
export function vacancyValues(v: Vacancy.Stored): FormValues {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    version: String(v.version),
    title: v.title,
    description: v.description ?? '',
    type: v.type ?? '',
    minEducation: v.minEducation ?? '',
    skills: v.skills.join(', '),
    districtCode: v.districtCode ?? '',
    villageCode: v.villageCode ?? '',
    salaryMin: text(v.salaryMin),
    salaryMax: text(v.salaryMax),
    openings: text(v.openings),
    closingDate: v.closingDate ?? '',
    ...Object.fromEntries(
      (v.questions ?? []).flatMap((q, i) => [
        [`questions.${i}.text`, q.text],
        [`questions.${i}.kind`, q.kind],
      ]),
    ),
    // Vacancies from before the choice took applications in Bursa.
    applyInBursa: v.applyInBursa === false ? '' : 'true',
    contactPhone: v.contactPhone ? localPhone(v.contactPhone) : '',
    contactEmail: v.contactEmail ?? '',
  };
}
