import { $add, $append, $remove, executeTransactWrite, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { conflict } from '../kernel/errors.ts';
import { productEntities } from '../shop/product.entity.ts';
import { type OrderStatus, orderEntities } from './order.entity.ts';
import type { Info } from './order.use-cases.ts';

/** An order's moves as transaction parts, for the use cases and the expiry job alike (no use case imported here). */

/** The writes that give an order's reserved units back to the products (cancel, expiry). */
export function releaseStock(db: Db, order: Pick<Info, 'shopId' | 'items'>) {
  const { Product } = productEntities(db);
  return order.items
    .filter((l) => l.reserved)
    .map((l) =>
      Product.build(UpdateTransaction)
        .item({ shopId: order.shopId, id: l.productId, stock: $add(l.qty), version: $add(1) } as never)
        .options({ condition: { attr: 'id', exists: true } }),
    );
}

/** The order update that moves it from `from` to `to` (conditional on `from`: two people acting at once, one wins). */
export function stepTransaction(
  db: Db,
  order: Pick<Info, 'code' | 'status'>,
  to: OrderStatus | 'proof_rejected' | 'payment_failed',
  step: { at: string; by?: string; reason?: string },
  extra: Record<string, unknown> = {},
) {
  const status = to === 'proof_rejected' || to === 'payment_failed' ? 'awaiting_payment' : to;
  const waits = status === 'awaiting_payment';
  return orderEntities(db)
    .Order.build(UpdateTransaction)
    .item({
      code: order.code,
      status,
      history: $append([
        {
          status: to,
          at: step.at,
          ...(step.by ? { by: step.by } : {}),
          ...(step.reason ? { reason: step.reason } : {}),
        },
      ]),
      updatedAt: step.at,
      version: $add(1),
      ...(waits ? {} : { gsi3pk: $remove(), gsi3sk: $remove() }),
      ...extra,
    } as never)
    .options({ condition: { attr: 'status', eq: order.status } });
}

/** Sends an order's transaction; a condition that no longer holds (someone acted first) is a 409 the page explains. */
export async function sendSteps(...writes: Parameters<typeof executeTransactWrite>) {
  try {
    await executeTransactWrite(...writes);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('order.changed');
    throw e;
  }
}
