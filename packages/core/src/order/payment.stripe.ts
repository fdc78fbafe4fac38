import { getSecretValue } from '../aws/secrets.ts';
import type { Config } from '../kernel/config.ts';
import { InvalidWebhook, type PaymentProvider, type ProviderEvent } from './payment.port.ts';
import { type StripeEvent, stripeApi, verifyWebhook } from './payment.stripe-api.ts';

/** Stripe's signature tolerance: a webhook older than this is refused (a replayed capture). */
export const WEBHOOK_TOLERANCE_S = 300;
/** IDR is not zero-decimal in Stripe's API: Rp50.000 is 5000000. */
export const toMinor = (rupiah: number) => Math.round(rupiah) * 100;

type Keys = { secretKey: string; webhookSecret: string };

/**
 * Card payments through Stripe Checkout, the deployment's operator being the
 * merchant of record. Keys come from Secrets Manager in AWS (never from code
 * or plain environment there), from the environment locally; calls go through
 * payment.stripe-api.ts (fetch, no SDK). With `apiUrl` the same client talks to the local stand-in (scripts/local/stripe-local.ts).
 */
export function stripeProvider(settings: NonNullable<Config['stripe']>): PaymentProvider {
  let keys: Promise<Keys> | undefined;
  const loadKeys = (): Promise<Keys> => {
    keys ??= (async () => {
      if (settings.secretKey && settings.webhookSecret)
        return { secretKey: settings.secretKey, webhookSecret: settings.webhookSecret };
      const secret = await getSecretValue({
        region: process.env.AWS_REGION ?? 'ap-southeast-3',
        secretId: String(settings.secretArn),
      });
      const parsed = JSON.parse(secret ?? '{}') as Partial<Keys>;
      if (!parsed.secretKey || !parsed.webhookSecret)
        throw new Error('The Stripe secret needs secretKey and webhookSecret');
      return { secretKey: parsed.secretKey, webhookSecret: parsed.webhookSecret };
    })().catch((e) => {
      keys = undefined;
      throw e;
    });
    return keys;
  };
  let client: ReturnType<typeof stripeApi> | undefined;
  const stripe = async () => {
    client ??= stripeApi({
      secretKey: (await loadKeys()).secretKey,
      maxRetries: 2,
      timeoutMs: 10_000,
      ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    });
    return client;
  };

  return {
    name: 'stripe',
    async start(input) {
      const session = await (await stripe()).createSession(
        {
          mode: 'payment',
          client_reference_id: input.code,
          metadata: { code: input.code },
          line_items: input.lines.map((l) => ({
            quantity: l.qty,
            price_data: { currency: 'idr', unit_amount: toMinor(l.price), product_data: { name: l.title } },
          })),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          // Stripe accepts 30 minutes to 24 hours from now.
          expires_at: Math.floor(
            Math.min(Math.max(input.expiresAt.getTime(), Date.now() + 31 * 60_000), Date.now() + 23.9 * 3600_000) /
              1000,
          ),
        },
        input.idempotencyKey,
      );
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { ref: session.id, url: session.url };
    },
    async parseWebhook(rawBody, headers) {
      const signature = headers['stripe-signature'];
      if (!signature) throw new InvalidWebhook('no signature');
      const { webhookSecret } = await loadKeys();
      let event: StripeEvent;
      try {
        event = verifyWebhook(rawBody, signature, webhookSecret, WEBHOOK_TOLERANCE_S);
      } catch (e) {
        throw new InvalidWebhook((e as Error).message);
      }
      return eventOf(event);
    },
    async refund(ref, amount, idempotencyKey) {
      const s = await stripe();
      const session = await s.retrieveSession(ref);
      const intent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      if (!intent) throw new Error(`Stripe session ${ref} has no payment to refund`);
      await s.createRefund({ payment_intent: intent, amount: toMinor(amount) }, idempotencyKey);
    },
    async cancel(ref) {
      const s = await stripe();
      const session = await s.retrieveSession(ref);
      if (session.status === 'open') await s.expireSession(ref);
    },
  };
}

/** Checkout's events as orders read them: act on `completed` only when paid; async methods settle later. */
function eventOf(event: StripeEvent): ProviderEvent {
  const base = { id: event.id };
  if (!event.type.startsWith('checkout.session.')) return { ...base, kind: 'ignored' };
  const session = event.data.object;
  const at = { ref: session.id, ...(session.client_reference_id ? { code: session.client_reference_id } : {}) };
  switch (event.type) {
    case 'checkout.session.completed':
      return { ...base, ...at, kind: session.payment_status === 'paid' ? 'paid' : 'pending' };
    case 'checkout.session.async_payment_succeeded':
      return { ...base, ...at, kind: 'paid' };
    case 'checkout.session.async_payment_failed':
      return { ...base, ...at, kind: 'failed' };
    case 'checkout.session.expired':
      return { ...base, ...at, kind: 'expired' };
    default:
      return { ...base, kind: 'ignored' };
  }
}
