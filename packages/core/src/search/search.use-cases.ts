import { fn } from '../kernel/fn.ts';
import { runSearch, type SearchResults } from './search.engine.ts';
import { invokeSearch } from './search.remote.ts';
import { searchSchema } from './search.schema.ts';

/**
 * One search box for vacancies, products and shops (`/cari`, the header's box,
 * `?q=` on the list pages, `GET /api/search`). Anyone may search: only public
 * items are indexed (open vacancies, listed products, shops). The input is
 * parsed here, in the asking process, so a wrong field is a 400 before any
 * function is invoked; then the search function answers, or this process when
 * none is configured.
 */
export const search = fn(searchSchema, async (q, ctx): Promise<SearchResults> => {
  const { searchFunction } = ctx.config;
  return searchFunction ? invokeSearch(ctx.config, searchFunction, q) : runSearch(ctx, q);
});
