import { $add, $remove, $set, GetItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { notFound } from '../kernel/errors.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { productEntities } from './product.entity.ts';
import { shopEntities } from './shop.entity.ts';
import { socialEntities } from './social.entity.ts';
import type { Comment } from './social.use-cases.ts';

/**
 * What the office's moderation (packages/core/src/moderation) needs of shops,
 * products, posts and comments: each hide (or, with `undefined`, restore) as a
 * transaction item the officer's decision writes beside its report case and
 * audit entry. The flag is separate from a seller's own "hidden" status, so
 * the seller can neither see it as theirs nor undo it. Versioned items get a
 * new version, so an edit in flight gets a 409 rather than undoing the hide.
 */
export type Hidden = { hiddenAt: string; reason: string; by: string };

// $set: the whole map, not a merge into one that may not exist yet.
const flag = (hidden: Hidden | undefined) => (hidden ? $set(hidden) : $remove());
const mustExist = { condition: { attr: 'id', exists: true } } as const;

export function moderateShop(db: Db, shopId: string, hidden: Hidden | undefined) {
  return shopEntities(db)
    .Shop.build(UpdateTransaction)
    .item({ id: shopId, moderation: flag(hidden), version: $add(1) } as never)
    .options(mustExist);
}

export function moderateProduct(db: Db, shopId: string, id: string, hidden: Hidden | undefined) {
  return productEntities(db)
    .Product.build(UpdateTransaction)
    .item({ shopId, id, moderation: flag(hidden), version: $add(1) } as never)
    .options(mustExist);
}

export function moderatePost(db: Db, shopId: string, id: string, hidden: Hidden | undefined) {
  return socialEntities(db)
    .Post.build(UpdateTransaction)
    .item({ shopId, id, moderation: flag(hidden) } as never)
    .options(mustExist);
}

export function moderateComment(db: Db, postId: string, id: string, hidden: Hidden | undefined) {
  return socialEntities(db)
    .Comment.build(UpdateTransaction)
    .item({ postId, id, moderation: flag(hidden) } as never)
    .options(mustExist);
}

/** One comment (GetItem), or 404 comment.not_found; `shopId` must be the post's shop. */
export async function getComment(db: Db, shopId: string, postId: string, commentId: string): Promise<Comment> {
  if (!ID_PATTERN.test(commentId) || !ID_PATTERN.test(postId)) throw notFound('comment.not_found');
  const { Item } = await socialEntities(db).Comment.build(GetItemCommand).key({ postId, id: commentId }).send();
  if (!Item || Item.shopId !== shopId) throw notFound('comment.not_found');
  return Item as Comment;
}

/** Hidden from the public: the item itself, or the shop it belongs to. */
export const isHidden = (...items: ({ moderation?: Hidden } | undefined)[]) =>
  items.some((i) => Boolean(i?.moderation));
