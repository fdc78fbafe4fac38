import { DomainError } from '../kernel/errors.ts';

export type { SearchResults } from './search.engine.ts';

/**
 * Stands in for search.engine.ts in the web and API bundles (scripts/bundle-functions.ts
 * and web/astro.config.ts swap it in): those functions always ask the search function
 * (SEARCH_FUNCTION_NAME, set by infra and by `npm start`), so MiniSearch, the stemmer
 * and the index code stay in the search function alone (issue 15). Tests and scripts
 * that run core directly keep the in-process engine.
 */
export async function runSearch(): Promise<never> {
  console.error('search: SEARCH_FUNCTION_NAME is not set, and this function does not search in its own process');
  throw new DomainError('unavailable', 'search.unavailable');
}

/** Nothing is loaded here to unload. */
export function unloadAll() {}
