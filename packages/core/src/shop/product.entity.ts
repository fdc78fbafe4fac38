import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { CATEGORIES } from './shop.entity.ts';

/**
 * A shop's products (docs/data-model.md, "Product").
 *   Product   pk = SHOP#<shopId>   sk = PRODUCT#<productId>   (a shop's products, newest first: ids sort by time)
 *            gsi2pk = FEED#<shopId>  gsi2sk = <createdAt>#PRODUCT#<id>   (the feed, with the shop's posts)
 * The page `/@<handle>/<slug>-<id>` resolves the handle to the shop, then GetItem.
 */
export const MAX_PHOTOS = 5;
export const PRODUCT_STATUSES = ['active', 'hidden', 'sold_out'] as const;

const build = (table: BursaTable) => ({
  Product: new Entity({
    name: 'Product',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      id: string().key(),
      title: string(),
      slug: string(),
      description: string(),
      /** Whole rupiah. */
      price: number(),
      /** Units in stock; absent when made to order. */
      stock: number().optional(),
      madeToOrder: boolean(),
      category: string().enum(...CATEGORIES),
      status: string().enum(...PRODUCT_STATUSES),
      /** Image ids (media.images.ts), the first is the cover; at most MAX_PHOTOS. */
      photos: list(string()).optional(),
      /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
      moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
    }).and((s) => ({
      // The feed reads a shop's posts and products by time in one Query (social.entity.ts).
      gsi2pk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `FEED#${shopId}`),
      gsi2sk: string()
        .hidden()
        .link<typeof s>(({ createdAt, id }) => `${createdAt}#PRODUCT#${id}`),
    })),
    computeKey: ({ shopId, id }) => ({ pk: `SHOP#${shopId}`, sk: `PRODUCT#${id}` }),
  }),
});

export const productEntities = (db: Db) => bindEntities(db, build);
