import { nowOf } from '@bursa/core/kernel';
import * as Search from '@bursa/core/search';
import { entityOf, type Projection } from './projection.ts';

/**
 * Vacancies, products and shops → the search indexes' change log
 * (docs/search.md, "Freshness"): each change that a search could see (an item
 * becoming searchable, changing, or leaving) is appended with the document as
 * it now is; search functions read it within a second, and the snapshot
 * compaction folds it in. Imports the log's light module, not the Search
 * barrel: MiniSearch stays in the search function alone. Idempotent: a replayed record appends an entry with
 * the same document again, which changes nothing.
 */
export const searchIndex: Projection = {
  name: 'search-index',
  entities: ['Vacancy', 'Product', 'Shop'],
  async apply(ctx, change) {
    const now = new Date(nowOf(ctx)).toISOString();
    const changes = await Search.changesFor(ctx.db, entityOf(change), change.oldImage, change.newImage);
    if (changes.length) await Search.appendChanges(ctx.db, changes, now);
  },
};
