/** Search: one box for vacancies, products and shops, in Bahasa Indonesia (docs/search.md). */
export {
  COLLECTIONS,
  type Collection,
  type Doc,
  PRICE_BANDS,
  type PriceBand,
  productDoc,
  shopDoc,
  vacancyDoc,
} from './search.documents.ts';
export { runSearch, type SearchResults, unloadAll } from './search.engine.ts';
export { type Filters, find, type Hit, type Mode } from './search.index.ts';
export { appendChanges, type Change, changesFor, lastChange, readLog } from './search.log.ts';
export * as messages from './search.messages.ts';
export type { SearchEvent } from './search.remote.ts';
export {
  PREVIEW,
  SEARCH_PAGE,
  type SearchInput,
  type SearchQuery,
  SORTS,
  type Sort,
  searchSchema,
  TABS,
  type Tab,
} from './search.schema.ts';
export { buildFromTable, type CompactResult, compact, loadSnapshot } from './search.snapshot.ts';
export { alternatives, normalize, rootOf, words } from './search.text.ts';
export * from './search.use-cases.ts';
