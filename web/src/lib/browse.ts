import { type Ctx, isDomainError, parseInput } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import * as Search from '@bursa/core/search';
import * as Vacancy from '@bursa/core/vacancy';

/**
 * /lowongan's query string. The names are Indonesian words a resident can
 * read in a shared link (?kecamatan=36.71.04&jenis=full_time&gaji=4000000);
 * core's search takes districtCode/villageCode/type/education/salaryFloor/sort/cursor.
 */
export const BROWSE_PARAMS = {
  q: 'q',
  kecamatan: 'districtCode',
  kelurahan: 'villageCode',
  jenis: 'type',
  pendidikan: 'education',
  gaji: 'salaryFloor',
  urut: 'sort',
} as const;
export const CURSOR_PARAM = 'lanjut';
/** Core's field paths, shown at this page's inputs. */
export const BROWSE_RENAME = {
  districtCode: 'kecamatan',
  villageCode: 'kelurahan',
  type: 'jenis',
  education: 'pendidikan',
  salaryFloor: 'gaji',
  sort: 'urut',
  cursor: CURSOR_PARAM,
};
/** The salary floors offered (whole rupiah); a shared link may carry any other. */
export const SALARY_FLOORS = [1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 8_000_000, 10_000_000];

export type BrowseFilters = Partial<Record<keyof typeof BROWSE_PARAMS, string>>;

export function readBrowseQuery(search: URLSearchParams) {
  const filters: BrowseFilters = {};
  const query: Record<string, string> = {};
  for (const [param, field] of Object.entries(BROWSE_PARAMS) as [keyof typeof BROWSE_PARAMS, string][]) {
    const value = search.get(param)?.trim();
    if (value) {
      filters[param] = value;
      query[field] = value;
    }
  }
  const cursor = search.get(CURSOR_PARAM)?.trim();
  if (cursor) query.cursor = cursor;
  return { filters, query, hasCursor: Boolean(cursor) };
}

/** The query string for these filters (and a page cursor): "?kecamatan=…&jenis=…&urut=…&lanjut=…", or "". */
export function browseSearch(filters: BrowseFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const param of Object.keys(BROWSE_PARAMS) as (keyof typeof BROWSE_PARAMS)[]) {
    const value = filters[param];
    if (value) params.set(param, value);
  }
  if (cursor) params.set(CURSOR_PARAM, cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What only search can do: the listing (`Vacancy.browse`) has partitions for kecamatan, type and education only. */
const SEARCH_ONLY = ['q', 'kelurahan', 'gaji', 'urut'] as const;
type SearchOnly = (typeof SEARCH_ONLY)[number];

export type BrowseResult = {
  items: Vacancy.VacancySummary[];
  cursor?: string | undefined;
  /** How many match (search only: the listing cannot count without reading it all). */
  count?: number;
  /** The page's parameters that could not be applied (the listing served it): the page says so. */
  unapplied: SearchOnly[];
};

/**
 * /lowongan's results. Search serves the page and its count (every filter, both
 * orders; with no words it lists newest first, as the listing does). When the
 * search function fails, the listing (`Vacancy.browse`, one Query) serves the
 * page instead, without a count, with the kecamatan of a chosen kelurahan, and
 * the page names the filters it could not apply. A listing cursor (from such a
 * page) goes on in the listing. Bad input is a validation error either way.
 */
export async function browseVacancies(ctx: Ctx, query: Record<string, string>): Promise<BrowseResult> {
  const listingCursor = query.cursor && !/^\d+$/.test(query.cursor) ? query.cursor : undefined;
  if (listingCursor) parseInput(Search.searchSchema, { ...query, cursor: undefined, tab: 'vacancies' });
  else {
    try {
      const r = await Search.search(ctx, { ...query, tab: 'vacancies' });
      return { items: r.vacancies, cursor: r.cursor, count: r.counts.vacancies, unapplied: [] };
    } catch (e) {
      // Bad input is the person's to fix; a database outage would fail the listing too (the 503 page).
      if (isDomainError(e) && (e.kind === 'validation' || e.code === 'service.unavailable')) throw e;
      console.error(
        JSON.stringify({ level: 'warn', msg: 'search failed: /lowongan from the listing', error: String(e) }),
      );
    }
  }
  const districtCode = query.districtCode ?? (query.villageCode ? Region.districtOfVillage(query.villageCode) : '');
  const page = await Vacancy.browse(ctx, {
    districtCode,
    type: query.type,
    education: query.education,
    ...(query.limit ? { limit: query.limit } : {}),
    ...(listingCursor ? { cursor: listingCursor } : {}),
  });
  // Newest first is the listing's own order: asking for it is no filter left out.
  const asked = (p: SearchOnly) =>
    Boolean(query[BROWSE_PARAMS[p]]) && !(p === 'urut' && query.sort === 'newest' && !query.q);
  return { items: page.items, cursor: page.cursor, unapplied: SEARCH_ONLY.filter(asked) };
}
