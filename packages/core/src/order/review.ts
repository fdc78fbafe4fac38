import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  list,
  number,
  PutTransaction,
  QueryCommand,
  string,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import { orderEntities } from './order.entity.ts';
import { replySchema, reviewSchema } from './order.schema.ts';
import { viewOrder } from './order.use-cases.ts';

/**
 * A buyer's review of a completed order, once, and the seller's reply, once.
 *   Review  pk = SHOP#<shopId>  sk = REVIEW#<createdAt>#<code>   (reviewsOf, newest first)
 * The shop's rating (count and stars added up) is kept on ShopCounts by the
 * shop-counts projection from the stream.
 */
const build = (table: BursaTable) => ({
  Review: new Entity({
    name: 'Review',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      key: string().key(),
      code: string(),
      buyerName: string(),
      stars: number(),
      text: string(),
      /** What was bought (titles), so the review reads in context. */
      items: list(string()),
      /** A photo of what arrived (a public Image the buyer uploaded). */
      photo: string().optional(),
      reply: string().optional(),
      repliedAt: string().optional(),
      createdAt: string(),
    }),
    computeKey: ({ shopId, key }) => ({ pk: `SHOP#${shopId}`, sk: key }),
  }),
});
export const reviewEntities = (db: Db) => bindEntities(db, build);

export type Review = {
  shopId: string;
  key: string;
  code: string;
  buyerName: string;
  stars: number;
  text: string;
  items: string[];
  photo?: string;
  reply?: string;
  repliedAt?: string;
  createdAt: string;
};

/** The buyer reviews a completed order: the order's `reviewKey` is set on the condition it was not, so twice is a 409. */
export const reviewOrder = fn(reviewSchema, async ({ code, stars, text, photo }, ctx): Promise<Review> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { order, can } = await viewOrder(ctx, { code });
  if (!can.review) throw order.reviewKey ? conflict('review.once') : forbidden('order.not_allowed');
  if (photo) await Media.requireReady(ctx, me.userId, [photo]);
  const createdAt = new Date(nowOf(ctx)).toISOString();
  const review: Review = {
    shopId: order.shopId,
    key: `REVIEW#${createdAt}#${code}`,
    code,
    // First name only: reviews are public.
    buyerName: (order.buyerName.split(/\s+/)[0] ?? order.buyerName).slice(0, 40),
    stars,
    text,
    items: order.items.map((l) => l.title),
    ...(photo ? { photo } : {}),
    createdAt,
  };
  try {
    await executeTransactWrite(
      orderEntities(ctx.db)
        .Order.build(UpdateTransaction)
        .item({ code, reviewKey: review.key } as never)
        .options({
          condition: {
            and: [
              { attr: 'status', eq: 'completed' },
              { attr: 'buyerId', eq: me.userId },
              { attr: 'reviewKey', exists: false },
            ],
          },
        }),
      reviewEntities(ctx.db).Review.build(PutTransaction).item(review),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('review.once');
    throw e;
  }
  return review;
});

/** The seller replies to the review of one of the shop's orders, once. */
export const replyToReview = fn(replySchema, async ({ code, text }, ctx): Promise<void> => {
  const { order, can } = await viewOrder(ctx, { code });
  if (!can.reply || !order.reviewKey) throw forbidden('order.not_allowed');
  try {
    await reviewEntities(ctx.db)
      .Review.build(UpdateItemCommand)
      .item({
        shopId: order.shopId,
        key: order.reviewKey,
        reply: text,
        repliedAt: new Date(nowOf(ctx)).toISOString(),
      } as never)
      .options({
        condition: {
          and: [
            { attr: 'code', eq: code },
            { attr: 'reply', exists: false },
          ],
        },
      })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('review.reply.once');
    throw e;
  }
});

/** A shop's reviews, newest first, one page (public). */
export const reviewsOf = fn(
  z.object({
    shopId: z.string(),
    cursor: z.optional(z.string().check(z.maxLength(400))),
    limit: z._default(z.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 10),
  }),
  async ({ shopId, cursor, limit }, ctx): Promise<Page<Review>> => {
    const partition = `SHOP#${shopId}`;
    const out = await ctx.db.table
      .build(QueryCommand)
      .entities(reviewEntities(ctx.db).Review)
      .query({ partition, range: { beginsWith: 'REVIEW#' } })
      .options({
        reverse: true,
        limit,
        ...(cursor
          ? {
              exclusiveStartKey: decodeCursor(
                cursor,
                (k) => k.pk === partition && k.sk?.startsWith('REVIEW#') === true,
              ),
            }
          : {}),
      })
      .send();
    const next = encodeCursor(out.LastEvaluatedKey);
    return { items: (out.Items ?? []) as Review[], ...(next ? { cursor: next } : {}) };
  },
);

/** The review of one order (the order page): one GetItem by the key the order keeps. */
export async function reviewOf(db: Db, order: { shopId: string; reviewKey?: string }): Promise<Review | undefined> {
  if (!order.reviewKey) return undefined;
  const { Item } = await reviewEntities(db)
    .Review.build(GetItemCommand)
    .key({ shopId: order.shopId, key: order.reviewKey })
    .send();
  return Item as Review | undefined;
}
