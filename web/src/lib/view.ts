import * as Company from '@bursa/core/company';
import * as Education from '@bursa/core/education';
import { formatRupiah, isDomainError } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import * as Vacancy from '@bursa/core/vacancy';
import type { Translator } from '../i18n/messages.ts';
import { getServices } from './services.ts';

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

/** The home regency's tree, cached per container for 10 minutes (core getRegencyCached). */
export function homeRegency(): Promise<Region.Regency> {
  const { config, db } = getServices();
  return Region.getCached(db, config.homeRegency);
}

/** "Tangerang" for "Kota Tangerang". */
export const shortRegionName = (regency: Region.Regency) => regency.name.replace(/^(Kota|Kabupaten) /, '');

export const districtOptions = (regency: Region.Regency): Option[] =>
  regency.districts.map((d) => ({ value: d.code, label: d.name }));

/** Every kelurahan, grouped by kecamatan (for <optgroup>). */
export const villageGroups = (regency: Region.Regency): OptionGroup[] =>
  regency.districts.map((d) => ({ label: d.name, options: d.villages.map((v) => ({ value: v.code, label: v.name })) }));

/** A kelurahan code's kecamatan ("36.71.01.1001" → "36.71.01"). */
export const districtOfVillage = Region.districtOfVillage;

export const typeOptions = (t: Translator): Option[] =>
  Vacancy.VACANCY_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }));
export const educationOptions = (t: Translator): Option[] =>
  Education.LEVELS.map((level) => ({ value: level, label: t(`education.${level}`) }));
export const sectorOptions = (t: Translator): Option[] =>
  Company.SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }));

/** "Rp4.900.000 – Rp5.300.000", "Mulai Rp1.500.000", or "Gaji dirahasiakan". */
export function salaryText(v: Pick<Vacancy.Info, 'salaryMin' | 'salaryMax'>, t: Translator): string {
  const { salaryMin: min, salaryMax: max } = v;
  if (min !== undefined && max !== undefined) {
    return min === max ? formatRupiah(min) : t('salary.range', { min: formatRupiah(min), max: formatRupiah(max) });
  }
  if (min !== undefined) return t('salary.from', { min: formatRupiah(min) });
  if (max !== undefined) return t('salary.upTo', { max: formatRupiah(max) });
  return t('salary.hidden');
}

/** "Sukarasa, Kec. Tangerang", or just the kecamatan. */
export function placeText(
  regency: Region.Regency,
  districtCode: string,
  villageCode: string | undefined,
  t: Translator,
) {
  const district = Region.districtName(regency, districtCode);
  const village = Region.villageName(regency, villageCode);
  return village ? t('place.full', { village, district }) : t('place.district', { name: district });
}

/** A form's values from a company, to edit it. */
export function companyValues(company: Company.Info): Record<string, string> {
  // Members edit on top of their changes still waiting for an officer.
  const c = { ...company, ...company.pending };
  return {
    version: String(company.version ?? 0),
    name: c.name,
    sector: c.sector,
    address: c.address,
    villageCode: c.villageCode,
    contactPhone: c.contactPhone ? localPhone(c.contactPhone) : '',
    contactEmail: c.contactEmail ?? '',
    nib: c.nib ?? '',
    description: c.description ?? '',
  };
}

/** "+62215901234" → "0215901234": how people write their numbers. */
export const localPhone = (e164: string) => e164.replace(/^\+62/, '0');

/**
 * Cache-Control for pages anyone may see. Anonymous copies are kept at the
 * edge (CloudFront keys on cookies) and revalidated by browsers each time, so
 * signing in never shows a stale header; a signed-in person's page is private.
 */
export function publicCache(headers: Headers, locals: App.Locals, edgeSeconds: number) {
  headers.set('Cache-Control', locals.session ? 'private, no-store' : `public, max-age=0, s-maxage=${edgeSeconds}`);
}

export function privateCache(headers: Headers) {
  headers.set('Cache-Control', 'private, no-store');
}

/**
 * The awaited value, or undefined when core says it does not exist, so a page
 * can answer with its 404 (`if (!x) return Astro.rewrite('/404')`).
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (e) {
    if (isDomainError(e) && e.kind === 'not_found') return undefined;
    throw e;
  }
}
