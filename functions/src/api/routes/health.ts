import * as Health from '@bursa/core/health';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

export const healthRoutes = new Hono<ApiEnv>().get('/', async (c) => {
  const health = await Health.check(c.var.deps.db);
  return c.json(health, health.status === 'ok' ? 200 : 503);
});
