import * as Shop from '@bursa/core/shop';
import { entityOf, type Projection } from './projection.ts';

/**
 * Follows, posts, products, likes, comments and reviews → the counters shown next to
 * them (a shop's products, posts and followers; a post's likes and comments).
 * Idempotent: each stream record is counted once (a marker in the same transaction).
 */
export const shopCounts: Projection = {
  name: 'shop-counts',
  entities: ['Follow', 'Post', 'Product', 'Like', 'Comment', 'Review'],
  async apply({ db }, change) {
    await Shop.countChange(db, change.sequenceNumber, entityOf(change), change.oldImage, change.newImage);
  },
};
