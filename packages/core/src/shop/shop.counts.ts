import { $add, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { countOnce } from '../db/projected.ts';
import { socialEntities } from './social.entity.ts';

type Image = Record<string, unknown> | undefined;

/** Which counter a change moves, and by how much (0: none). Products count while not hidden; a review adds its stars to the rating. */
export function countDelta(
  entity: string,
  before: Image,
  after: Image,
): { scope: 'shop' | 'post'; id: string; field: string; by: number; also?: { field: string; by: number } } | undefined {
  const present = (x: Image) => (x ? 1 : 0);
  const item = after ?? before;
  switch (entity) {
    case 'Follow':
      return { scope: 'shop', id: String(item?.shopId), field: 'followers', by: present(after) - present(before) };
    case 'Post':
      return { scope: 'shop', id: String(item?.shopId), field: 'posts', by: present(after) - present(before) };
    case 'Product': {
      const visible = (x: Image) => (x && x.status !== 'hidden' ? 1 : 0);
      return { scope: 'shop', id: String(item?.shopId), field: 'products', by: visible(after) - visible(before) };
    }
    case 'Review': {
      const stars = (x: Image) => (x ? Number(x.stars ?? 0) : 0);
      return {
        scope: 'shop',
        id: String(item?.shopId),
        field: 'ratingCount',
        by: present(after) - present(before),
        also: { field: 'ratingSum', by: stars(after) - stars(before) },
      };
    }
    case 'Like':
      return { scope: 'post', id: String(item?.postId), field: 'likes', by: present(after) - present(before) };
    case 'Comment':
      return { scope: 'post', id: String(item?.postId), field: 'comments', by: present(after) - present(before) };
    default:
      return undefined;
  }
}

/**
 * The shop-counts projection: one stream record → one increment (products,
 * posts, followers, rating on ShopCounts; likes, comments on PostCounts), counted once
 * (a marker in the same transaction). Returns whether it counted.
 */
export async function countChange(db: Db, sequenceNumber: string, entity: string, before: Image, after: Image) {
  const delta = countDelta(entity, before, after);
  if (!delta || delta.by === 0) return false;
  const { ShopCounts, PostCounts } = socialEntities(db);
  const update =
    delta.scope === 'shop'
      ? ShopCounts.build(UpdateTransaction).item({
          shopId: delta.id,
          [delta.field]: $add(delta.by),
          ...(delta.also ? { [delta.also.field]: $add(delta.also.by) } : {}),
        } as never)
      : PostCounts.build(UpdateTransaction).item({ postId: delta.id, [delta.field]: $add(delta.by) } as never);
  return countOnce(db, 'shop-counts', sequenceNumber, [update]);
}
