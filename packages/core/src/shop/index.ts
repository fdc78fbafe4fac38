/** Sellers' storefronts. Import as `import { Shop } from '@bursa/core/shop'`. */

export * as Shop from './index.ts';
export { PRODUCT_STATUSES } from './product.entity.ts';
export type { ProductFields } from './product.schema.ts';
export * from './product.use-cases.ts';
export { CATEGORIES, DELIVERY, SHOP_KINDS } from './shop.entity.ts';
export * as messages from './shop.messages.ts';
export { canOpen, capabilities, type ShopCapabilities, type ShopViewer } from './shop.policy.ts';
export { handleSchema, RESERVED_HANDLES, type ShopFields } from './shop.schema.ts';
export * from './shop.use-cases.ts';
