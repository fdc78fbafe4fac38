import * as z from 'zod';
import { phoneSchema } from '../account/index.ts';
import { optionalField } from '../kernel/validation.ts';
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

export const handleSchema = z
  .string('shop.handle.format')
  .trim()
  .transform((h) => h.replace(/^@/, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(3, 'shop.handle.length')
      .max(30, 'shop.handle.length')
      .regex(/^[a-z0-9._]+$/, 'shop.handle.format')
      .refine((h) => !/^\.|\.$|\.\./.test(h), 'shop.handle.dots')
      .refine((h) => !RESERVED_HANDLES.has(h.replace(/[._]/g, '')), 'shop.handle.reserved'),
  );

const deliverySchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : (v ?? [])),
  z
    .array(z.enum(DELIVERY, 'shop.delivery.invalid'))
    .min(1, 'shop.delivery.required')
    .transform((d) => [...new Set(d)]),
);

/** What a seller writes about their shop. Every wrong field is reported at once. */
export const shopFieldsSchema = z.object({
  handle: handleSchema,
  name: z.string('shop.name.length').trim().min(3, 'shop.name.length').max(60, 'shop.name.length'),
  bio: optionalField(z.string().trim().max(300, 'shop.bio.max')),
  category: z.enum(CATEGORIES, 'shop.category.invalid'),
  districtCode: z.string('shop.district.required').trim().min(1, 'shop.district.required'),
  villageCode: z.string('shop.village.required').trim().min(1, 'shop.village.required'),
  // A mobile number: buyers chat with it on WhatsApp.
  whatsapp: phoneSchema,
  delivery: deliverySchema,
  hours: optionalField(z.string().trim().max(100, 'shop.hours.max')),
});
export type ShopFields = z.input<typeof shopFieldsSchema>;

export const shopPatchSchema = shopFieldsSchema.partial().extend({
  id: z.string(),
  version: optionalField(z.coerce.number('request.field.invalid').int().min(1)),
});
export const handleLookupSchema = z.object({ handle: z.string().max(40) });
export const avatarSchema = z.object({ shopId: z.string().max(40), imageId: z.string().max(40) });
