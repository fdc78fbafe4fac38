import { unflatten } from '@bursa/core/kernel';
import * as Shop from '@bursa/core/shop';
import type { Translator } from '../i18n/messages.ts';
import type { FormValues } from './forms.ts';
import { districtOfVillage, localPhone, type Option } from './view.ts';

/** The shop form's input names (delivery is one checkbox per way: `delivery.<n>`). */
export const SHOP_FIELDS = [
  'handle',
  'name',
  'bio',
  'category',
  'villageCode',
  'whatsapp',
  'delivery',
  'hours',
] as const;

/** Core reports a wrong kecamatan on districtCode: this form shows it at the kelurahan select. */
export const SHOP_RENAME = { districtCode: 'villageCode' };

/** What core's Shop.open / Shop.update take, from the posted form. */
export function shopInput(form: FormValues) {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if ((SHOP_FIELDS as readonly string[]).includes(name) || name.startsWith('delivery.')) picked[name] = value;
  }
  const nested = unflatten(picked) as Record<string, unknown>;
  return {
    ...nested,
    delivery: Array.isArray(nested.delivery) ? nested.delivery : [],
    districtCode: districtOfVillage(form.villageCode),
    ...(form.version ? { version: form.version } : {}),
  };
}

/** A stored shop as the form's values, to edit it. */
export function shopValues(shop: Shop.Info): FormValues {
  const values: FormValues = {
    version: String(shop.version),
    handle: shop.handle,
    name: shop.name,
    bio: shop.bio ?? '',
    category: shop.category,
    villageCode: shop.villageCode,
    whatsapp: localPhone(shop.whatsapp),
    hours: shop.hours ?? '',
  };
  Shop.DELIVERY.forEach((d, i) => {
    if (shop.delivery.includes(d)) values[`delivery.${i}`] = d;
  });
  return values;
}

export const categoryOptions = (t: Translator): Option[] =>
  Shop.CATEGORIES.map((c) => ({ value: c, label: t(`shop.category.${c}`) }));

/** The product form's input names. */
export const PRODUCT_FIELDS = ['title', 'description', 'price', 'stock', 'madeToOrder', 'category', 'status'] as const;

/** A stored product as the form's values, to edit it. */
export function productValues(p: Shop.Product): FormValues {
  return {
    version: String(p.version),
    title: p.title,
    description: p.description,
    price: String(p.price),
    stock: p.stock === undefined ? '' : String(p.stock),
    ...(p.madeToOrder ? { madeToOrder: 'on' } : {}),
    category: p.category,
    status: p.status,
  };
}
