import {
  $add,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  number,
  PutTransaction,
  QueryCommand,
  string,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import { Account } from '../account/index.ts';
import { Audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { nowOf } from '../kernel/ctx.ts';
import { DomainError, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { formatRupiah } from '../kernel/format.ts';
import { newId } from '../kernel/ids.ts';
import { get as getShop, roleIn } from '../shop/shop.use-cases.ts';
import { canSettle } from './order.policy.ts';
import { listSchema, payoutSchema, shopListSchema } from './order.schema.ts';

/**
 * Card payments are collected by the deployment's operator (merchant of
 * record: Stripe cannot pay Indonesian sellers out through Connect), so Bursa
 * keeps what it owes each shop: a ledger entry per card payment, refund and
 * payout, and a running balance moved in the same transaction.
 *   LedgerEntry  pk = LEDGER#<shopId>  sk = <at>#<kind>#<ref>   (a shop's statement, newest first)
 *   Balance      pk = SHOP#<shopId>    sk = BALANCE             (owed = paid in − refunded − paid out)
 *                gsi3pk = BALANCES     gsi3sk = <shopId>        (the officers' settlement list)
 */
export const LEDGER_KINDS = ['card_payment', 'refund', 'payout'] as const;

const build = (table: BursaTable) => ({
  LedgerEntry: new Entity({
    name: 'LedgerEntry',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      key: string().key(),
      kind: string().enum(...LEDGER_KINDS),
      /** Whole rupiah: positive when owed to the shop, negative when it leaves the balance. */
      amount: number(),
      ref: string(),
      by: string().optional(),
      at: string(),
    }),
    computeKey: ({ shopId, key }) => ({ pk: `LEDGER#${shopId}`, sk: key }),
  }),
  Balance: new Entity({
    name: 'Balance',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      shopName: string(),
      shopHandle: string(),
      owed: number(),
      paidIn: number(),
      paidOut: number(),
      gsi3pk: string(),
      gsi3sk: string(),
      updatedAt: string(),
    }),
    computeKey: ({ shopId }) => ({ pk: `SHOP#${shopId}`, sk: 'BALANCE' }),
  }),
});
export const settlementEntities = (db: Db) => bindEntities(db, build);

export type LedgerEntry = {
  shopId: string;
  key: string;
  kind: (typeof LEDGER_KINDS)[number];
  amount: number;
  ref: string;
  by?: string;
  at: string;
};
export type Balance = {
  shopId: string;
  shopName: string;
  shopHandle: string;
  owed: number;
  paidIn: number;
  paidOut: number;
  updatedAt: string;
};

/** The ledger entry and balance move for one card payment, refund or payout (joined to the order's own transaction). */
export function ledgerWrites(
  db: Db,
  shop: { id: string; name: string; handle: string },
  entry: { kind: LedgerEntry['kind']; amount: number; ref: string; by?: string; at: string },
) {
  const { LedgerEntry, Balance } = settlementEntities(db);
  return [
    LedgerEntry.build(PutTransaction)
      .item({ shopId: shop.id, key: `${entry.at}#${entry.kind}#${entry.ref}`, ...entry })
      .options({ condition: { attr: 'key', exists: false } }),
    Balance.build(UpdateTransaction).item({
      shopId: shop.id,
      shopName: shop.name,
      shopHandle: shop.handle,
      owed: $add(entry.amount),
      paidIn: $add(entry.kind === 'card_payment' ? entry.amount : 0),
      paidOut: $add(entry.kind === 'payout' ? -entry.amount : 0),
      gsi3pk: 'BALANCES',
      gsi3sk: shop.id,
      updatedAt: entry.at,
    } as never),
  ];
}

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
