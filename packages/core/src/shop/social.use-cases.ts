import {
  BatchGetCommand,
  BatchGetRequest,
  DeleteItemCommand,
  executeBatchGet,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from 'dynamodb-toolbox';
import { z } from 'zod';
import { Account } from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Actor } from '../kernel/actor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { DomainError, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { optionalField } from '../kernel/validation.ts';
import { Media } from '../media/index.ts';
import { productEntities } from './product.entity.ts';
import type { Product } from './product.use-cases.ts';
import { shopEntities } from './shop.entity.ts';
import { capabilities } from './shop.policy.ts';
import { get, roleIn, type Info as ShopInfo } from './shop.use-cases.ts';
import { REPORT_REASONS, socialEntities } from './social.entity.ts';
import {
  commentFieldsSchema,
  commentKeySchema,
  pageSchema,
  postFieldsSchema,
  postKeySchema,
  postPageSchema,
  shopKeySchema,
  shopPageSchema,
} from './social.schema.ts';

export type Post = {
  shopId: string;
  id: string;
  authorId: string;
  caption: string;
  photos: string[];
  tags: { productId: string; title: string; slug: string }[];
  createdAt: string;
};
export type Comment = {
  postId: string;
  id: string;
  shopId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
};
export type Counts = { products: number; posts: number; followers: number };

const n = (v: unknown) => Math.max(0, Number(v ?? 0) || 0);

async function canFor(ctx: Ctx, shopId: string) {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  return { me, shop, can: capabilities(shop, { actor: me, role }) };
}

// --- counts (kept by the shop-counts stream projection) -----------------------------------

/** A shop's products, posts and followers: one GetItem on the counter the stream keeps. */
export async function countsOf(db: Db, shopId: string): Promise<Counts> {
  const { Item } = await socialEntities(db).ShopCounts.build(GetItemCommand).key({ shopId }).send();
  return { products: n(Item?.products), posts: n(Item?.posts), followers: n(Item?.followers) };
}

// --- follows ------------------------------------------------------------------------------

/** Whether the asker follows the shop (one GetItem; false for anonymous visitors). */
export async function isFollowing(db: Db, actor: Actor | undefined, shopId: string): Promise<boolean> {
  if (!actor || !ID_PATTERN.test(shopId)) return false;
  const { Item } = await socialEntities(db).Follow.build(GetItemCommand).key({ userId: actor.userId, shopId }).send();
  return Boolean(Item);
}

/**
 * Follow a shop. Conditional: a second click (or fifty at once) adds no
 * second follow, and only a new follow reaches the stream, so the follower
 * count the projection keeps stays exact. A shop's own members do not follow it.
 */
export const follow = fn(shopKeySchema, async ({ shopId }, ctx): Promise<{ following: true }> => {
  const { me, can } = await canFor(ctx, shopId);
  if (!can.follow) throw forbidden('shop.follow_own');
  try {
    await socialEntities(ctx.db)
      .Follow.build(PutItemCommand)
      .item({ userId: me.userId, shopId, createdAt: new Date(nowOf(ctx)).toISOString() })
      .options({ condition: { attr: 'userId', exists: false } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return { following: true };
});

/** Unfollow: deleting a follow that is not there changes nothing (and reaches no stream). */
export const unfollow = fn(shopKeySchema, async ({ shopId }, ctx): Promise<{ following: false }> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(shopId)) throw notFound('shop.not_found');
  await socialEntities(ctx.db).Follow.build(DeleteItemCommand).key({ userId: me.userId, shopId }).send();
  return { following: false };
});

/** The shops someone follows (the feed reads at most FEED_SHOPS of them). */
export const FEED_SHOPS = 60;
async function followedShopIds(db: Db, userId: string): Promise<string[]> {
  const { Items = [] } = await db.table
    .build(QueryCommand)
    .entities(socialEntities(db).Follow)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'FOLLOWS#' } })
    .options({ limit: FEED_SHOPS })
    .send();
  return Items.map((f) => f.shopId);
}

// --- posts --------------------------------------------------------------------------------

/**
 * A member posts 1–5 of their processed photos with a caption (≤ 2,200
 * characters) and up to 5 of the shop's products tagged (a copy of each tag's
 * title and slug travels with the post, so it renders in one read).
 */
export const createPost = fn(postFieldsSchema, async ({ shopId, caption, photos, tags }, ctx): Promise<Post> => {
  const { me, can } = await canFor(ctx, shopId);
  if (!can.post) throw forbidden('shop.not_member');
  await Media.requireReady(ctx, me.userId, photos);
  const { Product } = productEntities(ctx.db);
  const tagged = tags.length
    ? (((
        await executeBatchGet(
          ctx.db.table
            .build(BatchGetCommand)
            .requests(
              ...tags.map((id) => Product.build(BatchGetRequest).key({ shopId, id: ID_PATTERN.test(id) ? id : '-' })),
            ),
        )
      ).Responses?.[0] ?? []) as (Product | undefined)[])
    : [];
  if (tagged.some((p) => !p || p.status === 'hidden')) {
    throw new ValidationError([{ path: 'tags', code: 'post.tags.unknown' }]);
  }
  const post: Post = {
    shopId,
    id: newId(nowOf(ctx)),
    authorId: me.userId,
    caption,
    photos,
    tags: (tagged as Product[]).map((p) => ({ productId: p.id, title: p.title, slug: p.slug })),
    createdAt: new Date(nowOf(ctx)).toISOString(),
  };
  await socialEntities(ctx.db)
    .Post.build(PutItemCommand)
    .item(post)
    .options({ condition: { attr: 'id', exists: false } })
    .send();
  return post;
});

export async function getPost(db: Db, shopId: string, postId: string): Promise<Post> {
  if (!ID_PATTERN.test(shopId) || !ID_PATTERN.test(postId)) throw notFound('post.not_found');
  const { Item } = await socialEntities(db).Post.build(GetItemCommand).key({ shopId, id: postId }).send();
  if (!Item) throw notFound('post.not_found');
  return Item as Post;
}

/** A member deletes a post (its likes and comments stay unreachable and are not counted again). */
export const deletePost = fn(postKeySchema, async ({ shopId, postId }, ctx): Promise<void> => {
  const { can } = await canFor(ctx, shopId);
  if (!can.post) throw forbidden('shop.not_member');
  await socialEntities(ctx.db).Post.build(DeleteItemCommand).key({ shopId, id: postId }).send();
});

/** A shop's posts, newest first, one page of 12. */
export const postsOf = fn(shopPageSchema, async ({ shopId, cursor }, ctx): Promise<Page<Post>> => {
  const partition = `SHOP#${shopId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(socialEntities(ctx.db).Post)
    .query({ partition, range: { beginsWith: 'POST#' } })
    .options({
      reverse: true,
      limit: 12,
      ...(cursor
        ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition && k.sk?.startsWith('POST#') === true) }
        : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Post[], ...(next ? { cursor: next } : {}) };
});

export type PostView = { post: Post; likes: number; comments: number; liked: boolean };

/** A post with its counts and whether the asker liked it: one BatchGetItem. */
export async function postView(ctx: Ctx, shopId: string, postId: string): Promise<PostView> {
  if (!ID_PATTERN.test(shopId) || !ID_PATTERN.test(postId)) throw notFound('post.not_found');
  const { Post, PostCounts, Like } = socialEntities(ctx.db);
  const out = await executeBatchGet(
    ctx.db.table
      .build(BatchGetCommand)
      .requests(
        Post.build(BatchGetRequest).key({ shopId, id: postId }),
        PostCounts.build(BatchGetRequest).key({ postId }),
        Like.build(BatchGetRequest).key({ postId, userId: ctx.actor?.userId ?? '-' }),
      ),
  );
  const [post, counts, like] = (out.Responses?.[0] ?? []) as [
    Post | undefined,
    { likes?: number; comments?: number } | undefined,
    unknown,
  ];
  if (!post) throw notFound('post.not_found');
  return { post, likes: n(counts?.likes), comments: n(counts?.comments), liked: Boolean(ctx.actor && like) };
}

// --- likes and comments -------------------------------------------------------------------

/** Like a post: one per person (a conditional put), so the count the projection keeps is exact. */
export const like = fn(postKeySchema, async ({ shopId, postId }, ctx): Promise<{ liked: true }> => {
  const me = Account.requireSignedIn(ctx.actor);
  await getPost(ctx.db, shopId, postId);
  try {
    await socialEntities(ctx.db)
      .Like.build(PutItemCommand)
      .item({ postId, userId: me.userId, shopId, createdAt: new Date(nowOf(ctx)).toISOString() })
      .options({ condition: { attr: 'userId', exists: false } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return { liked: true };
});

export const unlike = fn(postKeySchema, async ({ postId }, ctx): Promise<{ liked: false }> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(postId)) throw notFound('post.not_found');
  await socialEntities(ctx.db).Like.build(DeleteItemCommand).key({ postId, userId: me.userId }).send();
  return { liked: false };
});

/** Anyone signed in comments (≤ 500 characters). */
export const comment = fn(commentFieldsSchema, async ({ shopId, postId, text }, ctx): Promise<Comment> => {
  const me = Account.requireSignedIn(ctx.actor);
  await getPost(ctx.db, shopId, postId);
  const c: Comment = {
    postId,
    id: newId(nowOf(ctx)),
    shopId,
    authorId: me.userId,
    authorName: me.name,
    text,
    createdAt: new Date(nowOf(ctx)).toISOString(),
  };
  await socialEntities(ctx.db).Comment.build(PutItemCommand).item(c).send();
  return c;
});

/** The comment's author, or a member of the shop, deletes it. */
export const deleteComment = fn(commentKeySchema, async ({ shopId, postId, commentId }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(commentId) || !ID_PATTERN.test(postId)) throw notFound('comment.not_found');
  const { Comment } = socialEntities(ctx.db);
  const { Item } = await Comment.build(GetItemCommand).key({ postId, id: commentId }).send();
  if (!Item || Item.shopId !== shopId) throw notFound('comment.not_found');
  if (Item.authorId !== me.userId) {
    const role = await roleIn(ctx.db, me, shopId);
    if (!role) throw forbidden('comment.not_yours');
  }
  await Comment.build(DeleteItemCommand).key({ postId, id: commentId }).send();
});

/** A post's comments, oldest first, one page of 20. */
export const commentsOf = fn(postPageSchema, async ({ postId, cursor }, ctx): Promise<Page<Comment>> => {
  const partition = `POST#${postId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(socialEntities(ctx.db).Comment)
    .query({ partition, range: { beginsWith: 'COMMENT#' } })
    .options({
      limit: 20,
      ...(cursor
        ? {
            exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition && k.sk?.startsWith('COMMENT#') === true),
          }
        : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Comment[], ...(next ? { cursor: next } : {}) };
});

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
        .options({ reverse: true, limit: FEED_PAGE, filters: { Product: { attr: 'status', ne: 'hidden' } } })
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
    if (!shop) return [];
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

const reportSchema = commentKeySchema.extend({
  reason: z.enum(REPORT_REASONS, 'report.reason'),
  note: optionalField(z.string().trim().max(500, 'report.note')),
});

/**
 * Anyone signed in reports a comment (scam, inappropriate, false, other) with
 * an optional note: one report per person per comment (reporting again
 * changes nothing). Officers work the reports with the office's moderation
 * queue (issue 13); until then they are stored, keyed by what they are about.
 */
export const reportComment = fn(
  reportSchema,
  async ({ shopId, postId, commentId, reason, note }, ctx): Promise<void> => {
    const me = Account.requireSignedIn(ctx.actor);
    if (!ID_PATTERN.test(commentId) || !ID_PATTERN.test(postId)) throw notFound('comment.not_found');
    const { Comment, Report } = socialEntities(ctx.db);
    const { Item } = await Comment.build(GetItemCommand).key({ postId, id: commentId }).send();
    if (!Item || Item.shopId !== shopId) throw notFound('comment.not_found');
    try {
      await Report.build(PutItemCommand)
        .item({
          kind: 'comment',
          targetId: commentId,
          userId: me.userId,
          shopId,
          postId,
          reason,
          ...(note ? { note } : {}),
          createdAt: new Date(nowOf(ctx)).toISOString(),
        })
        .options({ condition: { attr: 'userId', exists: false } })
        .send();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  },
);
