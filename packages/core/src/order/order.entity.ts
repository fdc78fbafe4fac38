import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { DELIVERY, PAYMENT_METHODS } from '../shop/shop.entity.ts';

export { PAYMENT_METHODS };

/**
 * Orders (docs/data-model.md, "Order, Cart, ProofUse, PaymentEvent").
 *   Order        pk = ORDER#<code>          sk = ORDER        (the order page: GetItem by its readable code)
 *                gsi1pk = BUYER#<userId>    gsi1sk = <createdAt>#<code>   (myOrders, newest first)
 *                gsi2pk = SHOPORDERS#<shopId>  gsi2sk = <createdAt>#<code> (shopOrders; the sales export by month)
 *                gsi3pk = EXPIRES#<yyyy-mm-dd>  gsi3sk = <expiresAt>#<code>  (sparse: only while a transfer or
 *                card order waits for payment; the expiry job reads today's and yesterday's partitions)
 *   Cart         pk = USER#<userId>         sk = CART#<shopId> (a cart per shop; myCarts: begins_with CART#)
 *   ProofUse     pk = PROOF#<hash>          sk = ORDER#<code>  (the same payment screenshot on another order)
 *   PaymentEvent pk = PAYEVENT#<provider>#<eventId>  sk = EVENT (each webhook event acted on once)
 * The order's code is its id: `BRS-` and five characters without look-alikes,
 * unique because the Order is put on the condition that the key is free.
 */
export const ORDER_STATUSES = [
  'awaiting_payment',
  'awaiting_confirmation',
  'paid',
  'confirmed',
  'shipped',
  'ready',
  'completed',
  'cancelled',
  'expired',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const MAX_LINES = 20;
export const MAX_QTY = 99;
/** Unpaid transfer and card orders expire after this long (the expiry job, not a request). */
export const PAY_WITHIN_MS = 24 * 3600_000;

const line = map({
  productId: string(),
  title: string(),
  /** Whole rupiah, as it was when the order was placed. */
  price: number(),
  qty: number(),
  photo: string().optional(),
  /** Whether the order took units from the product's stock (released again on cancel or expiry). */
  reserved: boolean(),
});

const step = map({
  status: string(),
  at: string(),
  by: string().optional(),
  reason: string().optional(),
});

const build = (table: BursaTable) => ({
  Order: new Entity({
    name: 'Order',
    table,
    timestamps: false,
    schema: item({
      code: string().key(),
      shopId: string(),
      shopHandle: string(),
      shopName: string(),
      buyerId: string(),
      buyerName: string(),
      /** The buyer's WhatsApp (+62…): seen by the buyer, the shop's members and officers only. */
      buyerPhone: string(),
      delivery: string().enum(...DELIVERY),
      address: string().optional(),
      villageCode: string().optional(),
      note: string().optional(),
      payment: string().enum(...PAYMENT_METHODS),
      items: list(line),
      total: number(),
      status: string().enum(...ORDER_STATUSES),
      /** The timeline, oldest first: every change of status (and a rejected proof), who and why. */
      history: list(step),
      /** The transfer proof: a private image, its picture hash, and the other orders the same picture was used on. */
      proof: map({ imageId: string(), hash: string(), at: string(), reusedOn: list(string()).optional() }).optional(),
      /** The payment provider's reference (a Stripe Checkout Session id) for a card order. */
      providerRef: string().optional(),
      paidAt: string().optional(),
      expiresAt: string().optional(),
      /** The buyer's review, once (Review sk), so the seller can reply to it. */
      reviewKey: string().optional(),
      gsi3pk: string().optional(),
      gsi3sk: string().optional(),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ buyerId }) => `BUYER#${buyerId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ createdAt, code }) => `${createdAt}#${code}`),
      gsi2pk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `SHOPORDERS#${shopId}`),
      gsi2sk: string()
        .hidden()
        .link<typeof s>(({ createdAt, code }) => `${createdAt}#${code}`),
    })),
    computeKey: ({ code }) => ({ pk: `ORDER#${code}`, sk: 'ORDER' }),
  }),
  Cart: new Entity({
    name: 'Cart',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      shopId: string().key(),
      /** Copied when added, so the cart list is one Query; checkout reads the products as they are now. */
      shopName: string(),
      shopHandle: string(),
      lines: list(
        map({ productId: string(), qty: number(), title: string(), price: number(), photo: string().optional() }),
      ),
      updatedAt: string(),
    }),
    computeKey: ({ userId, shopId }) => ({ pk: `USER#${userId}`, sk: `CART#${shopId}` }),
  }),
  ProofUse: new Entity({
    name: 'ProofUse',
    table,
    timestamps: false,
    schema: item({ hash: string().key(), code: string().key(), shopId: string(), at: string() }),
    computeKey: ({ hash, code }) => ({ pk: `PROOF#${hash}`, sk: `ORDER#${code}` }),
  }),
  PaymentEvent: new Entity({
    name: 'PaymentEvent',
    table,
    timestamps: false,
    schema: item({
      provider: string().key(),
      eventId: string().key(),
      kind: string(),
      code: string().optional(),
      at: string(),
    }),
    computeKey: ({ provider, eventId }) => ({ pk: `PAYEVENT#${provider}#${eventId}`, sk: 'EVENT' }),
  }),
});

export const orderEntities = (db: Db) => bindEntities(db, build);
