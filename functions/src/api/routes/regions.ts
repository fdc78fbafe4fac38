import * as Region from '@bursa/core/region';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

/** Reference data for forms and filters: public, cacheable. */
export const regionRoutes = new Hono<ApiEnv>().get('/:code', async (c) => {
  const regency = await Region.getCached(c.var.deps.db, c.req.param('code'));
  c.header('Cache-Control', 'public, max-age=3600');
  return c.json(regency);
});
