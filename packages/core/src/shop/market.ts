import { BatchDeleteRequest, BatchPutRequest, Entity, item, number, QueryCommand, string } from 'dynamodb-toolbox';
import { writeInBatches } from '../db/batch.ts';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { productEntities } from './product.entity.ts';
import type { Product } from './product.use-cases.ts';
import type { Info as ShopInfo } from './shop.use-cases.ts';

/**
 * `/pasar`: the market's lists, kept by the market-listing stream projection
 * (docs/data-model.md, "MarketProduct and MarketShop"). Each list is one Query:
 *   MarketProduct  pk = MARKET#<regency>#<facet>  sk = <createdAt>#<productId>   (newest products)
 *   MarketShop     pk = SHOPS#<regency>#<facet>   sk = <createdAt>#<shopId>      (the shop directory)
 * where facet is `all`, `cat#<category>`, `kec#<districtCode>` or both
 * (`cat#<category>#kec#<districtCode>`), so the two filters work together. A product is
 * listed while it is not hidden (sold-out ones show, marked); each item carries
 * what its card shows, so a page needs nothing else.
 */
export type MarketProduct = {
  shopId: string;
  productId: string;
  title: string;
  slug: string;
  price: number;
  photo?: string;
  status: string;
  madeToOrder?: number;
  handle: string;
  shopName: string;
  districtCode: string;
  createdAt: string;
};
export type MarketShop = {
  shopId: string;
  handle: string;
  name: string;
  avatar?: string;
  bio?: string;
  category: string;
  districtCode: string;
  villageCode: string;
  createdAt: string;
};

const build = (table: BursaTable) => ({
  MarketProduct: new Entity({
    name: 'MarketProduct',
    table,
    timestamps: false,
    schema: item({
      facet: string().key(),
      regencyCode: string().key(),
      productId: string().key(),
      createdAt: string().key(),
      shopId: string(),
      title: string(),
      slug: string(),
      price: number(),
      photo: string().optional(),
      status: string(),
      madeToOrder: number().optional(),
      handle: string(),
      shopName: string(),
      districtCode: string(),
    }),
    computeKey: ({ facet, regencyCode, productId, createdAt }) => ({
      pk: `MARKET#${regencyCode}#${facet}`,
      sk: `${createdAt}#${productId}`,
    }),
  }),
  MarketShop: new Entity({
    name: 'MarketShop',
    table,
    timestamps: false,
    schema: item({
      facet: string().key(),
      regencyCode: string().key(),
      shopId: string().key(),
      createdAt: string().key(),
      handle: string(),
      name: string(),
      avatar: string().optional(),
      bio: string().optional(),
      category: string(),
      districtCode: string(),
      villageCode: string(),
    }),
    computeKey: ({ facet, regencyCode, shopId, createdAt }) => ({
      pk: `SHOPS#${regencyCode}#${facet}`,
      sk: `${createdAt}#${shopId}`,
    }),
  }),
});
export const marketEntities = (db: Db) => bindEntities(db, build);

const facetsOf = (category: string, districtCode: string) => [
  'all',
  `cat#${category}`,
  `kec#${districtCode}`,
  `cat#${category}#kec#${districtCode}`,
];

type Img = Record<string, unknown> | undefined;
/** Listed: not hidden by its seller, nor it or its shop by an officer (moderation flags). */
const listed = (p: Img, shop?: { moderation?: unknown }) =>
  Boolean(p && p.status !== 'hidden' && !p.moderation && !shop?.moderation);

/** What a product's card shows, with its shop's copy (handle, name, kecamatan). */
function productCard(p: Product, shop: Pick<ShopInfo, 'handle' | 'name' | 'districtCode'>) {
  return {
    shopId: p.shopId,
    productId: p.id,
    createdAt: p.createdAt,
    title: p.title,
    slug: p.slug,
    price: p.price,
    ...(p.photos?.[0] ? { photo: p.photos[0] } : {}),
    status: p.status,
    ...(p.madeToOrder ? { madeToOrder: 1 } : {}),
    handle: shop.handle,
    shopName: shop.name,
    districtCode: shop.districtCode,
  };
}
const CARD_FIELDS = ['title', 'slug', 'price', 'status', 'category', 'madeToOrder'] as const;

/**
 * A product changed: put its three items while it is listed, delete them when
 * hidden or gone (and the old category's item when it moved). Changes that no
 * card shows (stock, description) write nothing.
 */
export async function projectProduct(db: Db, before: Img, after: Img, shop: ShopInfo | undefined) {
  if (!shop) return 0;
  const { MarketProduct } = marketEntities(db);
  const b = before as Product | undefined;
  const a = after as Product | undefined;
  const oldFacets = b && listed(before, shop) ? facetsOf(b.category, shop.districtCode) : [];
  const newFacets = a && listed(after, shop) ? facetsOf(a.category, shop.districtCode) : [];
  const requests: unknown[] = oldFacets
    .filter((f) => !newFacets.includes(f))
    .map((facet) =>
      MarketProduct.build(BatchDeleteRequest).key({
        facet,
        regencyCode: shop.regencyCode,
        productId: String(b?.id),
        createdAt: String(b?.createdAt),
      }),
    );
  const unchanged =
    oldFacets.length > 0 &&
    CARD_FIELDS.every((f) => b?.[f] === a?.[f]) &&
    (b?.photos?.[0] ?? '') === (a?.photos?.[0] ?? '');
  if (a && newFacets.length && !unchanged) {
    for (const facet of newFacets) {
      requests.push(
        MarketProduct.build(BatchPutRequest).item({ facet, regencyCode: shop.regencyCode, ...productCard(a, shop) }),
      );
    }
  }
  await writeInBatches(db, requests);
  return requests.length;
}

/**
 * A shop changed: its directory items (moved when its category or kecamatan
 * did), and, when what product cards copy changed (handle, name, kecamatan),
 * every listed product's items, read a page at a time.
 */
export async function projectShop(db: Db, before: ShopInfo | undefined, after: ShopInfo | undefined) {
  const { MarketShop, MarketProduct } = marketEntities(db);
  const shop = after ?? before;
  if (!shop) return 0;
  const requests: unknown[] = [];
  // A shop an officer hid leaves the directory (and its products the lists) until restored.
  const oldFacets = before && !before.moderation ? facetsOf(before.category, before.districtCode) : [];
  const newFacets = after && !after.moderation ? facetsOf(after.category, after.districtCode) : [];
  for (const facet of oldFacets.filter((f) => !newFacets.includes(f))) {
    requests.push(
      MarketShop.build(BatchDeleteRequest).key({
        facet,
        regencyCode: shop.regencyCode,
        shopId: shop.id,
        createdAt: shop.createdAt,
      }),
    );
  }
  const card = (s: ShopInfo) =>
    [s.handle, s.name, s.avatar ?? '', s.bio ?? '', s.category, s.districtCode, s.villageCode].join('|');
  if (after && (!before || !oldFacets.length || card(before) !== card(after))) {
    for (const facet of newFacets) {
      requests.push(
        MarketShop.build(BatchPutRequest).item({
          facet,
          regencyCode: after.regencyCode,
          shopId: after.id,
          createdAt: after.createdAt,
          handle: after.handle,
          name: after.name,
          ...(after.avatar ? { avatar: after.avatar } : {}),
          ...(after.bio ? { bio: after.bio } : {}),
          category: after.category,
          districtCode: after.districtCode,
          villageCode: after.villageCode,
        }),
      );
    }
  }
  const copied = (s: ShopInfo | undefined) =>
    s ? [s.handle, s.name, s.districtCode, s.moderation ? 'hidden' : ''].join('|') : '';
  if (before && after && copied(before) !== copied(after)) {
    const { Product } = productEntities(db);
    let exclusiveStartKey: Record<string, string> | undefined;
    do {
      const page = await db.table
        .build(QueryCommand)
        .entities(Product)
        .query({ partition: `SHOP#${shop.id}`, range: { beginsWith: 'PRODUCT#' } })
        .options({ limit: 100, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
        .send();
      for (const p of (page.Items ?? []) as Product[]) {
        if (!listed(p)) continue;
        if (after.moderation) {
          for (const facet of facetsOf(p.category, before.districtCode))
            requests.push(
              MarketProduct.build(BatchDeleteRequest).key({
                facet,
                regencyCode: shop.regencyCode,
                productId: p.id,
                createdAt: p.createdAt,
              }),
            );
          continue;
        }
        if (before.districtCode !== after.districtCode) {
          for (const facet of [`kec#${before.districtCode}`, `cat#${p.category}#kec#${before.districtCode}`]) {
            requests.push(
              MarketProduct.build(BatchDeleteRequest).key({
                facet,
                regencyCode: shop.regencyCode,
                productId: p.id,
                createdAt: p.createdAt,
              }),
            );
          }
        }
        for (const facet of facetsOf(p.category, after.districtCode)) {
          requests.push(
            MarketProduct.build(BatchPutRequest).item({
              facet,
              regencyCode: after.regencyCode,
              ...productCard(p, after),
            }),
          );
        }
      }
      exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
    } while (exclusiveStartKey);
  }
  await writeInBatches(db, requests);
  return requests.length;
}
