import * as z from 'zod';
import { optionalField, whenValid } from '../kernel/validation.ts';
import { PRODUCT_STATUSES } from './product.entity.ts';
import { CATEGORIES } from './shop.entity.ts';

/** Rupiah as people type them: "25.000", "Rp25000", 25000; whole numbers only. */
const rupiah = z.preprocess(
  (v) =>
    typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, ''))) : v,
  z
    .number('product.price.number')
    .int('product.price.whole')
    .min(500, 'product.price.min')
    .max(100_000_000, 'product.price.max'),
);
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** What a seller writes about a product. Stock is a count, or the product is made to order. */
export const productFieldsSchema = z
  .object({
    title: z.string('product.title.length').trim().min(3, 'product.title.length').max(80, 'product.title.length'),
    description: z.string('product.description.max').trim().max(2000, 'product.description.max').default(''),
    price: rupiah,
    stock: optionalField(
      z.coerce
        .number('product.stock.number')
        .int('product.stock.number')
        .min(0, 'product.stock.number')
        .max(100_000, 'product.stock.number'),
    ),
    madeToOrder: flag.default(false),
    category: z.enum(CATEGORIES, 'product.category.invalid'),
    status: z.enum(PRODUCT_STATUSES, 'product.status.invalid').default('active'),
  })
  .refine((p) => p.madeToOrder || p.stock !== undefined, {
    message: 'product.stock.required',
    path: ['stock'],
    ...whenValid('stock', 'madeToOrder'),
  });
export type ProductFields = z.input<typeof productFieldsSchema>;

export const createProductSchema = z.looseObject({ shopId: z.string() });
export const updateProductSchema = z.looseObject({
  shopId: z.string(),
  id: z.string(),
  version: optionalField(z.coerce.number('request.field.invalid').int().min(1)),
});
export const productKeySchema = z.object({ handle: z.string().max(40), ref: z.string().max(140) });
export const shopProductsSchema = z.object({
  shopId: z.string(),
  cursor: optionalField(z.string().max(600)),
  limit: z.coerce.number().int().min(1).max(48).default(24),
});
export const productPhotoSchema = z.object({
  shopId: z.string(),
  id: z.string(),
  imageId: z.string().max(40),
  action: z.enum(['add', 'remove', 'cover']).default('add'),
});
