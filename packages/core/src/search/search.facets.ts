import { LEVELS, type Level, meetsEducation } from '../education/index.ts';
import { type Collection, PRICE_BANDS, type PriceBand } from './search.documents.ts';

/**
 * Search's filters and facets (search.index.ts `find`): the dimensions a
 * collection's documents count under, and whether a document matches the
 * filters asked for (all of them, or all but the facet being counted).
 */

const inBand = (price: number, band: string) => {
  const [min, max] = band.split('-').map((n) => (n ? Number(n) : undefined));
  return price >= (min ?? 0) && (max === undefined || price < max);
};

export type Filters = {
  districtCode?: string | undefined;
  villageCode?: string | undefined;
  type?: string | undefined;
  education?: Level | undefined;
  category?: string | undefined;
  price?: PriceBand | undefined;
  graduate?: boolean | undefined;
  /** Vacancies: the highest stated salary (`salaryMax`, else `salaryMin`) reaches it; none without a salary. */
  salaryFloor?: number | undefined;
};

/** Facet dimensions of each collection, with the value(s) a document counts under. */
export const DIMENSIONS: Record<Collection, Record<string, (d: Record<string, unknown>) => string[]>> = {
  vacancies: {
    districtCode: (d) => [String(d.districtCode)],
    type: (d) => [String(d.type)],
    // A vacancy counts under every education that meets its minimum (as the list filter works).
    education: (d) => LEVELS.filter((l) => meetsEducation(l, d.minEducation as Level)),
  },
  products: {
    category: (d) => [String(d.category)],
    districtCode: (d) => [String(d.districtCode)],
    price: (d) => PRICE_BANDS.filter((b) => inBand(Number(d.price), b)),
  },
  shops: {
    category: (d) => [String(d.category)],
    districtCode: (d) => [String(d.districtCode)],
    graduate: (d) => (d.graduate ? ['1'] : []),
  },
};

export function wanted(collection: Collection, f: Filters): Record<string, string> {
  const w: Record<string, string> = {};
  for (const dim of Object.keys(DIMENSIONS[collection])) {
    const v = f[dim as keyof Filters];
    if (v !== undefined && v !== false) w[dim] = v === true ? '1' : String(v);
  }
  // Filters that are not facets: they narrow every facet's counts too.
  if (collection === 'vacancies' && f.villageCode) w.villageCode = f.villageCode;
  if (collection === 'vacancies' && f.salaryFloor !== undefined) w.salaryFloor = String(f.salaryFloor);
  return w;
}

/** A vacancy's highest stated salary: what a salary floor is compared with (undefined: none stated). */
const topSalary = (d: Record<string, unknown>) =>
  typeof d.salaryMax === 'number' ? d.salaryMax : typeof d.salaryMin === 'number' ? d.salaryMin : undefined;

const matchesOne = (collection: Collection, d: Record<string, unknown>, dim: string, v: string) => {
  if (dim === 'villageCode') return d.villageCode === v;
  if (dim === 'salaryFloor') return (topSalary(d) ?? -1) >= Number(v);
  return DIMENSIONS[collection][dim]?.(d).includes(v) ?? false;
};

export const matches = (collection: Collection, d: Record<string, unknown>, w: Record<string, string>, skip?: string) =>
  Object.entries(w).every(([dim, v]) => dim === skip || matchesOne(collection, d, dim, v));
