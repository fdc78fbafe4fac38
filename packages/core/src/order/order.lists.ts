import { QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { roleIn } from '../shop/shop.use-cases.ts';
import { orderEntities } from './order.entity.ts';
import { listSchema, shopListSchema } from './order.schema.ts';
import type { Info } from './order.use-cases.ts';

/** Lists of orders: a buyer's (gsi1) and a shop's (gsi2), newest first, a page at a time. */

async function pageOf(
  ctx: Ctx,
  index: 'gsi1' | 'gsi2',
  partition: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<Info>> {
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(orderEntities(ctx.db).Order)
    .query({ index, partition })
    .options({
      reverse: true,
      limit,
      ...(cursor
        ? {
            exclusiveStartKey: decodeCursor(
              cursor,
              (k) => k[`${index}pk`] === partition && k.pk?.startsWith('ORDER#') === true,
            ),
          }
        : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Info[], ...(next ? { cursor: next } : {}) };
}

/** The signed-in person's orders, newest first, one page. */
export const myOrders = fn(listSchema, async ({ cursor, limit }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  return pageOf(ctx, 'gsi1', `BUYER#${me.userId}`, cursor, limit);
});

/** A shop's orders, newest first, one page: its members (and officers) only. */
export const shopOrders = fn(shopListSchema, async ({ shopId, cursor, limit }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  const role = await roleIn(ctx.db, me, shopId);
  if (!role && !Account.isOfficer(me)) throw forbidden('shop.not_member');
  return pageOf(ctx, 'gsi2', `SHOPORDERS#${shopId}`, cursor, limit);
});
