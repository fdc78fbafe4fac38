import { Hono } from 'hono';
import type { ApiEnv, Deps } from './context.ts';
import { notFoundResponse, toErrorResponse } from './errors.ts';
import { healthRoutes } from './routes/health.ts';
import { regionRoutes } from './routes/regions.ts';

/** The HTTP API, mounted under /api. One router per resource. */
export function createApi(deps: Deps) {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.route('/health', healthRoutes);
  api.route('/regions', regionRoutes);
  api.notFound(notFoundResponse);
  api.onError(toErrorResponse);
  return api;
}

export type Api = ReturnType<typeof createApi>;
