import { BatchGetCommand, BatchGetRequest, executeBatchGet, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import type { Page } from '../db/cursor.ts';
import { DomainError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { productEntities } from './product.entity.ts';
import type { Product } from './product.use-cases.ts';
import { shopEntities } from './shop.entity.ts';
import type { Info as ShopInfo } from './shop.use-cases.ts';
import { socialEntities } from './social.entity.ts';
import { pageSchema } from './social.schema.ts';
import { followedShopIds, type Post } from './social.use-cases.ts';

// --- the feed -----------------------------------------------------------------------------

export type FeedItem =
  | { kind: 'post'; at: string; shop: ShopInfo; post: Post }
  | { kind: 'product'; at: string; shop: ShopInfo; product: Product };

export const FEED_PAGE = 20;

/**
 * `/beranda`: the newest posts and products of the shops the person follows,
 * assembled on read. One Query for the follows, one per followed shop on its
 * feed index (in parallel, each at most a page, before the cursor's time),
 * one BatchGetItem for the shops; merged by time. Fan-out on read suits a
 * city: people follow tens of shops, and nothing is written per follower.
 * `following: 0` means the page should suggest shops instead.
 */
export const feed = fn(pageSchema, async ({ cursor }, ctx): Promise<Page<FeedItem> & { following: number }> => {
  const me = Account.requireSignedIn(ctx.actor);
  const before = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
  if (before !== undefined && !/^\d{4}-\d\d-\d\dT[\d:.]+Z#(POST|PRODUCT)#[0-9a-z]{20}$/.test(before)) {
    throw new DomainError('validation', 'request.invalid_cursor');
  }
  const shopIds = await followedShopIds(ctx.db, me.userId);
  if (!shopIds.length) return { items: [], following: 0 };
  const { Post } = socialEntities(ctx.db);
  const { Product } = productEntities(ctx.db);
  const perShop = await Promise.all(
    shopIds.map((shopId) =>
      ctx.db.table
        .build(QueryCommand)
        .entities(Post, Product)
        .query({ index: 'gsi2', partition: `FEED#${shopId}`, ...(before ? { range: { lt: before } } : {}) })
        .options({
          reverse: true,
          limit: FEED_PAGE,
          // Nothing hidden: by its seller, or by an officer (moderation/).
          filters: {
            Product: {
              and: [
                { attr: 'status', ne: 'hidden' },
                { attr: 'moderation', exists: false },
              ],
            },
            Post: { attr: 'moderation', exists: false },
          },
        })
        .send()
        .then((out) => out.Items ?? []),
    ),
  );
  const keyOf = (x: { createdAt: string; id: string; entity?: string }, kind: 'POST' | 'PRODUCT') =>
    `${x.createdAt}#${kind}#${x.id}`;
  const merged = perShop
    .flat()
    .map((x) => {
      const kind = 'caption' in x ? ('POST' as const) : ('PRODUCT' as const);
      return { key: keyOf(x as never, kind), kind, x };
    })
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .slice(0, FEED_PAGE + 1);
  const page = merged.slice(0, FEED_PAGE);
  const shops = await shopsById(ctx.db, [...new Set(page.map((m) => (m.x as { shopId: string }).shopId))]);
  const items: FeedItem[] = page.flatMap((m): FeedItem[] => {
    const shop = shops.get((m.x as { shopId: string }).shopId);
    if (!shop || shop.moderation) return [];
    const at = (m.x as { createdAt: string }).createdAt;
    return m.kind === 'POST'
      ? [{ kind: 'post', at, shop, post: m.x as unknown as Post }]
      : [{ kind: 'product', at, shop, product: m.x as unknown as Product }];
  });
  const last = page.at(-1);
  return {
    items,
    following: shopIds.length,
    ...(merged.length > FEED_PAGE && last ? { cursor: Buffer.from(last.key).toString('base64url') } : {}),
  };
});

/** Shops by id: one BatchGetItem (at most 100). */
export async function shopsById(db: Db, ids: string[]): Promise<Map<string, ShopInfo>> {
  const valid = ids.filter((id) => ID_PATTERN.test(id)).slice(0, 100);
  if (!valid.length) return new Map();
  const { Shop } = shopEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...valid.map((id) => Shop.build(BatchGetRequest).key({ id }))),
  );
  const found = (out.Responses?.[0] ?? []) as (ShopInfo | undefined)[];
  return new Map(found.filter((s): s is ShopInfo => Boolean(s)).map((s) => [s.id, s]));
}
