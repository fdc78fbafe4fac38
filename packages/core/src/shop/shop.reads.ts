import { BatchGetCommand, BatchGetRequest, executeBatchGet, QueryCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { marketEntities } from './market.ts';
import { productEntities } from './product.entity.ts';
import type { Product } from './product.use-cases.ts';
import { shopEntities } from './shop.entity.ts';
import type { Info } from './shop.use-cases.ts';

/** Reads other concepts' projections need in bulk (the search index's rebuild and shop changes). */

/** Shops by id, up to 100 per call: one BatchGetItem (unknown ids are left out). */
export async function getShops(db: Db, ids: string[]): Promise<Info[]> {
  const valid = [...new Set(ids)].filter((id) => ID_PATTERN.test(id)).slice(0, 100);
  if (!valid.length) return [];
  const { Shop } = shopEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...valid.map((id) => Shop.build(BatchGetRequest).key({ id }))),
  );
  return ((out.Responses?.[0] ?? []) as (Info | undefined)[]).filter((s): s is Info => Boolean(s));
}

/** Products by shop and id, up to 100 per call: one BatchGetItem. */
export async function getProducts(db: Db, keys: { shopId: string; id: string }[]): Promise<Product[]> {
  const valid = keys.filter((k) => ID_PATTERN.test(k.shopId) && ID_PATTERN.test(k.id)).slice(0, 100);
  if (!valid.length) return [];
  const { Product } = productEntities(db);
  const out = await executeBatchGet(
    db.table
      .build(BatchGetCommand)
      .requests(...valid.map((k) => Product.build(BatchGetRequest).key({ shopId: k.shopId, id: k.id }))),
  );
  return ((out.Responses?.[0] ?? []) as (Product | undefined)[]).filter((p): p is Product => Boolean(p));
}

/** Every product of a shop, hidden ones included, a page of 100 at a time. */
export async function* everyProductOf(db: Db, shopId: string): AsyncGenerator<Product> {
  const { Product } = productEntities(db);
  let exclusiveStartKey: Record<string, string> | undefined;
  do {
    const page = await db.table
      .build(QueryCommand)
      .entities(Product)
      .query({ partition: `SHOP#${shopId}`, range: { beginsWith: 'PRODUCT#' } })
      .options({ limit: 100, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    yield* (page.Items ?? []) as Product[];
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (exclusiveStartKey);
}

/**
 * Every listed product of a regency with its shop, 100 at a time (the
 * market's all-products list page by page, then BatchGetItems): for
 * rebuilding projections (the search index), never for a request.
 */
export async function* everyListedProduct(db: Db, regency: string): AsyncGenerator<{ product: Product; shop: Info }[]> {
  const { MarketProduct } = marketEntities(db);
  for await (const cards of pagesOf(db, MarketProduct, `MARKET#${regency}#all`)) {
    const products = await getProducts(
      db,
      cards.map((c) => ({ shopId: String(c.shopId), id: String(c.productId) })),
    );
    const shops = new Map(
      (
        await getShops(
          db,
          products.map((p) => p.shopId),
        )
      ).map((s) => [s.id, s]),
    );
    yield products.flatMap((product) => {
      const shop = shops.get(product.shopId);
      return shop ? [{ product, shop }] : [];
    });
  }
}

/** Every shop of a regency, 100 at a time (the shop directory, then BatchGetItems). */
export async function* everyShop(db: Db, regency: string): AsyncGenerator<Info[]> {
  const { MarketShop } = marketEntities(db);
  for await (const cards of pagesOf(db, MarketShop, `SHOPS#${regency}#all`))
    yield await getShops(
      db,
      cards.map((c) => String(c.shopId)),
    );
}

async function* pagesOf(
  db: Db,
  entity: ReturnType<typeof marketEntities>[keyof ReturnType<typeof marketEntities>],
  partition: string,
): AsyncGenerator<Record<string, unknown>[]> {
  let exclusiveStartKey: Record<string, string> | undefined;
  do {
    const page = await db.table
      .build(QueryCommand)
      .entities(entity)
      .query({ partition })
      .options({ limit: 100, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    if (page.Items?.length) yield page.Items as Record<string, unknown>[];
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (exclusiveStartKey);
}
