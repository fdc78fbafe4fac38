import { optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { PRODUCT_STATUSES } from './product.entity.ts';
import { CATEGORIES } from './shop.entity.ts';

/** Rupiah as people type them: "25.000", "Rp25000", 25000; whole numbers only. */
const rupiah = z.preprocess(
  (v) =>
    typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, ''))) : v,
  z
    .number('product.price.number')
    .check(
      z.multipleOf(1, 'product.price.whole'),
      z.minimum(500, 'product.price.min'),
      z.maximum(100_000_000, 'product.price.max'),
    ),
);
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** What a seller writes about a product. Stock is a count, or the product is made to order. */
export const productFieldsSchema = z
  .object({
    title: z
      .string('product.title.length')
      .check(z.trim(), z.minLength(3, 'product.title.length'), z.maxLength(80, 'product.title.length')),
    description: z._default(
      z.string('product.description.max').check(z.trim(), z.maxLength(2000, 'product.description.max')),
      '',
    ),
    price: rupiah,
    stock: optionalField(
      z.coerce
        .number('product.stock.number')
        .check(
          z.multipleOf(1, 'product.stock.number'),
          z.minimum(0, 'product.stock.number'),
          z.maximum(100_000, 'product.stock.number'),
        ),
    ),
    madeToOrder: z._default(flag, false),
    category: z.enum(CATEGORIES, 'product.category.invalid'),
    status: z._default(z.enum(PRODUCT_STATUSES, 'product.status.invalid'), 'active'),
  })
  .check(
    z.refine((p) => p.madeToOrder || p.stock !== undefined, {
      message: 'product.stock.required',
      path: ['stock'],
      ...whenValid('stock', 'madeToOrder'),
    }),
  );
export type ProductFields = z.input<typeof productFieldsSchema>;

export const createProductSchema = z.looseObject({ shopId: z.string() });
export const updateProductSchema = z.looseObject({
  shopId: z.string(),
  id: z.string(),
  version: optionalField(z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(1))),
});
export const productKeySchema = z.object({
  handle: z.string().check(z.maxLength(40)),
  ref: z.string().check(z.maxLength(140)),
});
export const shopProductsSchema = z.object({
  shopId: z.string(),
  cursor: optionalField(z.string().check(z.maxLength(600))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(48)), 24),
});
export const productPhotoSchema = z.object({
  shopId: z.string(),
  id: z.string(),
  imageId: z.string().check(z.maxLength(40)),
  action: z._default(z.enum(['add', 'remove', 'cover']), 'add'),
});
