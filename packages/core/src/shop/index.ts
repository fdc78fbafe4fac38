/** Sellers' storefronts. Import as `import * as Shop from '@bursa/core/shop'`. */

export * from './group.use-cases.ts';
export * from './market.lists.ts';
export * from './market.ts';
export { PRODUCT_STATUSES } from './product.entity.ts';
export type { ProductFields } from './product.schema.ts';
export * from './product.use-cases.ts';
export * from './shop.badge.ts';
export { grantBadgeTransaction, shopsOwnedBy } from './shop.badge-grant.ts';
export { countChange, countDelta } from './shop.counts.ts';
export { CATEGORIES, DELIVERY, MAX_MEMBERS, SHOP_KINDS } from './shop.entity.ts';
export * as messages from './shop.messages.ts';
export * as Moderation from './shop.moderation.ts';
export {
  canDeleteComment,
  canOpen,
  canReviewBadges,
  capabilities,
  type ShopCapabilities,
  type ShopViewer,
} from './shop.policy.ts';
export * from './shop.reads.ts';
export { handleSchema, RESERVED_HANDLES, type ShopFields } from './shop.schema.ts';
export * from './shop.use-cases.ts';
export * from './social.comments.ts';
export { CAPTION_MAX, COMMENT_MAX, REPORT_REASONS } from './social.entity.ts';
export * from './social.feed.ts';
export type { PostFields } from './social.schema.ts';
export * from './social.use-cases.ts';
