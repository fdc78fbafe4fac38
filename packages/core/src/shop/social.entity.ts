import { Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * The social side of a shop (docs/data-model.md, "Follow, Post, Like, Comment, ShopCounts").
 *   Follow      pk = USER#<userId>   sk = FOLLOWS#<shopId>          (followsOf: the feed's shops; isFollowing)
 *               gsi1pk = SHOP#<shopId>  gsi1sk = FOLLOWER#<userId>  (followersOf)
 *   Post        pk = SHOP#<shopId>   sk = POST#<postId>             (postsOf, newest first)
 *               gsi2pk = FEED#<shopId>  gsi2sk = <createdAt>#POST#<postId>  (the feed: a shop's posts and products by time)
 *   Like        pk = POST#<postId>   sk = LIKE#<userId>             (one per person; hasLiked)
 *   Comment     pk = POST#<postId>   sk = COMMENT#<commentId>       (commentsOf, oldest first)
 *   ShopCounts  pk = SHOP#<shopId>   sk = COUNTS                    (products, posts, followers: the shop-counts projection)
 *   PostCounts  pk = POST#<postId>   sk = COUNTS                    (likes, comments: the same projection)
 *   Report      pk = REPORT#<kind>#<id>  sk = BY#<userId>           (one per person per thing; the office's queue comes with issue 13)
 */
export const REPORT_REASONS = ['scam', 'inappropriate', 'false_info', 'other'] as const;
export const CAPTION_MAX = 2200;
export const COMMENT_MAX = 500;

const build = (table: BursaTable) => ({
  Follow: new Entity({
    name: 'Follow',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      shopId: string().key(),
      createdAt: string(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `SHOP#${shopId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ userId }) => `FOLLOWER#${userId}`),
    })),
    computeKey: ({ userId, shopId }) => ({ pk: `USER#${userId}`, sk: `FOLLOWS#${shopId}` }),
  }),
  Post: new Entity({
    name: 'Post',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      id: string().key(),
      authorId: string(),
      caption: string(),
      photos: list(string()),
      /** Tagged products: a copy of what the tag shows (title, path), so a post renders in one read. */
      tags: list(map({ productId: string(), title: string(), slug: string() })),
      /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
      moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
      createdAt: string(),
    }).and((s) => ({
      gsi2pk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `FEED#${shopId}`),
      gsi2sk: string()
        .hidden()
        .link<typeof s>(({ createdAt, id }) => `${createdAt}#POST#${id}`),
    })),
    computeKey: ({ shopId, id }) => ({ pk: `SHOP#${shopId}`, sk: `POST#${id}` }),
  }),
  Like: new Entity({
    name: 'Like',
    table,
    timestamps: false,
    schema: item({ postId: string().key(), userId: string().key(), shopId: string(), createdAt: string() }),
    computeKey: ({ postId, userId }) => ({ pk: `POST#${postId}`, sk: `LIKE#${userId}` }),
  }),
  Comment: new Entity({
    name: 'Comment',
    table,
    timestamps: false,
    schema: item({
      postId: string().key(),
      id: string().key(),
      shopId: string(),
      authorId: string(),
      authorName: string(),
      text: string(),
      /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
      moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
      createdAt: string(),
    }),
    computeKey: ({ postId, id }) => ({ pk: `POST#${postId}`, sk: `COMMENT#${id}` }),
  }),
  ShopCounts: new Entity({
    name: 'ShopCounts',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      products: number().optional(),
      posts: number().optional(),
      followers: number().optional(),
      /** Reviews of completed orders: how many, and their stars added up (the rating is sum / count). */
      ratingCount: number().optional(),
      ratingSum: number().optional(),
    }),
    computeKey: ({ shopId }) => ({ pk: `SHOP#${shopId}`, sk: 'COUNTS' }),
  }),
  PostCounts: new Entity({
    name: 'PostCounts',
    table,
    timestamps: false,
    schema: item({ postId: string().key(), likes: number().optional(), comments: number().optional() }),
    computeKey: ({ postId }) => ({ pk: `POST#${postId}`, sk: 'COUNTS' }),
  }),
  Report: new Entity({
    name: 'Report',
    table,
    timestamps: false,
    schema: item({
      kind: string().key(),
      targetId: string().key(),
      userId: string().key(),
      shopId: string(),
      postId: string().optional(),
      reason: string().enum(...REPORT_REASONS),
      note: string().optional(),
      createdAt: string(),
    }),
    computeKey: ({ kind, targetId, userId }) => ({ pk: `REPORT#${kind}#${targetId}`, sk: `BY#${userId}` }),
  }),
});

export const socialEntities = (db: Db) => bindEntities(db, build);
