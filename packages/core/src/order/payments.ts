import { $remove, executeTransactWrite, GetItemCommand, PutItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { orderEntities } from './order.entity.ts';
import { cancelOrder } from './order.expiry.ts';
import { orderCodeSchema } from './order.schema.ts';
import { stepTransaction } from './order.steps.ts';
import { getOrder, type Info as Order, viewOrder } from './order.use-cases.ts';
import { InvalidWebhook, type PaymentProvider, type ProviderEvent } from './payment.port.ts';
import { providerFor } from './payment.provider.ts';
import { ledgerWrites } from './settlement.entity.ts';

/**
 * The buyer of a card order goes to the provider's hosted page. One session per
 * order attempt: the idempotency key is the order's code and version, so a
 * double tap (or a retry after a timeout) gets the same session back.
 */
export const startCardPayment = fn(orderCodeSchema, async ({ code }, ctx): Promise<string> => {
  const { order, can } = await viewOrder(ctx, { code });
  if (!can.pay) throw forbidden('order.not_allowed');
  const provider = providerFor(ctx.config);
  if (!provider) throw new DomainError('unavailable', 'order.card.off');
  const page = `${ctx.config.siteUrl}/saya/pesanan/${order.code}`;
  const { ref, url } = await provider.start({
    code: order.code,
    lines: order.items.map((l) => ({ title: l.title, price: l.price, qty: l.qty })),
    total: order.total,
    successUrl: `${page}?bayar=selesai`,
    cancelUrl: `${page}?bayar=batal`,
    expiresAt: new Date(order.expiresAt ?? nowOf(ctx) + 3600_000),
    idempotencyKey: `checkout-${order.code}-${order.version}`,
  });
  if (ref !== order.providerRef) {
    try {
      await orderEntities(ctx.db)
        .Order.build(UpdateItemCommand)
        .item({ code: order.code, providerRef: ref } as never)
        .options({ condition: { attr: 'status', eq: 'awaiting_payment' } })
        .send();
    } catch (e) {
      if (isConditionFailure(e)) throw conflict('order.changed');
      throw e;
    }
  }
  return url;
});

export type WebhookOutcome = 'paid' | 'refunded' | 'expired' | 'failed' | 'waiting' | 'duplicate' | 'ignored';

/**
 * A provider's webhook: signature checked on the raw body (a forged, tampered,
 * stale or wrongly signed request is refused before anything is read), then
 * acted on at most once. Each event is remembered by id after it is acted on;
 * the actions themselves are conditional on the order's status and payment
 * reference, so a replay, a duplicate delivered in parallel, or events in any
 * order cannot pay an order twice or move it back. Money that arrives for an
 * order that expired or was cancelled meanwhile is refunded.
 */
export async function handleWebhook(
  ctx: Ctx,
  rawBody: string,
  headers: Record<string, string | undefined>,
): Promise<WebhookOutcome> {
  const provider = providerFor(ctx.config);
  if (!provider) throw new DomainError('not_found', 'order.card.off');
  let event: ProviderEvent;
  try {
    event = await provider.parseWebhook(rawBody, headers);
  } catch (e) {
    if (e instanceof InvalidWebhook) throw new DomainError('validation', 'payment.webhook.invalid');
    throw e;
  }
  const { PaymentEvent } = orderEntities(ctx.db);
  const seen = await PaymentEvent.build(GetItemCommand).key({ provider: provider.name, eventId: event.id }).send();
  if (seen.Item) return 'duplicate';
  const outcome = await act(ctx, provider, event);
  await PaymentEvent.build(PutItemCommand)
    .item({
      provider: provider.name,
      eventId: event.id,
      kind: event.kind,
      ...(event.code ? { code: event.code } : {}),
      at: new Date(nowOf(ctx)).toISOString(),
    })
    .send();
  return outcome;
}

/**
 * A card order's money arrived: paid, and owed to the shop in the settlement
 * ledger, in one transaction conditional on the order still waiting (the
 * webhook's only write; the demo seed uses it for its paid card orders).
 */
export async function fulfil(ctx: Ctx, order: Order): Promise<void> {
  const at = new Date(nowOf(ctx)).toISOString();
  await executeTransactWrite(
    stepTransaction(ctx.db, order, 'paid', { at }, { paidAt: at }),
    ...ledgerWrites(
      ctx.db,
      { id: order.shopId, name: order.shopName, handle: order.shopHandle },
      { kind: 'card_payment', amount: order.total, ref: order.code, at },
    ),
  );
}

async function orderOf(db: Db, code: string | undefined): Promise<Order | undefined> {
  if (!code) return undefined;
  try {
    return await getOrder(db, code);
  } catch {
    return undefined;
  }
}

async function act(ctx: Ctx, provider: PaymentProvider, event: ProviderEvent): Promise<WebhookOutcome> {
  if (event.kind === 'ignored' || !event.ref) return 'ignored';
  if (event.kind === 'pending') return 'waiting';
  const order = await orderOf(ctx.db, event.code);
  // Not ours, or an older session of this order (the buyer started again): nothing to do but a late payment.
  if (order?.payment !== 'card') return 'ignored';
  const at = new Date(nowOf(ctx)).toISOString();
  const current = order.providerRef === event.ref;
  if (event.kind === 'paid') {
    if (order.status === 'awaiting_payment' && current) {
      try {
        await fulfil(ctx, order);
        return 'paid';
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return act(ctx, provider, event);
      }
    }
    if (order.status === 'paid' && current) return 'duplicate';
    // Paid for an order that expired or was cancelled, or through a session the order no longer uses: give it back.
    await provider.refund(event.ref, order.total, `late-${event.ref}`);
    return 'refunded';
  }
  if (!current || order.status !== 'awaiting_payment') return 'ignored';
  if (event.kind === 'failed') {
    try {
      await executeTransactWrite(stepTransaction(ctx.db, order, 'payment_failed', { at }, { providerRef: $remove() }));
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    return 'failed';
  }
  // The hosted page lives as long as the order waits (its expires_at is the order's): unpaid, the order expires now.
  try {
    await cancelOrder(ctx, order, 'expired', undefined);
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'order.changed')) throw e;
  }
  return 'expired';
}
