import { LEVELS } from '../education/index.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { CATEGORIES } from '../shop/shop.entity.ts';
import { VACANCY_TYPES } from '../vacancy/vacancy.entity.ts';
import { COLLECTIONS, PRICE_BANDS } from './search.documents.ts';

export const TABS = ['all', ...COLLECTIONS] as const;
export type Tab = (typeof TABS)[number];
export const SEARCH_PAGE = 20;
/** How many of each collection the "all" tab shows. */
export const PREVIEW = 4;

const district = z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'search.district.invalid'));

/**
 * How vacancies are ordered: by default relevance with words and newest first
 * without; `newest` always newest first, `closing` the soonest closing day first.
 */
export const SORTS = ['newest', 'closing'] as const;
export type Sort = (typeof SORTS)[number];

/** A salary floor in whole rupiah; "4.000.000" and "Rp4000000" are read too (shared links, typed by hand). */
const rupiah = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, '')) : v),
  z
    .number('search.salary.invalid')
    .check(
      z.multipleOf(1, 'search.salary.invalid'),
      z.minimum(0, 'search.salary.invalid'),
      z.maximum(1_000_000_000, 'search.salary.invalid'),
    ),
);

/**
 * A search: the words, the tab, the filters (each applies where the collection
 * has it), the order, the page. A kelurahan outside the chosen kecamatan is a
 * mistake to report (a link edited by hand), not an empty result.
 */
export const searchSchema = z
  .object({
    q: z.pipe(
      z.pipe(
        z.optional(z.string()),
        z.transform((v) => (v ?? '').trim()),
      ),
      z.string().check(z.maxLength(100, 'search.q.max')),
    ),
    tab: z.pipe(
      optionalField(z.enum(TABS, 'search.tab.invalid')),
      z.transform((v): Tab => v ?? 'all'),
    ),
    districtCode: optionalField(district),
    villageCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'search.village.invalid'))),
    type: optionalField(z.enum(VACANCY_TYPES, 'vacancy.type.invalid')),
    education: optionalField(z.enum(LEVELS, 'vacancy.education.invalid')),
    category: optionalField(z.enum(CATEGORIES, 'product.category.invalid')),
    price: optionalField(z.enum(PRICE_BANDS, 'search.price.invalid')),
    graduate: z.optional(z.preprocess((v) => v === true || v === '1' || v === 'true', z.boolean())),
    /** Vacancies whose highest stated salary (`salaryMax`, else `salaryMin`) reaches it; none without a salary. */
    salaryFloor: optionalField(rupiah),
    sort: optionalField(z.enum(SORTS, 'search.sort.invalid')),
    cursor: optionalField(z.string().check(z.regex(/^\d{1,5}$/, 'request.invalid_cursor'))),
    limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), SEARCH_PAGE),
  })
  .check(
    z.refine((q) => !q.villageCode || !q.districtCode || q.villageCode.startsWith(`${q.districtCode}.`), {
      message: 'search.village.outside',
      path: ['villageCode'],
      // Also when other fields are wrong, so every mistake shows at once.
      when: (payload) => payload.issues.every((i) => i.path?.[0] !== 'villageCode' && i.path?.[0] !== 'districtCode'),
    }),
  );
export type SearchInput = z.input<typeof searchSchema>;
export type SearchQuery = z.output<typeof searchSchema>;
