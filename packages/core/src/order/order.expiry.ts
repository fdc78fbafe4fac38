import { QueryCommand } from 'dynamodb-toolbox';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { DomainError } from '../kernel/errors.ts';
import { orderEntities } from './order.entity.ts';
import { releaseStock, sendSteps, stepTransaction } from './order.steps.ts';
import type { Info as Order } from './order.use-cases.ts';
import { providerFor } from './payment.provider.ts';
import { ledgerWrites } from './settlement.entity.ts';

/** Cancelling and expiring orders: what the lifecycle, card payments and the scheduled jobs function share (light: no use case imported, so the jobs bundle stays small). */

/**
 * Cancels an order (buyer, seller, or the expiry job as `expired`): the status
 * and the stock it held move back together. A paid card order is refunded
 * through the provider first (idempotent: its key is the order's), and the
 * refund leaves the shop's settlement balance in the same transaction.
 */
export async function cancelOrder(
  ctx: Ctx,
  order: Order,
  to: 'cancelled' | 'expired',
  by: string | undefined,
  reason?: string,
) {
  const at = new Date(nowOf(ctx)).toISOString();
  const refund = order.payment === 'card' && order.status === 'paid' && order.providerRef;
  if (refund) await providerFor(ctx.config)?.refund(order.providerRef as string, order.total, `refund-${order.code}`);
  await sendSteps(
    stepTransaction(ctx.db, order, to, { at, ...(by ? { by } : {}), ...(reason ? { reason } : {}) }),
    ...releaseStock(ctx.db, order),
    ...(refund
      ? ledgerWrites(
          ctx.db,
          { id: order.shopId, name: order.shopName, handle: order.shopHandle },
          {
            kind: 'refund',
            amount: -order.total,
            ref: order.code,
            at,
          },
        )
      : []),
  );
}

/**
 * The scheduled expiry: transfer and card orders still unpaid 24 hours after
 * they were placed expire and give their stock back (a proof that arrived in
 * time moved the order out of the index). Reads the expiry index of the last
 * week's days up to now; each order expires on the condition that it still
 * waits, so a payment arriving meanwhile wins. Returns how many expired.
 */
export async function expireDue(ctx: Ctx): Promise<number> {
  const now = nowOf(ctx);
  const nowIso = new Date(now).toISOString();
  const { Order } = orderEntities(ctx.db);
  let expired = 0;
  for (let day = 7; day >= 0; day--) {
    const partition = `EXPIRES#${new Date(now - day * 86_400_000).toISOString().slice(0, 10)}`;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ctx.db.table
        .build(QueryCommand)
        .entities(Order)
        .query({ index: 'gsi3', partition, range: { lte: `${nowIso}~` } })
        .options({ limit: 100, ...(start ? { exclusiveStartKey: start } : {}) })
        .send();
      for (const o of (out.Items ?? []) as Order[]) {
        if (o.status !== 'awaiting_payment' || !o.expiresAt || o.expiresAt > nowIso) continue;
        try {
          if (o.payment === 'card' && o.providerRef) await providerFor(ctx.config)?.cancel(o.providerRef);
          await cancelOrder(ctx, o, 'expired', undefined);
          expired++;
        } catch (e) {
          // Paid or cancelled a moment ago: it is no longer ours to expire.
          if (!(e instanceof DomainError && e.code === 'order.changed')) throw e;
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return expired;
}
