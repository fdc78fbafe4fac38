import { type EntryPoint, runAsEntry } from '@bursa/core/db';
import type { Locale } from '@bursa/core/kernel';
import { assertCameThroughCloudFront, ORIGIN_HEADER, securityHeaders } from '@bursa/http';
import { Hono } from 'hono';
import type { ApiEnv, Deps } from './context.ts';
import { notFoundResponse, toErrorResponse } from './errors.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionMiddleware } from './session.ts';

/** Routers and the paths under /api they answer, one per resource. */
export type Routes = readonly (readonly [path: string, router: Hono<ApiEnv>])[];

/**
 * An HTTP function under /api: the same middleware, errors and health check
 * for each, with its own routers. `entry` names the function for the grants
 * check (action-recorder.ts). Deployed as two functions, the API (routes/index.ts)
 * and the payment webhooks (routes/stripe.ts, run by payments/lambda.ts); app.ts puts them together the
 * way CloudFront routes them.
 */
export function createHttpApi(deps: Deps, entry: EntryPoint, routes: Routes) {
  const api = new Hono<ApiEnv>().basePath('/api');
  // Tags the AWS calls this request makes as this function's (tests only: see @bursa/core/db action-recorder.ts).
  api.use((_c, next) => runAsEntry(entry, next));
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
  for (const [path, router] of routes) api.route(path, router);
  api.notFound(notFoundResponse);
  api.onError(toErrorResponse);
  return api;
}

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
