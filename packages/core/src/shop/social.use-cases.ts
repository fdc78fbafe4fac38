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
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Actor } from '../kernel/actor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import * as Media from '../media/index.ts';
import { productEntities } from './product.entity.ts';
import type { Product } from './product.use-cases.ts';
import { capabilities, seesHidden } from './shop.policy.ts';
import { get, roleIn } from './shop.use-cases.ts';
import { socialEntities } from './social.entity.ts';
import { postFieldsSchema, postKeySchema, shopKeySchema, shopPageSchema } from './social.schema.ts';

/** Follows and posts (likes, comments and reports: social.comments.ts; the feed: social.feed.ts). */

export type Post = {
  shopId: string;
  id: string;
  authorId: string;
  caption: string;
  photos: string[];
  tags: { productId: string; title: string; slug: string }[];
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  createdAt: string;
};
export type Comment = {
  postId: string;
  id: string;
  shopId: string;
  authorId: string;
  authorName: string;
  text: string;
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  createdAt: string;
};
export type Counts = { products: number; posts: number; followers: number; reviews: number; rating: number };

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
  return {
    products: n(Item?.products),
    posts: n(Item?.posts),
    followers: n(Item?.followers),
    reviews: n(Item?.ratingCount),
    // One decimal, as shops show it: 4,8.
    rating: n(Item?.ratingCount) ? Math.round((n(Item?.ratingSum) / n(Item?.ratingCount)) * 10) / 10 : 0,
  };
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
export async function followedShopIds(db: Db, userId: string): Promise<string[]> {
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
export const createPost = fn(checkedInside(postFieldsSchema), async (input, ctx): Promise<Post> => {
  const shopId = String(input.shopId ?? '');
  const { me, can } = await canFor(ctx, shopId);
  if (!can.post) throw forbidden('shop.not_member');
  // The caption, photos and the tagged products, checked together: every problem in one answer.
  const { data, issues } = check(postFieldsSchema, input);
  const tags = validField(postFieldsSchema, input, 'tags') ?? [];
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
  if (tagged.some((p) => !p || p.status === 'hidden')) issues.push({ path: 'tags', code: 'post.tags.unknown' });
  if (issues.length || !data) throw new ValidationError(issues);
  const { caption, photos } = data;
  await Media.requireReady(ctx, me.userId, photos);
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
  let items = (out.Items ?? []) as Post[];
  // Posts an officer hid: only the shop's members and officers still see them (the role read only when needed).
  if (items.some((p) => p.moderation) && !seesHidden(ctx.actor, await roleIn(ctx.db, ctx.actor, shopId)))
    items = items.filter((p) => !p.moderation);
  return { items, ...(next ? { cursor: next } : {}) };
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
  if (post.moderation && !seesHidden(ctx.actor, await roleIn(ctx.db, ctx.actor, shopId)))
    throw notFound('moderation.unavailable');
  return { post, likes: n(counts?.likes), comments: n(counts?.comments), liked: Boolean(ctx.actor && like) };
}
