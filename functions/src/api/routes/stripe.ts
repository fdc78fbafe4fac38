import * as Order from '@bursa/core/order';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';
import type { Routes } from '../http-api.ts';

/**
 * Stripe's webhook: the raw body (never a parsed one: the signature is over
 * the exact bytes) and its Stripe-Signature header go to the order concept,
 * which refuses a forged, tampered or stale event (400) and acts on a good
 * one at most once. Anything else answers 200 so Stripe stops retrying.
 */
export const stripeRoutes = new Hono<ApiEnv>().post('/webhook', async (c) => {
  const raw = await c.req.text();
  const outcome = await Order.handleWebhook(c.var.ctx, raw, { 'stripe-signature': c.req.header('stripe-signature') });
  return c.json({ received: true, outcome });
});

/**
 * The payments function's routers (functions/src/payments/lambda.ts), under
 * @bursa/http's PAYMENT_WEBHOOKS_PATH: a machine's calls, apart from people's.
 */
export const paymentRoutes: Routes = [['/stripe', stripeRoutes]];
