import {
  BatchGetCommand,
  BatchGetRequest,
  DeleteItemCommand,
  executeBatchGet,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { DomainError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import { productEntities } from '../shop/product.entity.ts';
import { getProduct, type Product } from '../shop/product.use-cases.ts';
import { get as getShop, type Info as ShopInfo } from '../shop/shop.use-cases.ts';
import { MAX_LINES, MAX_QTY, orderEntities } from './order.entity.ts';
import { cartChangeSchema } from './order.schema.ts';

export type CartLine = { productId: string; qty: number; title: string; price: number; photo?: string };
export type Cart = {
  userId: string;
  shopId: string;
  shopName: string;
  shopHandle: string;
  lines: CartLine[];
  updatedAt: string;
};

/**
 * A cart per shop (one shop per checkout, as sellers ship separately): adds a
 * product, or sets its quantity (0 removes it; the last line removed deletes
 * the cart). Three GetItems (product, shop, cart) and a write.
 */
export const changeCart = fn(
  cartChangeSchema,
  async ({ shopId, productId, qty, mode }, ctx): Promise<Cart | undefined> => {
    const me = Account.requireSignedIn(ctx.actor);
    const [product, shop] = await Promise.all([getProduct(ctx, shopId, productId), getShop(ctx.db, shopId)]);
    if (product.status !== 'active' && qty > 0) throw new DomainError('conflict', 'order.product.unavailable');
    const { Cart: CartEntity } = orderEntities(ctx.db);
    const { Item } = await CartEntity.build(GetItemCommand).key({ userId: me.userId, shopId }).send();
    const lines = [...((Item?.lines ?? []) as CartLine[])];
    const at = lines.findIndex((l) => l.productId === productId);
    const next = Math.min(MAX_QTY, mode === 'add' ? (lines[at]?.qty ?? 0) + qty : qty);
    if (at >= 0) lines.splice(at, 1);
    if (next > 0)
      lines.push({
        productId,
        qty: next,
        title: product.title,
        price: product.price,
        ...(product.photos?.[0] ? { photo: product.photos[0] } : {}),
      });
    if (lines.length > MAX_LINES) throw new DomainError('validation', 'order.too_many_lines');
    if (lines.length === 0) {
      await CartEntity.build(DeleteItemCommand).key({ userId: me.userId, shopId }).send();
      return undefined;
    }
    const cart: Cart = {
      userId: me.userId,
      shopId,
      shopName: shop.name,
      shopHandle: shop.handle,
      lines,
      updatedAt: new Date(nowOf(ctx)).toISOString(),
    };
    await CartEntity.build(PutItemCommand).item(cart).send();
    return cart;
  },
);

/** The signed-in person's carts (one per shop, with what was added as it was then), most recent first; one Query, at most 20 shops. */
export const myCarts = fn(z.optional(z.object({})), async (_input, ctx): Promise<Cart[]> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(orderEntities(ctx.db).Cart)
    .query({ partition: `USER#${me.userId}`, range: { beginsWith: 'CART#' } })
    .options({ limit: 20 })
    .send();
  return (Items as Cart[]).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
});

export type CartView = {
  shop: ShopInfo;
  lines: { product: Product; qty: number; available: boolean }[];
  total: number;
};

/** One cart with its shop and products as they are now (price and stock): three reads whatever the cart's size. */
export const cartOf = fn(z.object({ shopId: z.string() }), async ({ shopId }, ctx): Promise<CartView | undefined> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Item } = await orderEntities(ctx.db).Cart.build(GetItemCommand).key({ userId: me.userId, shopId }).send();
  if (!Item?.lines.length) return undefined;
  const { Product: ProductEntity } = productEntities(ctx.db);
  const [shop, out] = await Promise.all([
    getShop(ctx.db, shopId),
    executeBatchGet(
      ctx.db.table
        .build(BatchGetCommand)
        .requests(...Item.lines.map((l) => ProductEntity.build(BatchGetRequest).key({ shopId, id: l.productId }))),
    ),
  ]);
  const products = (out.Responses?.[0] ?? []) as (Product | undefined)[];
  const lines = Item.lines.flatMap((l, i) => {
    const product = products[i];
    if (!product || product.status === 'hidden') return [];
    const available = product.status === 'active' && (product.madeToOrder || (product.stock ?? 0) >= l.qty);
    return [{ product, qty: l.qty, available }];
  });
  return { shop, lines, total: lines.reduce((s, l) => s + (l.available ? l.product.price * l.qty : 0), 0) };
});
