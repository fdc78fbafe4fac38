import { phoneSchema } from '../account/index.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { CATEGORIES, DELIVERY } from './shop.entity.ts';

/**
 * Handles: 3–30 characters, lowercase letters, digits, `.` and `_`, not
 * starting or ending with a dot and without two dots in a row (they read as
 * a web address), and not a word the site itself uses.
 */
export const RESERVED_HANDLES = new Set([
  'admin',
  'administrator',
  'api',
  'bursa',
  'bursakerja',
  'cari',
  'daftar',
  'dev',
  'disnaker',
  'en',
  'help',
  'id',
  'keluar',
  'kemnaker',
  'lowongan',
  'masuk',
  'media',
  'official',
  'pasar',
  'perusahaan',
  'petugas',
  'resmi',
  'root',
  'saya',
  'support',
  'toko',
  'www',
]);

export const handleSchema = z.pipe(
  z.pipe(
    z.string('shop.handle.format').check(z.trim()),
    z.transform((h) => h.replace(/^@/, '').toLowerCase()),
  ),
  z.string().check(
    z.minLength(3, 'shop.handle.length'),
    z.maxLength(30, 'shop.handle.length'),
    z.regex(/^[a-z0-9._]+$/, 'shop.handle.format'),
    z.refine((h) => !/^\.|\.$|\.\./.test(h), 'shop.handle.dots'),
    z.refine((h) => !RESERVED_HANDLES.has(h.replace(/[._]/g, '')), 'shop.handle.reserved'),
  ),
);

const deliverySchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : (v ?? [])),
  z.pipe(
    z.array(z.enum(DELIVERY, 'shop.delivery.invalid')).check(z.minLength(1, 'shop.delivery.required')),
    z.transform((d) => [...new Set(d)]),
  ),
);

/** What a seller writes about their shop. Every wrong field is reported at once. */
export const shopFieldsSchema = z.object({
  handle: handleSchema,
  name: z
    .string('shop.name.length')
    .check(z.trim(), z.minLength(3, 'shop.name.length'), z.maxLength(60, 'shop.name.length')),
  bio: optionalField(z.string().check(z.trim(), z.maxLength(300, 'shop.bio.max'))),
  category: z.enum(CATEGORIES, 'shop.category.invalid'),
  districtCode: z.string('shop.district.required').check(z.trim(), z.minLength(1, 'shop.district.required')),
  villageCode: z.string('shop.village.required').check(z.trim(), z.minLength(1, 'shop.village.required')),
  // A mobile number: buyers chat with it on WhatsApp.
  whatsapp: phoneSchema,
  delivery: deliverySchema,
  hours: optionalField(z.string().check(z.trim(), z.maxLength(100, 'shop.hours.max'))),
});
export type ShopFields = z.input<typeof shopFieldsSchema>;

export const shopPatchSchema = z.extend(z.partial(shopFieldsSchema), {
  id: z.string(),
  version: optionalField(z.coerce.number('request.field.invalid').check(z.multipleOf(1), z.minimum(1))),
});
export const handleLookupSchema = z.object({ handle: z.string().check(z.maxLength(40)) });
export const avatarSchema = z.object({
  shopId: z.string().check(z.maxLength(40)),
  imageId: z.string().check(z.maxLength(40)),
});
