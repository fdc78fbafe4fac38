/**
 * Minimum wages (UMK, upah minimum kabupaten/kota) per regency and year:
 * reference data that changes once a year, when the province's governor
 * signs the decree (late December, in force from 1 January). Kept in code,
 * not in the table: a handful of rows, read on every vacancy write, reviewed
 * like any other change, each with the decree it comes from and where it
 * was read. Add the new year's row when the decree is out; until then the
 * latest confirmed year applies, and messages name that year.
 *
 * Amounts are whole rupiah: the decree's figure without its sen
 * (Rp5.399.405,69 is stored as 5_399_405), as the city and the press quote it.
 */
export type MinimumWage = {
  /** Official regency/city code (`36.71`). */
  regencyCode: string;
  regencyName: string;
  year: number;
  /** Per month, whole rupiah. */
  monthly: number;
  /** The decree that sets it. */
  decree: string;
  /** Where the figure and the decree were read. */
  source: string;
};

export const MINIMUM_WAGES: readonly MinimumWage[] = [
  {
    regencyCode: '36.71',
    regencyName: 'Kota Tangerang',
    year: 2025,
    monthly: 5_069_708,
    decree:
      'Keputusan Gubernur Banten Nomor 471 Tahun 2024 tentang Penetapan Upah Minimum Kabupaten/Kota di Provinsi Banten Tahun 2025 (Rp5.069.708,36)',
    source:
      'https://finance.detik.com/berita-ekonomi-bisnis/d-7739632/umk-tangerang-2025-dan-jabodetabek-termasuk-yang-paling-tinggi-di-ri',
  },
  {
    regencyCode: '36.71',
    regencyName: 'Kota Tangerang',
    year: 2026,
    monthly: 5_399_405,
    decree:
      'Keputusan Gubernur Banten Nomor 703 Tahun 2025 tentang Penetapan Upah Minimum Kabupaten/Kota di Provinsi Banten Tahun 2026 (Rp5.399.405,69)',
    source:
      'https://tangerang.tribunnews.com/kota-tangerang/54581/umk-kota-tangerang-2026-naik-65-persen-menjadi-rp5399405',
  },
];

/**
 * The minimum wage in force in a regency on a day (YYYY-MM-DD): that year's,
 * or, before the new decree is recorded, the latest earlier year's.
 * Undefined for a regency with no figures (no check there).
 */
export function minimumWage(regencyCode: string, day: string): MinimumWage | undefined {
  const year = Number(day.slice(0, 4));
  let found: MinimumWage | undefined;
  for (const w of MINIMUM_WAGES) {
    if (w.regencyCode === regencyCode && w.year <= year && (!found || w.year > found.year)) found = w;
  }
  return found;
}
