import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The part of Stripe's REST API Bursa calls (Checkout Sessions and refunds),
 * over fetch: form-encoded requests with an idempotency key, retried on
 * network errors, 409, 429 and 5xx as Stripe's libraries do, and webhook
 * signatures checked by Stripe's documented scheme (HMAC-SHA256 of
 * `<t>.<body>` with the endpoint's secret, within a tolerance). The `stripe`
 * package bundled 240 KB into every function that reaches orders (issue 15);
 * this is a few. The local stand-in (scripts/local/stripe-local.ts) signs its
 * webhooks with the real library, so the two are checked against each other.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';
const API = 'https://api.stripe.com';

export type StripeSession = {
  id: string;
  url?: string | null;
  status?: 'open' | 'complete' | 'expired' | null;
  payment_status?: string;
  client_reference_id?: string | null;
  payment_intent?: string | { id: string } | null;
};
export type StripeEvent = { id: string; type: string; data: { object: StripeSession } };

export class StripeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StripeError';
  }
}

type Params = { [key: string]: string | number | boolean | Params | Params[] | undefined };

/** `{ line_items: [{ price_data: { unit_amount: 5 } }] }` → `line_items[0][price_data][unit_amount]=5`. */
export function formEncode(params: Params, prefix = '', out = new URLSearchParams()): URLSearchParams {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) formEncode(v, `${name}[${i}]`, out);
    } else if (typeof value === 'object') formEncode(value, name, out);
    else out.append(name, String(value));
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retriable = (status: number) => status === 409 || status === 429 || status >= 500;

export function stripeApi(o: { secretKey: string; apiUrl?: string; maxRetries?: number; timeoutMs?: number }) {
  const base = (o.apiUrl ?? API).replace(/\/$/, '');
  const maxRetries = o.maxRetries ?? 2;
  async function call<T>(method: 'GET' | 'POST', path: string, params?: Params, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${o.secretKey}`,
      'stripe-version': STRIPE_API_VERSION,
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      // A retry must not charge twice: every POST carries a key (the caller's, or one for this call).
      ...(method === 'POST' ? { 'idempotency-key': idempotencyKey ?? crypto.randomUUID() } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(params ? { body: formEncode(params).toString() } : {}),
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
      } catch (e) {
        if (attempt < maxRetries) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw e;
      }
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; code?: string } } & T;
      if (res.ok) return body;
      if (retriable(res.status) && attempt < maxRetries) {
        await sleep(500 * 2 ** attempt);
        continue;
      }
      throw new StripeError(res.status, body.error?.message ?? `Stripe answered ${res.status}`, body.error?.code);
    }
  }
  return {
    createSession: (params: Params, idempotencyKey: string) =>
      call<StripeSession>('POST', '/v1/checkout/sessions', params, idempotencyKey),
    retrieveSession: (id: string) => call<StripeSession>('GET', `/v1/checkout/sessions/${encodeURIComponent(id)}`),
    expireSession: (id: string) =>
      call<StripeSession>('POST', `/v1/checkout/sessions/${encodeURIComponent(id)}/expire`),
    createRefund: (params: Params, idempotencyKey: string) =>
      call<{ id: string }>('POST', '/v1/refunds', params, idempotencyKey),
  };
}

/**
 * A webhook's event, once its `Stripe-Signature` (`t=<seconds>,v1=<hex>[,v1=…]`)
 * proves it came from Stripe with this endpoint's secret, within `toleranceS`
 * of now (an old one is a replay). Throws with the reason otherwise.
 */
export function verifyWebhook(
  rawBody: string,
  header: string,
  secret: string,
  toleranceS: number,
  nowS = Math.floor(Date.now() / 1000),
): StripeEvent {
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v as string);
  if (!Number.isFinite(t) || !signatures.length)
    throw new Error('Unable to extract timestamp and signatures from header');
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new Error('No signatures found matching the expected signature for payload');
  if (toleranceS > 0 && Math.abs(nowS - t) > toleranceS) throw new Error('Timestamp outside the tolerance zone');
  return JSON.parse(rawBody) as StripeEvent;
}
