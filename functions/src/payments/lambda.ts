import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { handle } from 'hono/aws-lambda';
import { createHttpApi } from '../api/http-api.ts';
import { paymentRoutes } from '../api/routes/stripe.ts';

/**
 * Payment providers' webhooks (Stripe's), apart from the API: CloudFront sends
 * them here (@bursa/http's PAYMENT_WEBHOOKS_PATH). The same middleware and
 * errors as the API; the order code they need stays out of the API's bundle.
 */
const config = loadConfig();
export const handler = handle(createHttpApi({ config, db: createDb(config) }, 'payments', paymentRoutes));
