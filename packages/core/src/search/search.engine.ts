import type { Ctx } from '../kernel/ctx.ts';
import { nowOf } from '../kernel/ctx.ts';
import { COLLECTIONS, type Collection } from './search.documents.ts';
import { type Filters, find, type Hit, type Mode, wordCount } from './search.index.ts';
import { readLog } from './search.log.ts';
import { PREVIEW, type SearchQuery, type Tab } from './search.schema.ts';
import { applyEntries, buildFromTable, type IndexState, loadSnapshot, logFrom } from './search.snapshot.ts';

/**
 * The in-process search engine: what the search function runs (and, with no
 * search function configured, the process that asks). Each index is loaded
 * once per process (its snapshot, or built from the table when there is none
 * yet) and caught up with the change log before every query: one Query that
 * usually returns only the last seconds' changes (docs/search.md, "Freshness").
 */
const loaded = new Map<string, Promise<IndexState>>();
const catchingUp = new Map<string, Promise<void>>();
/** When this container last started reading each log (ms): what was keyed 10 s before it has been seen. */
const lastRead = new Map<string, number>();

export async function indexFor(ctx: Ctx, regency: string, collection: Collection): Promise<IndexState> {
  const key = `${ctx.config.tableName}|${ctx.config.mediaBucket}|${regency}|${collection}`;
  let opening = loaded.get(key);
  if (!opening) {
    opening = loadSnapshot(ctx, regency, collection).then((s) => s ?? buildFromTable(ctx, regency, collection));
    loaded.set(key, opening);
    opening.catch(() => loaded.delete(key));
  }
  const state = await opening;
  // Queries arriving together share one read of the log.
  let pending = catchingUp.get(key);
  if (!pending) {
    // From the newest entry applied, less the overlap, or from the last read less the overlap when that
    // is later: a burst of writes is read once, not by every request until the next write.
    const started = Date.now();
    const previous = lastRead.get(key);
    const fromPosition = logFrom(state.position);
    const fromLastRead = previous === undefined ? fromPosition : logFrom(new Date(previous).toISOString());
    pending = readLog(ctx.db, regency, collection, [fromPosition, fromLastRead].sort().at(-1) as string)
      .then((entries) => {
        applyEntries(state, entries);
        lastRead.set(key, started);
      })
      .finally(() => catchingUp.delete(key));
    catchingUp.set(key, pending);
  }
  await pending;
  return state;
}

/** Tests and the bench: forget loaded indexes (the next query loads the snapshot again). */
export function unloadAll() {
  loaded.clear();
  lastRead.clear();
}

export type SearchResults = {
  q: string;
  tab: Tab;
  /** Matches per collection, the filters applied. */
  counts: Record<Collection, number>;
  /** A page of the tab's collection, or the best few of each on the "all" tab. */
  vacancies: Hit<'vacancies'>[];
  products: Hit<'products'>[];
  shops: Hit<'shops'>[];
  /** The tab's facets: per dimension, how many matches each value has (the other filters applied). */
  facets: Record<string, Record<string, number>>;
  cursor?: string;
};

/** Runs a parsed search against the three indexes of the deployment's regency. */
export async function runSearch(ctx: Ctx, q: SearchQuery): Promise<SearchResults> {
  const regency = ctx.config.homeRegency;
  const nowS = Math.floor(nowOf(ctx) / 1000);
  const filters: Filters = {
    districtCode: q.districtCode,
    villageCode: q.villageCode,
    type: q.type,
    education: q.education,
    category: q.category,
    price: q.price,
    graduate: q.graduate,
    salaryFloor: q.salaryFloor,
  };
  const run = async <C extends Collection>(c: C, mode: Mode) =>
    find((await indexFor(ctx, regency, c)).index, c, q.q, filters, nowS, { mode, facets: q.tab === c, sort: q.sort });
  const all = (mode: Mode) => Promise.all([run('vacancies', mode), run('products', mode), run('shops', mode)]);
  const none = (r: { hits: unknown[] }[]) => r.every((x) => x.hits.length === 0);
  // Each step only when nothing anywhere was found by the one before (search.index.ts, Mode).
  let found3 = await all('exact');
  if (none(found3) && q.q) found3 = await all('typos');
  if (none(found3) && COLLECTIONS.some((c) => wordCount(q.q, c) > 1)) found3 = await all('any');
  const [vacancies, products, shops] = found3;
  const found = { vacancies, products, shops };
  const offset = q.cursor ? Number(q.cursor) : 0;
  const page = <C extends Collection>(c: C): Hit<C>[] => {
    const hits = found[c].hits as unknown as Hit<C>[];
    if (q.tab === 'all') return hits.slice(0, PREVIEW);
    return q.tab === c ? hits.slice(offset, offset + q.limit) : [];
  };
  const active = q.tab === 'all' ? undefined : found[q.tab];
  const next = active && offset + q.limit < active.hits.length ? String(offset + q.limit) : undefined;
  return {
    q: q.q,
    tab: q.tab,
    counts: { vacancies: vacancies.hits.length, products: products.hits.length, shops: shops.hits.length },
    vacancies: page('vacancies'),
    products: page('products'),
    shops: page('shops'),
    facets: active?.facets ?? {},
    ...(next ? { cursor: next } : {}),
  };
}
