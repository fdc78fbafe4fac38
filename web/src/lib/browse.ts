/**
 * /lowongan's query string. The names are Indonesian words a resident can
 * read in a shared link (?kecamatan=36.71.04&jenis=full_time); core's
 * browseVacancies takes districtCode/type/education/cursor. With words (`q`)
 * the same filters go to search instead (its cursor is its own).
 */
export const BROWSE_PARAMS = { q: 'q', kecamatan: 'districtCode', jenis: 'type', pendidikan: 'education' } as const;
export const CURSOR_PARAM = 'lanjut';
/** Core's field paths, shown at this page's inputs. */
export const BROWSE_RENAME = { districtCode: 'kecamatan', type: 'jenis', education: 'pendidikan' };

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

/** The query string for these filters (and a page cursor): "?kecamatan=…&jenis=…&lanjut=…", or "". */
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
