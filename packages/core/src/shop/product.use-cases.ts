import { GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { parseInput } from '../kernel/validation.ts';
import * as Media from '../media/index.ts';
import { MAX_PHOTOS, type PRODUCT_STATUSES, productEntities } from './product.entity.ts';
import {
  createProductSchema,
  productFieldsSchema,
  productKeySchema,
  productPhotoSchema,
  shopProductsSchema,
  updateProductSchema,
} from './product.schema.ts';
import type { CATEGORIES } from './shop.entity.ts';
import { capabilities, type ShopCapabilities } from './shop.policy.ts';
import { byHandle, get, roleIn, type Info as ShopInfo } from './shop.use-cases.ts';

export type Product = {
  shopId: string;
  id: string;
  title: string;
  slug: string;
  description: string;
  price: number;
  stock?: number;
  madeToOrder: boolean;
  category: (typeof CATEGORIES)[number];
  status: (typeof PRODUCT_STATUSES)[number];
  photos?: string[];
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** "Kue Lapis Legit 20×20" → "kue-lapis-legit-20x20": readable, ASCII, at most 60 characters. */
export function slugOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/×/g, 'x')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'produk'
  );
}

/** The product's address under its shop: `/@<handle>/<slug>-<id>`. */
export const productPath = (handle: string, p: Pick<Product, 'slug' | 'id'>) => `/@${handle}/${p.slug}-${p.id}`;

async function withShop(ctx: Ctx, shopId: string): Promise<{ shop: ShopInfo; can: ShopCapabilities }> {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  return { shop, can: capabilities(shop, { actor: me, role }) };
}

/** A member of the shop (its owner, or a member of its group) lists a product. */
export const createProduct = fn(createProductSchema, async ({ shopId, ...input }, ctx): Promise<Product> => {
  const { can } = await withShop(ctx, shopId);
  if (!can.manageProducts) throw forbidden('shop.not_member');
  const fields = parseInput(productFieldsSchema, input);
  const now = new Date(nowOf(ctx)).toISOString();
  const product: Product = {
    ...fields,
    ...(fields.madeToOrder ? { stock: undefined } : {}),
    shopId,
    id: newId(nowOf(ctx)),
    slug: slugOf(fields.title),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (product.stock === undefined) delete product.stock;
  await productEntities(ctx.db)
    .Product.build(PutItemCommand)
    .item(product)
    .options({ condition: { attr: 'id', exists: false } })
    .send();
  return product;
});

export async function getProduct(ctx: Ctx, shopId: string, id: string): Promise<Product> {
  if (!ID_PATTERN.test(id)) throw notFound('product.not_found');
  const { Item } = await productEntities(ctx.db).Product.build(GetItemCommand).key({ shopId, id }).send();
  if (!Item) throw notFound('product.not_found');
  return Item as Product;
}

/** A member edits a product (a stale `version` is a 409). */
export const updateProduct = fn(
  updateProductSchema,
  async ({ shopId, id, version, ...patch }, ctx): Promise<Product> => {
    const { can } = await withShop(ctx, shopId);
    if (!can.manageProducts) throw forbidden('shop.not_member');
    const before = await getProduct(ctx, shopId, id);
    const fields = parseInput(productFieldsSchema, { ...before, ...patch });
    const expected = version ?? before.version;
    const product: Product = {
      ...before,
      ...fields,
      slug: slugOf(fields.title),
      updatedAt: new Date(nowOf(ctx)).toISOString(),
      version: before.version + 1,
    };
    if (fields.madeToOrder || fields.stock === undefined) delete product.stock;
    try {
      await productEntities(ctx.db)
        .Product.build(PutItemCommand)
        .item(product)
        .options({ condition: { attr: 'version', eq: expected } })
        .send();
    } catch (e) {
      if (isConditionFailure(e)) throw conflict('product.changed');
      throw e;
    }
    return product;
  },
);

export type ProductView = { product: Product; shop: ShopInfo; can: ShopCapabilities; movedTo?: string };

/**
 * A product by its shop's handle and `<slug>-<id>` (the id is what counts: a
 * renamed product or shop still opens, and `movedTo` gives its current path).
 * Hidden products are a 404 to everyone but the shop's members.
 */
export const viewProduct = fn(productKeySchema, async ({ handle, ref }, ctx): Promise<ProductView> => {
  const id = ref.slice(-20);
  const { shop, can, movedTo: shopMoved } = await byHandle(ctx, { handle });
  const product = await getProduct(ctx, shop.id, id);
  if (product.status === 'hidden' && !can.manageProducts) throw notFound('product.not_found');
  if (product.moderation && !can.manageProducts && !can.moderate) throw notFound('moderation.unavailable');
  const current = `${product.slug}-${product.id}`;
  return {
    product,
    shop,
    can,
    ...(shopMoved || ref !== current ? { movedTo: productPath(shop.handle, product) } : {}),
  };
});

/** A shop's products, newest first, one page (hidden ones only for its members). */
export const productsOf = fn(shopProductsSchema, async ({ shopId, cursor, limit }, ctx): Promise<Page<Product>> => {
  const role = await roleIn(ctx.db, ctx.actor, shopId);
  const partition = `SHOP#${shopId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(productEntities(ctx.db).Product)
    .query({ partition, range: { beginsWith: 'PRODUCT#' } })
    .options({
      reverse: true,
      limit,
      // Hidden by the seller or by an officer: only the shop's members see them (marked).
      ...(role
        ? {}
        : {
            filters: {
              Product: {
                and: [
                  { attr: 'status', ne: 'hidden' },
                  { attr: 'moderation', exists: false },
                ],
              },
            },
          }),
      ...(cursor
        ? {
            exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition && k.sk?.startsWith('PRODUCT#') === true),
          }
        : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Product[], ...(next ? { cursor: next } : {}) };
});

/**
 * A member adds a processed photo they uploaded (at most 5), removes one, or
 * makes one the cover (the first). The product's version guards the list: two
 * photos added at once both land (the loser re-reads and tries again).
 */
export const changeProductPhotos = fn(
  productPhotoSchema,
  async ({ shopId, id, imageId, action }, ctx): Promise<Product> => {
    const { can } = await withShop(ctx, shopId);
    if (!can.manageProducts) throw forbidden('shop.not_member');
    const me = Account.requireSignedIn(ctx.actor);
    if (action === 'add') await Media.requireReady(ctx, me.userId, [imageId]);
    for (let attempt = 0; ; attempt++) {
      const before = await getProduct(ctx, shopId, id);
      const photos = (before.photos ?? []).filter((p) => p !== imageId);
      if (action === 'add' && photos.length >= MAX_PHOTOS) throw new DomainError('validation', 'media.image.limit');
      const next =
        action === 'add'
          ? [...photos, imageId]
          : action === 'cover' && photos.length < (before.photos ?? []).length
            ? [imageId, ...photos]
            : photos;
      const product: Product = {
        ...before,
        photos: next,
        updatedAt: new Date(nowOf(ctx)).toISOString(),
        version: before.version + 1,
      };
      if (!next.length) delete product.photos;
      try {
        await productEntities(ctx.db)
          .Product.build(PutItemCommand)
          .item(product)
          .options({ condition: { attr: 'version', eq: before.version } })
          .send();
        return product;
      } catch (e) {
        if (!isConditionFailure(e) || attempt >= 4) throw e;
      }
    }
  },
);

/** A form to post one photo with; the bucket sends the browser back to `redirectUrl` with `?key=`. */
export async function photoUploadForm(ctx: Ctx, redirectUrl: string): Promise<Media.ImageUploadForm> {
  const me = Account.requireSignedIn(ctx.actor);
  return Media.presignImageUpload(ctx.config, { userId: me.userId, redirectUrl });
}

/** The image id in an upload key the bucket sent back (`uploads/<userId>/<imageId>`), if it is the asker's. */
export function uploadedImageId(ctx: Ctx, key: string): string {
  const me = Account.requireSignedIn(ctx.actor);
  const parsed = Media.parseUploadKey(key);
  if (!parsed) throw new DomainError('validation', 'media.image.missing');
  if (parsed.userId !== me.userId) throw new DomainError('validation', 'media.cv.wrong_owner');
  return parsed.imageId;
}

/**
 * A photo just uploaded for a post being written: ready, still processing
 * (`ready: false`: ask again in a moment), or refused (the reason is thrown).
 */
export async function stagedPhoto(ctx: Ctx, key: string): Promise<{ imageId: string; ready: boolean }> {
  const imageId = uploadedImageId(ctx, key);
  const image = await Media.findImage(ctx.db, imageId);
  if (image?.status === 'refused') throw new DomainError('validation', image.reason ?? 'media.image.type');
  return { imageId, ready: image?.status === 'ready' };
}
