import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { formEncode, verifyWebhook } from './payment.stripe-api.ts';

describe('Stripe over fetch', () => {
  it('form-encodes nested objects and arrays as Stripe expects', () => {
    const body = formEncode({
      mode: 'payment',
      metadata: { code: 'BRS-ABCDE' },
      line_items: [
        { quantity: 2, price_data: { currency: 'idr', unit_amount: 2_500_000, product_data: { name: 'Kue & teh' } } },
      ],
      skipped: undefined,
    });
    expect([...body]).toEqual([
      ['mode', 'payment'],
      ['metadata[code]', 'BRS-ABCDE'],
      ['line_items[0][quantity]', '2'],
      ['line_items[0][price_data][currency]', 'idr'],
      ['line_items[0][price_data][unit_amount]', '2500000'],
      ['line_items[0][price_data][product_data][name]', 'Kue & teh'],
    ]);
  });

  it("accepts what Stripe's own library signs, and refuses another secret, a changed body or an old signature", () => {
    const signer = new Stripe('sk_test_x', { telemetry: false });
    const payload = JSON.stringify({
      id: 'evt_1',
      type: 'checkout.session.completed',
      data: { object: { id: 'cs_1' } },
    });
    const now = Math.floor(Date.now() / 1000);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_a', timestamp: now });
    expect(verifyWebhook(payload, header, 'whsec_a', 300).id).toBe('evt_1');
    // Several v1 signatures (a secret being rolled): one match is enough.
    expect(verifyWebhook(payload, `${header},v1=${'0'.repeat(64)}`, 'whsec_a', 300).id).toBe('evt_1');
    expect(() => verifyWebhook(payload, header, 'whsec_b', 300)).toThrow(/matching/);
    expect(() => verifyWebhook(payload.replace('evt_1', 'evt_2'), header, 'whsec_a', 300)).toThrow(/matching/);
    const old = signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_a', timestamp: now - 301 });
    expect(() => verifyWebhook(payload, old, 'whsec_a', 300)).toThrow(/tolerance/);
    expect(() => verifyWebhook(payload, 'garbage', 'whsec_a', 300)).toThrow(/extract/);
  });
});
