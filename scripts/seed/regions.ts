import type { Db } from '@bursa/core/db';
import * as Region from '@bursa/core/region';
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';

/**
 * The regencies the programmes in shared/seeds/ come from, with official
 * Kemendagri codes from idn-area-data: Kota Tangerang (the home region:
 * 13 kecamatan, 104 kelurahan), Kota Serang, Kota Pangkal Pinang, Kabupaten Klungkung.
 */
export const seedRegencyCodes = ['36.71', '36.73', '19.71', '51.05'] as const;

/** Builds one regency's tree from the official data. */
export async function readRegency(code: string): Promise<Region.Regency> {
  const [regencies, districts, villages] = await Promise.all([getRegencies(), getDistricts(), getVillages()]);
  const regency = regencies.find((r) => r.code === code);
  if (!regency) throw new Error(`Regency ${code} is not in idn-area-data`);
  const tree: Region.District[] = districts
    .filter((d) => d.regency_code === code)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      villages: villages
        .filter((v) => v.district_code === d.code)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((v) => ({ code: v.code, name: v.name })),
    }));
  return { code, name: titleCase(regency.name), districts: tree };
}

// idn-area-data spells regencies in capitals ("KOTA TANGERANG") in some versions; show them as people write them.
function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/\b\p{L}/gu, (ch) => ch.toUpperCase()) : name;
}

/** Loads every seed regency; idempotent (puts overwrite). Returns the number of items written. */
export async function seedRegions(db: Db): Promise<number> {
  let written = 0;
  for (const code of seedRegencyCodes) written += await Region.save(db, await readRegency(code));
  return written;
}
