import { type Db, runAsEntry } from '@bursa/core/db';
import type { Config, Ctx } from '@bursa/core/kernel';
import { parseInput } from '@bursa/core/kernel';
import * as Search from '@bursa/core/search';

/**
 * The search function: answers searches from the web and the API (Lambda
 * Invoke, `{ action: 'search', query }`), and on EventBridge's schedule folds
 * the change log into new snapshots (`{ action: 'compact' }`; `rebuild: true`
 * builds them from the table instead). Indexes stay loaded between invocations.
 */
export function createSearchHandler(config: Config, db: Db) {
  const ctx: Ctx = { config, db, actor: undefined };
  return (event: Search.SearchEvent) =>
    runAsEntry('search', async () => {
      if (event?.action === 'search') return Search.runSearch(ctx, parseInput(Search.searchSchema, event.query));
      if (event?.action === 'compact') {
        const results: Search.CompactResult[] = [];
        // One at a time: a rebuild holds an index and its serialized copy in memory.
        for (const c of Search.COLLECTIONS)
          results.push(await Search.compact(ctx, config.homeRegency, c, { rebuild: event.rebuild === true }));
        console.log(JSON.stringify({ job: 'search-compact', results }));
        return results;
      }
      throw new Error(`unknown search event: ${JSON.stringify(event)?.slice(0, 200)}`);
    });
}
