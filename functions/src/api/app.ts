import { PAYMENT_WEBHOOKS_PATH } from '@bursa/http';
import { Hono } from 'hono';
import type { Deps } from './context.ts';
import { createHttpApi } from './http-api.ts';
import { apiRoutes } from './routes/index.ts';
import { paymentRoutes } from './routes/stripe.ts';

export { localeFrom, type Routes } from './http-api.ts';

/**
 * Every /api path on one router, for the local server and the tests, split the way
 * CloudFront splits them in AWS: the payment webhooks (PAYMENT_WEBHOOKS_PATH) to the
 * payments function, the rest to the API function. Each is the app its Lambda runs
 * (api/lambda.ts, payments/lambda.ts), so the tests record each one's AWS calls as its own.
 */
export function createApi(deps: Deps) {
  const api = createHttpApi(deps, 'api', apiRoutes);
  const payments = createHttpApi(deps, 'payments', paymentRoutes);
  return new Hono().all('*', (c) =>
    (c.req.path.startsWith(PAYMENT_WEBHOOKS_PATH) ? payments : api).fetch(c.req.raw, c.env),
  );
}

export type Api = ReturnType<typeof createApi>;
