import type * as Search from '@bursa/core/search';

/**
 * /cari's query string, in words a resident can read in a shared link
 * (`/cari?q=penjahit&tampil=lowongan&kecamatan=36.71.02`), and core's names.
 */
export const TAB_PARAM: Record<string, Search.Tab> = { lowongan: 'vacancies', produk: 'products', toko: 'shops' };
export const TAB_WORD: Record<Search.Tab, string | undefined> = {
  all: undefined,
  vacancies: 'lowongan',
  products: 'produk',
  shops: 'toko',
};
export const SEARCH_PARAMS = {
  kecamatan: 'districtCode',
  jenis: 'type',
  pendidikan: 'education',
  kategori: 'category',
  harga: 'price',
  lulusan: 'graduate',
} as const;
/** Core's field paths, shown at this page's inputs. */
export const SEARCH_RENAME: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SEARCH_PARAMS).map(([param, field]) => [field, param])),
  tab: 'tampil',
  cursor: 'lanjut',
};
export type SearchParams = {
  q: string;
  tab: Search.Tab;
  filters: Partial<Record<keyof typeof SEARCH_PARAMS, string>>;
  cursor?: string;
};

export function readSearchQuery(params: URLSearchParams): SearchParams & { input: Record<string, string> } {
  const q = (params.get('q') ?? '').trim();
  const word = params.get('tampil') ?? '';
  const tab = TAB_PARAM[word] ?? (word ? (word as Search.Tab) : 'all');
  const filters: SearchParams['filters'] = {};
  const input: Record<string, string> = { q, tab };
  for (const [param, field] of Object.entries(SEARCH_PARAMS) as [keyof typeof SEARCH_PARAMS, string][]) {
    const value = params.get(param)?.trim();
    if (value) {
      filters[param] = value;
      input[field] = value;
    }
  }
  const cursor = params.get('lanjut')?.trim();
  if (cursor) input.cursor = cursor;
  return { q, tab, filters, ...(cursor ? { cursor } : {}), input };
}

/** The query string of a search view: "?q=…&tampil=…&kecamatan=…&lanjut=…". */
export function searchHref(base: string, s: SearchParams, change: Partial<SearchParams> = {}): string {
  const next = { ...s, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  const word = TAB_WORD[next.tab];
  if (word) params.set('tampil', word);
  for (const [param, value] of Object.entries(next.filters)) if (value) params.set(param, value);
  if (next.cursor) params.set('lanjut', next.cursor);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
