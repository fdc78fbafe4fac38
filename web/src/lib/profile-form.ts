import * as Profile from '@bursa/core/profile';
import type { Translator } from '../i18n/messages.ts';
import type { Option } from './view.ts';

/** Rows the profile form offers for experience and certificates (blank rows are ignored). */
export const EXPERIENCE_ROWS = 3;
export const CERTIFICATE_ROWS = 2;

const experienceFields = ['title', 'employer', 'startYear', 'endYear'] as const;
const certificateFields = ['programme', 'institution', 'track', 'year'] as const;

/** Every input name of the profile form (issue paths match them: `experience.0.title`). */
export const PROFILE_FIELDS = [
  'birthYear',
  'gender',
  'districtCode',
  'villageCode',
  'education',
  'major',
  'skills',
  'languages',
  'ak1',
  'openToWork',
  ...Array.from({ length: EXPERIENCE_ROWS }, (_, i) => experienceFields.map((f) => `experience.${i}.${f}`)).flat(),
  ...Array.from({ length: CERTIFICATE_ROWS }, (_, i) => certificateFields.map((f) => `certificates.${i}.${f}`)).flat(),
];

/** A stored profile as the form's flat values. */
export function profileValues(p: Profile.Info | undefined): Record<string, string> {
  if (!p) return { openToWork: 'on' };
  const values: Record<string, string> = {
    version: String(p.version),
    birthYear: String(p.birthYear),
    gender: p.gender ?? '',
    districtCode: p.districtCode,
    villageCode: p.villageCode,
    education: p.education,
    major: p.major ?? '',
    skills: p.skills.join(', '),
    languages: p.languages.join(', '),
    ak1: p.ak1 ?? '',
    ...(p.openToWork ? { openToWork: 'on' } : {}),
  };
  p.experience.forEach((e, i) => {
    values[`experience.${i}.title`] = e.title;
    values[`experience.${i}.employer`] = e.employer;
    values[`experience.${i}.startYear`] = String(e.startYear);
    values[`experience.${i}.endYear`] = e.endYear ? String(e.endYear) : '';
  });
  p.certificates.forEach((c, i) => {
    values[`certificates.${i}.programme`] = c.programme;
    values[`certificates.${i}.institution`] = c.institution;
    values[`certificates.${i}.track`] = c.track;
    values[`certificates.${i}.year`] = String(c.year);
  });
  return values;
}

export const genderOptions = (t: Translator): Option[] =>
  Profile.GENDERS.map((g) => ({ value: g, label: t(`profile.gender.${g}`) }));
export const programmeOptions = (t: Translator): Option[] =>
  Profile.PROGRAMMES.map((p) => ({ value: p, label: t(`profile.programme.${p}`) }));

/** Skills people here often have: suggestions for the skills box (free entry stays allowed). */
export const SKILL_SUGGESTIONS = [
  'Menjahit',
  'Obras',
  'Tata Boga',
  'Tata Rias',
  'Mengemudi (SIM A)',
  'Mengemudi (SIM B1)',
  'Kasir',
  'Microsoft Excel',
  'Administrasi',
  'Gudang',
  'Las',
  'Listrik',
  'Barista',
  'Perawatan AC',
  'Desain grafis',
  'Pemasaran online',
  'Customer service',
  'Bahasa Inggris',
];
