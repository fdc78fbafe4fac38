/**
 * Payment providers' webhooks: served by their own function (functions/src/payments), which
 * CloudFront sends this path to (infra's Site) and the local server too (functions' app.ts).
 * Every other /api path goes to the API function.
 */
export const PAYMENT_WEBHOOKS_PATH = '/api/stripe/';
