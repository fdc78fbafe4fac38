import { QueryCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { fn } from '../kernel/fn.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { type MarketProduct, type MarketShop, marketEntities } from './market.ts';
import { CATEGORIES } from './shop.entity.ts';

// --- reading the market --------------------------------------------------------------------

export const MARKET_PAGE = 24;
const facetSchema = z.object({
  category: optionalField(z.enum(CATEGORIES, 'product.category.invalid')),
  districtCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'shop.district.required'))),
  cursor: optionalField(z.string().check(z.maxLength(600))),
});
const facetOf = (f: { category?: string | undefined; districtCode?: string | undefined }) =>
  f.category && f.districtCode
    ? `cat#${f.category}#kec#${f.districtCode}`
    : f.category
      ? `cat#${f.category}`
      : f.districtCode
        ? `kec#${f.districtCode}`
        : 'all';

async function readFacet<T>(
  db: Db,
  entity: ReturnType<typeof marketEntities>[keyof ReturnType<typeof marketEntities>],
  partition: string,
  cursor: string | undefined,
): Promise<Page<T>> {
  const out = await db.table
    .build(QueryCommand)
    .entities(entity)
    .query({ partition })
    .options({
      reverse: true,
      limit: MARKET_PAGE,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition) } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as T[], ...(next ? { cursor: next } : {}) };
}

/** Newest products, all or by category and/or kecamatan: one Query. */
export const marketProducts = fn(
  facetSchema,
  async (f, ctx): Promise<Page<MarketProduct>> =>
    readFacet(ctx.db, marketEntities(ctx.db).MarketProduct, `MARKET#${ctx.config.homeRegency}#${facetOf(f)}`, f.cursor),
);

/** The shop directory, newest first, all or by category and/or kecamatan: one Query. */
export const marketShops = fn(
  facetSchema,
  async (f, ctx): Promise<Page<MarketShop>> =>
    readFacet(ctx.db, marketEntities(ctx.db).MarketShop, `SHOPS#${ctx.config.homeRegency}#${facetOf(f)}`, f.cursor),
);
