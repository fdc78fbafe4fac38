import { z } from 'zod';
import { LEVELS } from '../education/index.ts';
import { optionalField } from '../kernel/validation.ts';
import { CATEGORIES } from '../shop/index.ts';
import { VACANCY_TYPES } from '../vacancy/index.ts';
import { COLLECTIONS } from './search.documents.ts';
import { PRICE_BANDS } from './search.index.ts';

export const TABS = ['all', ...COLLECTIONS] as const;
export type Tab = (typeof TABS)[number];
export const SEARCH_PAGE = 20;
/** How many of each collection the "all" tab shows. */
export const PREVIEW = 4;

const district = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'search.district.invalid');

/** A search: the words, the tab, the filters (each applies where the collection has it), the page. */
export const searchSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(100, 'search.q.max')),
  tab: optionalField(z.enum(TABS, 'search.tab.invalid')).transform((v): Tab => v ?? 'all'),
  districtCode: optionalField(district),
  villageCode: optionalField(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'search.village.invalid')),
  type: optionalField(z.enum(VACANCY_TYPES, 'vacancy.type.invalid')),
  education: optionalField(z.enum(LEVELS, 'vacancy.education.invalid')),
  category: optionalField(z.enum(CATEGORIES, 'product.category.invalid')),
  price: optionalField(z.enum(PRICE_BANDS, 'search.price.invalid')),
  graduate: z.preprocess((v) => v === true || v === '1' || v === 'true', z.boolean()).optional(),
  cursor: optionalField(z.string().regex(/^\d{1,5}$/, 'request.invalid_cursor')),
  limit: z.coerce.number().int().min(1).max(50).default(SEARCH_PAGE),
});
export type SearchInput = z.input<typeof searchSchema>;
export type SearchQuery = z.output<typeof searchSchema>;
