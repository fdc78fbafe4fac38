import { runAsEntry } from '@bursa/core/db';
import type { Locale } from '@bursa/core/kernel';
import { assertCameThroughCloudFront, ORIGIN_HEADER, securityHeaders } from '@bursa/http';
import { Hono } from 'hono';
import type { ApiEnv, Deps } from './context.ts';
import { notFoundResponse, toErrorResponse } from './errors.ts';
import { applicationRoutes } from './routes/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { companyRoutes } from './routes/companies.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { regionRoutes } from './routes/regions.ts';
import { searchRoutes } from './routes/search.ts';
import { seekerRoutes } from './routes/seeker.ts';
import { stripeRoutes } from './routes/stripe.ts';
import { vacancyRoutes } from './routes/vacancies.ts';
import { sessionMiddleware } from './session.ts';

/** The HTTP API, mounted under /api. One router per resource. */
export function createApi(deps: Deps) {
  const api = new Hono<ApiEnv>().basePath('/api');
  // Tags the AWS calls this request makes as the API's (tests only: see @bursa/core/db action-recorder.ts).
  api.use((_c, next) => runAsEntry('api', next));
  api.use(async (c, next) => {
    c.set('deps', deps);
    c.set('locale', localeFrom(c.req.header('accept-language')));
    await next();
    // Answers may depend on who asks: nothing is cached unless its route says so.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(securityHeaders(deps.config.siteUrl))) {
      if (!c.res.headers.has(name)) c.header(name, value);
    }
  });
  // In AWS, only requests that came through CloudFront (see @bursa/http's origin-secret.ts).
  api.use(async (c, next) => {
    await assertCameThroughCloudFront(deps.config, c.req.header(ORIGIN_HEADER));
    await next();
  });
  api.use(sessionMiddleware);
  api.route('/health', healthRoutes);
  api.route('/regions', regionRoutes);
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  api.route('/me', seekerRoutes);
  api.route('/companies', companyRoutes);
  api.route('/vacancies', vacancyRoutes);
  api.route('/vacancies/:vacancyId/applications', applicationRoutes);
  api.route('/stripe', stripeRoutes);
  api.route('/search', searchRoutes);
  api.notFound(notFoundResponse);
  api.onError(toErrorResponse);
  return api;
}

export type Api = ReturnType<typeof createApi>;

/** Indonesian unless the client prefers English over it (`Accept-Language: en`, `en-US,en;q=0.9,id;q=0.8`). */
export function localeFrom(header: string | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: 'id', q: 0 };
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const locale = tag.startsWith('en') ? 'en' : tag.startsWith('id') || tag.startsWith('in') ? 'id' : undefined;
    if (locale && q > best.q) best = { locale, q };
  }
  return best.locale;
}
