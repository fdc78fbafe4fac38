import type { FormValues } from './forms.ts';
import { districtOfVillage } from './view.ts';

/** The company form's input names (core's companyInputSchema, with the kecamatan picked through the kelurahan). */
export const COMPANY_FIELDS = [
  'name',
  'sector',
  'address',
  'villageCode',
  'contactPhone',
  'contactEmail',
  'nib',
  'description',
] as const;

/** Core reports a wrong kecamatan on districtCode: this form shows it at the kelurahan select. */
export const COMPANY_RENAME = { districtCode: 'villageCode' };

/** What core's createCompany/updateCompany take, from the posted form. */
export function companyInput(form: FormValues) {
  const input: Record<string, string> = {};
  for (const name of COMPANY_FIELDS) input[name] = form[name] ?? '';
  // The version the person edited (hidden field): a stale form is a 409, never a silent overwrite.
  return {
    ...input,
    districtCode: districtOfVillage(form.villageCode),
    ...(form.version ? { version: form.version } : {}),
  };
}
