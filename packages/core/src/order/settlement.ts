import { $add, executeTransactWrite, GetItemCommand, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { DomainError, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { formatRupiah } from '../kernel/format.ts';
import { newId } from '../kernel/ids.ts';
import { get as getShop, roleIn } from '../shop/shop.use-cases.ts';
import { canSettle } from './order.policy.ts';
import { listSchema, payoutSchema, shopListSchema } from './order.schema.ts';
import { type Balance, type LedgerEntry, ledgerWrites, settlementEntities } from './settlement.entity.ts';

export { type Balance, LEDGER_KINDS, type LedgerEntry, ledgerWrites, settlementEntities } from './settlement.entity.ts';

/** Every shop that has taken card payments, with what it is owed (officers; one page). */
export const balances = fn(listSchema, async ({ cursor, limit }, ctx): Promise<Page<Balance>> => {
  if (!canSettle(ctx.actor)) throw forbidden('settlement.officers_only');
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(settlementEntities(ctx.db).Balance)
    .query({ index: 'gsi3', partition: 'BALANCES' })
    .options({
      limit,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi3pk === 'BALANCES') } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Balance[], ...(next ? { cursor: next } : {}) };
});

export async function balanceOf(db: Db, shopId: string): Promise<Balance | undefined> {
  const { Item } = await settlementEntities(db).Balance.build(GetItemCommand).key({ shopId }).send();
  return Item as Balance | undefined;
}

/** A shop's statement, newest first, one page: its members and officers. */
export const statement = fn(shopListSchema, async ({ shopId, cursor, limit }, ctx): Promise<Page<LedgerEntry>> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canSettle(me) && !(await roleIn(ctx.db, me, shopId))) throw forbidden('shop.not_member');
  const partition = `LEDGER#${shopId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(settlementEntities(ctx.db).LedgerEntry)
    .query({ partition })
    .options({
      reverse: true,
      limit,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition) } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as LedgerEntry[], ...(next ? { cursor: next } : {}) };
});

/**
 * An officer records a payout made outside Bursa (a bank transfer to the
 * seller, with its reference): never more than is owed, even if two officers
 * record at once (the balance's condition).
 */
export const recordPayout = fn(payoutSchema, async ({ shopId, amount, reference }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canSettle(me)) throw forbidden('settlement.officers_only');
  const shop = await getShop(ctx.db, shopId);
  const at = new Date(nowOf(ctx)).toISOString();
  const [entry] = ledgerWrites(ctx.db, shop, {
    kind: 'payout',
    amount: -amount,
    ref: `${newId(nowOf(ctx))}:${reference}`,
    by: me.userId,
    at,
  });
  try {
    await executeTransactWrite(
      entry as NonNullable<typeof entry>,
      settlementEntities(ctx.db)
        .Balance.build(UpdateTransaction)
        .item({ shopId: shop.id, owed: $add(-amount), paidOut: $add(amount), updatedAt: at } as never)
        .options({ condition: { attr: 'owed', gte: amount } }),
      // The officer's record, in the same transaction: no payout without its audit entry.
      Audit.record(ctx, {
        action: 'payout.mark',
        targetType: 'payout',
        targetId: shop.id,
        targetName: shop.name,
        reason: `${formatRupiah(amount)} · ${reference}`,
      }),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw new DomainError('conflict', 'payout.more_than_owed');
    throw e;
  }
});
