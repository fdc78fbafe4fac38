import { randomInt } from 'node:crypto';
import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  DeleteTransaction,
  executeBatchGet,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import type { Config } from '../kernel/config.ts';
import { nowOf } from '../kernel/ctx.ts';
import { DomainError, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import * as Region from '../region/index.ts';
import { productEntities } from '../shop/product.entity.ts';
import type { Product } from '../shop/product.use-cases.ts';
import { DEFAULT_PAYMENTS } from '../shop/shop.entity.ts';
import { isHidden as hiddenByOfficer } from '../shop/shop.moderation.ts';
import { get as getShop, roleIn, type Info as ShopInfo } from '../shop/shop.use-cases.ts';
import {
  type OrderStatus,
  orderEntities,
  PAY_WITHIN_MS,
  type PAYMENT_METHODS,
  type PaymentMethod,
} from './order.entity.ts';
import { type OrderCapabilities, orderCapabilities } from './order.policy.ts';
import { orderCodeSchema, placeOrderSchema } from './order.schema.ts';

export type OrderLine = {
  productId: string;
  title: string;
  price: number;
  qty: number;
  photo?: string;
  reserved: boolean;
};
export type OrderStep = { status: string; at: string; by?: string; reason?: string };
export type Info = {
  code: string;
  shopId: string;
  shopHandle: string;
  shopName: string;
  buyerId: string;
  buyerName: string;
  buyerPhone: string;
  delivery: 'pickup' | 'local_delivery' | 'courier';
  address?: string;
  villageCode?: string;
  note?: string;
  payment: PaymentMethod;
  items: OrderLine[];
  total: number;
  status: OrderStatus;
  history: OrderStep[];
  proof?: { imageId: string; hash: string; at: string; reusedOn?: string[] };
  providerRef?: string;
  paidAt?: string;
  expiresAt?: string;
  reviewKey?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** Readable aloud and typed back without doubt: no 0/O, 1/I/L. 31⁵ ≈ 28 million codes. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newCode = () => `BRS-${Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(31)]).join('')}`;

/** The ways a shop takes payment today: card only while the deployment has a card provider. */
export function acceptedPayments(
  shop: Pick<ShopInfo, 'payments' | 'bank' | 'qris'>,
  config: Config,
): (typeof PAYMENT_METHODS)[number][] {
  return (shop.payments ?? [...DEFAULT_PAYMENTS]).filter(
    (m) => (m !== 'card' || Boolean(config.stripe)) && (m !== 'transfer' || Boolean(shop.bank || shop.qris)),
  );
}

/** Transfer and card orders wait for money; WhatsApp and COD orders wait for the seller. */
const firstStatus = (payment: PaymentMethod): OrderStatus =>
  payment === 'transfer' || payment === 'card' ? 'awaiting_payment' : 'awaiting_confirmation';

/** The expiry index entry for an order that waits for money until `expiresAt`. */
export const expiryKeys = (code: string, expiresAt: string) => ({
  gsi3pk: `EXPIRES#${expiresAt.slice(0, 10)}`,
  gsi3sk: `${expiresAt}#${code}`,
});

const byId = (products: (Product | undefined)[]) =>
  new Map(products.filter((p): p is Product => Boolean(p)).map((p) => [p.id, p]));

async function productsOf(db: Db, shopId: string, ids: string[]): Promise<Map<string, Product>> {
  const { Product } = productEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...ids.map((id) => Product.build(BatchGetRequest).key({ shopId, id }))),
  );
  return byId((out.Responses?.[0] ?? []) as (Product | undefined)[]);
}

const soldOut = (p: Pick<Product, 'title'>) =>
  new DomainError('conflict', 'order.sold_out', { params: { title: p.title } });

/**
 * Places an order with one shop: prices snapshotted, stock reserved by a
 * conditional decrement in the same transaction as the order (the last unit
 * goes to exactly one buyer; the rest are told it is sold out), the cart
 * emptied when the order came from it. The code is the order's key: a taken
 * code fails the put's condition and another is drawn.
 */
export const placeOrder = fn(checkedInside(placeOrderSchema), async (raw, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  const shopId = String(raw.shopId ?? '');
  const [shop, role] = await Promise.all([getShop(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (role) throw forbidden('order.own_shop');
  // The form and what this shop offers, checked together: every problem in one answer.
  const { data: input, issues } = check(placeOrderSchema, raw);
  const payment = validField(placeOrderSchema, raw, 'payment');
  const delivery = validField(placeOrderSchema, raw, 'delivery');
  const villageCode = validField(placeOrderSchema, raw, 'villageCode');
  if (payment && !acceptedPayments(shop, ctx.config).includes(payment))
    issues.push({ path: 'payment', code: 'order.payment.not_accepted' });
  if (delivery && !shop.delivery.includes(delivery))
    issues.push({ path: 'delivery', code: 'order.delivery.not_offered' });
  if (delivery === 'local_delivery' && villageCode && !issues.some((i) => i.path === 'villageCode')) {
    const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
    if (Region.locationIssues(regency, villageCode.slice(0, 8), villageCode).length)
      issues.push({ path: 'villageCode', code: 'order.village.required' });
  }
  if (issues.length || !input) throw new ValidationError(issues);

  const qty = new Map<string, number>();
  for (const l of input.lines) qty.set(l.productId, (qty.get(l.productId) ?? 0) + l.qty);
  const products = await productsOf(ctx.db, shop.id, [...qty.keys()]);
  const items: OrderLine[] = [];
  for (const [productId, n] of qty) {
    const p = products.get(productId);
    // Hidden by its seller, or by an officer (with its shop or on its own): not for sale.
    if (!p || p.status === 'hidden' || hiddenByOfficer(shop, p))
      throw new DomainError('conflict', 'order.product.unavailable');
    if (p.status === 'sold_out' || (!p.madeToOrder && (p.stock ?? 0) < n)) throw soldOut(p);
    items.push({
      productId,
      title: p.title,
      price: p.price,
      qty: n,
      ...(p.photos?.[0] ? { photo: p.photos[0] } : {}),
      reserved: !p.madeToOrder,
    });
  }
  const now = new Date(nowOf(ctx)).toISOString();
  const status = firstStatus(input.payment);
  const expiresAt = status === 'awaiting_payment' ? new Date(nowOf(ctx) + PAY_WITHIN_MS).toISOString() : undefined;
  const base = {
    shopId: shop.id,
    shopHandle: shop.handle,
    shopName: shop.name,
    buyerId: me.userId,
    buyerName: input.buyerName,
    buyerPhone: input.buyerPhone,
    delivery: input.delivery,
    ...(input.delivery !== 'pickup' && input.address ? { address: input.address } : {}),
    ...(input.delivery === 'local_delivery' && input.villageCode ? { villageCode: input.villageCode } : {}),
    ...(input.note ? { note: input.note } : {}),
    payment: input.payment,
    items,
    total: items.reduce((sum, l) => sum + l.price * l.qty, 0),
    status,
    history: [{ status, at: now, by: me.userId }],
    ...(expiresAt ? { expiresAt } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const { Order: OrderEntity, Cart } = orderEntities(ctx.db);
  const { Product: ProductEntity } = productEntities(ctx.db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const order: Info = { ...base, code: newCode() };
    try {
      await withConflictRetry(
        () =>
          executeTransactWrite(
            OrderEntity.build(PutTransaction)
              .item({ ...order, ...(expiresAt ? expiryKeys(order.code, expiresAt) : {}) })
              .options({ condition: { attr: 'code', exists: false } }),
            ...items.map((l) =>
              ProductEntity.build(UpdateTransaction)
                .item({
                  shopId: shop.id,
                  id: l.productId,
                  ...(l.reserved ? { stock: $add(-l.qty) } : {}),
                  version: $add(1),
                } as never)
                .options({
                  condition: {
                    and: [
                      { attr: 'status', eq: 'active' },
                      // An officer's hide landing meanwhile stops the sale too.
                      { attr: 'moderation', exists: false },
                      // The price the buyer saw is the price they pay.
                      { attr: 'price', eq: l.price },
                      ...(l.reserved ? [{ attr: 'stock', gte: l.qty }] : [{ attr: 'madeToOrder', eq: true }]),
                    ],
                  } as never,
                }),
            ),
            ...(input.fromCart ? [Cart.build(DeleteTransaction).key({ userId: me.userId, shopId: shop.id })] : []),
          ),
        // Everyone after the last unit contends for one item: keep trying until the condition decides.
        { attempts: 8 },
      );
      return order;
    } catch (e) {
      if (isConditionFailure(e, 0)) continue;
      const i = items.findIndex((_l, k) => isConditionFailure(e, k + 1));
      if (i < 0) throw e;
      const line = items[i] as OrderLine;
      const now2 = (await productsOf(ctx.db, shop.id, [line.productId])).get(line.productId);
      if (now2 && now2.status === 'active' && now2.price !== line.price)
        throw new DomainError('conflict', 'order.price_changed', { params: { title: line.title } });
      throw soldOut(line);
    }
  }
  throw new Error('No free order code after 5 draws');
});

export async function getOrder(db: Db, code: string): Promise<Info> {
  const { Item } = await orderEntities(db).Order.build(GetItemCommand).key({ code }).send();
  if (!Item) throw notFound('order.not_found');
  return Item as Info;
}

export type OrderView = { order: Info; can: OrderCapabilities; role: 'owner' | 'member' | undefined };

/** An order by its code, for its buyer, its shop's members and officers; anyone else gets a 404 (it exists for them no more than a wrong code). */
export const viewOrder = fn(orderCodeSchema, async ({ code }, ctx): Promise<OrderView> => {
  const me = Account.requireSignedIn(ctx.actor);
  const order = await getOrder(ctx.db, code);
  const role = order.buyerId === me.userId ? undefined : await roleIn(ctx.db, me, order.shopId);
  const can = orderCapabilities(order, { actor: me, role });
  if (!can.view) throw notFound('order.not_found');
  return { order, can, role };
});
