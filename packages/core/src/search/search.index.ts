import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import type { Collection, Doc, DocOf } from './search.documents.ts';
import { DIMENSIONS, type Filters, matches, wanted } from './search.facets.ts';
import type { Sort } from './search.schema.ts';
import { alternatives, indexTerms, queryWords, tokenize } from './search.text.ts';

export type { Filters } from './search.facets.ts';

/**
 * One MiniSearch index per regency and collection (docs/search.md). Matching
 * fields and their weights, and the fields stored for cards and facets.
 */
const FIELDS: Record<Collection, { fields: string[]; boost: Record<string, number>; store: string[] }> = {
  vacancies: {
    fields: ['title', 'companyName', 'skills', 'text'],
    boost: { title: 3, companyName: 1.5, skills: 1.5, text: 0.4 },
    store: [
      'title',
      'companyName',
      'companyId',
      'companyVerified',
      'type',
      'minEducation',
      'districtCode',
      'villageCode',
      'salaryMin',
      'salaryMax',
      'openings',
      'closingDate',
      'publishedAt',
      'expiresAt',
      'at',
    ],
  },
  products: {
    fields: ['title', 'shopName', 'category', 'text'],
    boost: { title: 3, shopName: 1, category: 1, text: 0.4 },
    store: [
      'title',
      'shopName',
      'shopId',
      'productId',
      'slug',
      'price',
      'photo',
      'status',
      'madeToOrder',
      'handle',
      'category',
      'districtCode',
      'createdAt',
      'at',
    ],
  },
  shops: {
    fields: ['name', 'handle', 'category', 'text'],
    boost: { name: 3, handle: 2, category: 1, text: 0.6 },
    store: [
      'name',
      'handle',
      'shopId',
      'avatar',
      'bio',
      'category',
      'districtCode',
      'villageCode',
      'graduate',
      'createdAt',
      'at',
    ],
  },
};

/** Matching a query word as typed counts most, its root less, its synonyms and swapped letters least. */
const WEIGHT = { word: 1, root: 0.7, group: 0.5, swap: 0.45 };

/** Two neighbouring letters swapped (`gudnag` → `gudang`): one slip of the thumb, two edits for Levenshtein. */
function swaps(word: string): string[] {
  if (word.length < 4 || word.length > 12) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === word[i + 1]) continue;
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...out];
}

export function indexOptions(collection: Collection): Options<Doc> {
  const { fields, store } = FIELDS[collection];
  return {
    fields,
    storeFields: store,
    tokenize,
    processTerm: (term) => indexTerms(term),
    // Query terms are prepared by `queryTree`: taken as they are.
    searchOptions: { tokenize: (t) => [t], processTerm: (t) => t },
  };
}

export const createIndex = (collection: Collection) => new MiniSearch<Doc>(indexOptions(collection));
/** An index from its serialized form (the object `JSON.parse` gives of a serialized index). */
export const loadIndex = (collection: Collection, js: unknown) =>
  MiniSearch.loadJS<Doc>(js as Parameters<typeof MiniSearch.loadJS>[0], indexOptions(collection));

/** Adds a document or replaces the one with its id. */
export function put(index: MiniSearch<Doc>, doc: Doc) {
  if (index.has(doc.id)) index.replace(doc);
  else index.add(doc);
}
export function remove(index: MiniSearch<Doc>, id: string) {
  if (index.has(id)) index.discard(id);
}

/**
 * A query word's alternatives: as typed and, for the last word, as a prefix
 * (typing); its root and its synonym group exactly; and, with `typos`, within
 * one edit from 4 letters (two from 7) or with two neighbouring letters swapped.
 */
function wordQuery(word: string, last: boolean, typos: boolean): Query {
  const alt = alternatives(word);
  const queries: Query[] = [
    {
      queries: [word],
      fuzzy: typos ? (word.length >= 7 ? 2 : word.length >= 4 ? 1 : false) : false,
      prefix: last && word.length >= 2,
      boostTerm: () => WEIGHT.word,
    },
  ];
  if (alt.root) queries.push({ queries: [alt.root], boostTerm: () => WEIGHT.root });
  if (alt.group) queries.push({ queries: [alt.group], boostTerm: () => WEIGHT.group });
  const swapped = typos ? swaps(word) : [];
  if (swapped.length) queries.push({ combineWith: 'OR', queries: swapped, boostTerm: () => WEIGHT.swap });
  return { combineWith: 'OR', queries };
}

/**
 * How hard a query tries, in order, each only when the one before found
 * nothing in any collection: `exact` (every word, as typed, as a prefix for
 * the last, by root or synonym), `typos` (the same, forgiving typos), `any`
 * (one word is enough, typos forgiven). Typos are not forgiven while exact
 * words find something, so "supir" does not also bring "super", nor "madu" "maju".
 */
export type Mode = 'exact' | 'typos' | 'any';

export function queryTree(words: string[], mode: Mode): Query {
  return {
    combineWith: mode === 'any' ? 'OR' : 'AND',
    queries: words.map((w, i) => wordQuery(w, i === words.length - 1, mode !== 'exact')),
  };
}

/**
 * The order asked for, where it differs from the default (relevance with
 * words, newest first without): `newest` (published), `closing` (the soonest
 * closing day first, the newest first within a day). Vacancies only.
 */
function reorder(results: SearchResult[], collection: Collection, sort: Sort | undefined, words: number) {
  if (collection !== 'vacancies' || !sort) return;
  if (sort === 'newest' && words > 0) results.sort(newestFirst);
  if (sort === 'closing')
    results.sort((a, b) => String(a.closingDate).localeCompare(String(b.closingDate)) || newestFirst(a, b));
}

/** Newest first, as the lists order (`<publishedAt>#<id>`, ids time-sortable): ties go to the later id. */
const newestFirst = (a: SearchResult, b: SearchResult) =>
  String(b.at).localeCompare(String(a.at)) || String(b.id).localeCompare(String(a.id));

export type Hit<C extends Collection> = Omit<DocOf<C>, 'text' | 'skills'> & { score: number };
export type Found<C extends Collection> = {
  /** Every match after the filters, best first. */
  hits: Hit<C>[];
  /** Per dimension, how many matches each value would have (the other filters applied). */
  facets: Record<string, Record<string, number>>;
};

/**
 * Runs a query in a mode (the caller relaxes it only when nothing is found in
 * any collection), filters applied,
 * ordered by relevance then freshness (the newest of equally good matches
 * first); an empty query lists everything, newest first; vacancies may be
 * ordered otherwise (`sort`). Expired vacancies are
 * never returned. Facets only when asked (a tab's page, not the "all" preview).
 */
export function find<C extends Collection>(
  index: MiniSearch<Doc>,
  collection: C,
  q: string,
  filters: Filters,
  nowS: number,
  options: { mode?: Mode; facets?: boolean; sort?: Sort | undefined } = {},
): Found<C> {
  const words = queryWords(q, collection);
  const live = (r: SearchResult) => collection !== 'vacancies' || Number(r.expiresAt) > nowS;
  let results: SearchResult[];
  if (words.length === 0) {
    results = index.search(MiniSearch.wildcard, { filter: live });
    results.sort(newestFirst);
  } else {
    // The boost is asked per matching term and document: each date is parsed once per query.
    const ages = new Map<string, number>();
    const boostDocument = (_id: unknown, _term: string, stored?: Record<string, unknown>) => {
      const at = String(stored?.at ?? '');
      let boost = ages.get(at);
      if (boost === undefined) {
        boost = freshness(at, nowS);
        ages.set(at, boost);
      }
      return boost;
    };
    results = index.search(queryTree(words, options.mode ?? 'exact'), { filter: live, boostDocument });
  }
  reorder(results, collection, options.sort, words.length);
  const w = wanted(collection, filters);
  const facets: Found<C>['facets'] = {};
  if (options.facets !== false) {
    for (const [dim, valuesOf] of Object.entries(DIMENSIONS[collection])) {
      const counts: Record<string, number> = {};
      for (const r of results) {
        if (!matches(collection, r, w, dim)) continue;
        for (const v of valuesOf(r)) counts[v] = (counts[v] ?? 0) + 1;
      }
      facets[dim] = counts;
    }
  }
  const hits = (Object.keys(w).length ? results.filter((r) => matches(collection, r, w)) : results).map(
    ({ terms: _t, queryTerms: _q, match: _m, ...rest }) => rest as unknown as Hit<C>,
  );
  return { hits, facets };
}

/** How many words a query searches with in this collection (0: it lists everything). */
export const wordCount = (q: string, collection: Collection) => queryWords(q, collection).length;

/** Up to a quarter more for what is new today, fading over about a month: relevance first, then freshness. */
function freshness(iso: string, nowS: number) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 1;
  const days = Math.max(0, nowS - at / 1000) / 86_400;
  return 1 + 0.25 * 2 ** (-days / 30);
}
