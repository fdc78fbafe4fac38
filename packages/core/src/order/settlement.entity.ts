import { $add, Entity, item, number, PutTransaction, string, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

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
