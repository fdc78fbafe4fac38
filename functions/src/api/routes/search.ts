import * as Search from '@bursa/core/search';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

/**
 * Search (`GET /api/search?q=…&tab=vacancies&districtCode=…&cursor=…`): public,
 * like the lists it searches; the same fields as `/cari` under core's names.
 * Answers `{ q, tab, counts, vacancies, products, shops, facets, cursor? }`.
 * The API asks the search function and carries no index code (web/adapter/remote-search-only.ts).
 */
export const searchRoutes = new Hono<ApiEnv>().get('/', async (c) => {
  const results = await Search.search(c.var.ctx, c.req.query());
  // Fresh within seconds: the edge may keep an answer briefly, browsers not.
  c.header('Cache-Control', 'public, max-age=0, s-maxage=15');
  return c.json(results);
});
