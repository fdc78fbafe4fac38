import type { Db } from '../db/client.ts';
import type { FieldIssue } from '../kernel/errors.ts';
import { ValidationError } from '../kernel/errors.ts';
import { getRegency, type Regency } from './region.ts';

/**
 * Reference data changes only when the seed runs, so each Lambda container
 * keeps what it read for 10 minutes: forms and filters cost no round trip.
 */
const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; regency: Promise<Regency> }>();

export function getRegencyCached(db: Db, code: string): Promise<Regency> {
  const key = `${db.tableName}|${code}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.regency;
  const regency = getRegency(db, code);
  cache.set(key, { at: Date.now(), regency });
  regency.catch(() => cache.delete(key));
  return regency;
}

/** Checks that a kecamatan belongs to the regency and the kelurahan (if given) to that kecamatan. */
export function locationIssues(
  regency: Regency,
  districtCode: string,
  villageCode: string | undefined,
  prefix = '',
): FieldIssue[] {
  const district = regency.districts.find((d) => d.code === districtCode);
  if (!district) return [{ path: `${prefix}districtCode`, message: `Pilih kecamatan di ${regency.name}.` }];
  if (villageCode && !district.villages.some((v) => v.code === villageCode)) {
    return [{ path: `${prefix}villageCode`, message: `Kelurahan tidak ada di Kecamatan ${district.name}.` }];
  }
  return [];
}

export function assertLocation(regency: Regency, districtCode: string, villageCode: string | undefined): void {
  const issues = locationIssues(regency, districtCode, villageCode);
  if (issues.length) throw new ValidationError(issues);
}

/** "Karawaci" for 36.71.04; the code itself if unknown. */
export function districtName(regency: Regency, code: string): string {
  return regency.districts.find((d) => d.code === code)?.name ?? code;
}

export function villageName(regency: Regency, code: string | undefined): string | undefined {
  if (!code) return undefined;
  for (const d of regency.districts) {
    const v = d.villages.find((x) => x.code === code);
    if (v) return v.name;
  }
  return code;
}
