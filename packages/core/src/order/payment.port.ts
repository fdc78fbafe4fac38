/**
 * A payment provider, as orders see it: start a payment (a hosted page the
 * buyer is sent to), read a webhook (signature checked), refund, cancel. Stripe
 * Checkout is the one built (payment.stripe.ts); a local gateway (Midtrans,
 * Xendit) is another implementation of this port, and orders do not change.
 * Amounts are whole rupiah here; each adapter converts to its provider's units.
 */
export interface PaymentProvider {
  readonly name: string;
  start(input: StartPayment): Promise<{ ref: string; url: string }>;
  /** Throws `InvalidWebhook` for a forged, tampered or stale request. */
  parseWebhook(rawBody: string, headers: Record<string, string | undefined>): Promise<ProviderEvent>;
  refund(ref: string, amount: number, idempotencyKey: string): Promise<void>;
  /** Stops a payment that has not happened (the order expired or was cancelled); paid or gone already: nothing. */
  cancel(ref: string): Promise<void>;
}

export type StartPayment = {
  code: string;
  lines: { title: string; price: number; qty: number }[];
  total: number;
  successUrl: string;
  cancelUrl: string;
  /** When the hosted page stops accepting payment (the order's own expiry). */
  expiresAt: Date;
  idempotencyKey: string;
};

/**
 * What a webhook says: `paid` (money in), `pending` (the buyer finished but the
 * money is not in yet: wait), `failed` (an asynchronous payment failed),
 * `expired` (the hosted page expired unpaid), `ignored` (anything else).
 */
export type ProviderEvent = {
  id: string;
  kind: 'paid' | 'pending' | 'failed' | 'expired' | 'ignored';
  ref?: string;
  code?: string;
};

export class InvalidWebhook extends Error {
  override name = 'InvalidWebhook';
}
