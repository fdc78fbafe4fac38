import { assertCameThroughCloudFront, ORIGIN_HEADER } from '@bursa/http';
import { Hono } from 'hono';
import type { ApiEnv, Deps } from './context.ts';
import { notFoundResponse, toErrorResponse } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { companyRoutes } from './routes/companies.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { regionRoutes } from './routes/regions.ts';
import { vacancyRoutes } from './routes/vacancies.ts';
import { sessionMiddleware } from './session.ts';

/** The HTTP API, mounted under /api. One router per resource. */
export function createApi(deps: Deps) {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use(async (c, next) => {
    c.set('deps', deps);
    await next();
    // Answers may depend on who asks: nothing is cached unless its route says so.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  // In AWS, only requests that came through CloudFront (see core's edge/origin-secret.ts).
  api.use(async (c, next) => {
    assertCameThroughCloudFront(deps.config.originSecret, c.req.header(ORIGIN_HEADER));
    await next();
  });
  api.use(sessionMiddleware);
  api.route('/health', healthRoutes);
  api.route('/regions', regionRoutes);
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  api.route('/companies', companyRoutes);
  api.route('/vacancies', vacancyRoutes);
  api.notFound(notFoundResponse);
  api.onError(toErrorResponse);
  return api;
}

export type Api = ReturnType<typeof createApi>;
