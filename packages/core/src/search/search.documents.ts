import { endOfDayEpochSeconds } from '../kernel/time.ts';
import type { Product } from '../shop/product.use-cases.ts';
import type { Info as Shop } from '../shop/shop.use-cases.ts';
import type { Info as Vacancy } from '../vacancy/vacancy.use-cases.ts';

/**
 * What the search indexes hold: one document per open vacancy, listed
 * product and shop (docs/search.md, "Documents"). A document carries the text
 * to match (`title`, `text`, …) and what its card shows and its facets filter
 * on, so a results page needs no other read. `at` orders equally relevant
 * results newest first. Anything not searchable (a draft, a closed or expired
 * vacancy, a hidden product) has no document: `undefined`.
 */
export const COLLECTIONS = ['vacancies', 'products', 'shops'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The price filter's bands (rupiah, `min-max`, the last open-ended). */
export const PRICE_BANDS = ['0-25000', '25000-50000', '50000-100000', '100000-250000', '250000-'] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

/** Descriptions are matched on their first characters only: the index stays small, titles decide. */
const TEXT_MAX = 600;
const cut = (s: string | undefined) => (s ?? '').slice(0, TEXT_MAX);

export type VacancyDoc = {
  id: string;
  title: string;
  companyName: string;
  skills: string;
  text: string;
  companyId: string;
  /** Copy: the company is verified (the badge on cards; company-renamed refreshes the vacancy's copy). */
  companyVerified?: boolean;
  type: Vacancy['type'];
  minEducation: Vacancy['minEducation'];
  districtCode: string;
  villageCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  openings: number;
  closingDate: string;
  publishedAt: string;
  /** End of the closing day (epoch seconds): past it the vacancy is never returned. */
  expiresAt: number;
  at: string;
};

export type ProductDoc = {
  id: string;
  title: string;
  shopName: string;
  text: string;
  shopId: string;
  productId: string;
  slug: string;
  price: number;
  photo?: string;
  status: string;
  madeToOrder?: number;
  handle: string;
  category: string;
  districtCode: string;
  createdAt: string;
  at: string;
};

export type ShopDoc = {
  id: string;
  name: string;
  handle: string;
  text: string;
  shopId: string;
  avatar?: string;
  bio?: string;
  category: string;
  districtCode: string;
  villageCode: string;
  /** 1 when the programme-graduate badge is verified. */
  graduate?: number;
  createdAt: string;
  at: string;
};

export type Doc = VacancyDoc | ProductDoc | ShopDoc;
export type DocOf<C extends Collection> = C extends 'vacancies'
  ? VacancyDoc
  : C extends 'products'
    ? ProductDoc
    : ShopDoc;

const opt = <K extends string, V>(k: K, v: V | undefined | null | '' | 0) =>
  (v === undefined || v === null || v === '' || v === 0 ? {} : { [k]: v }) as { [P in K]?: V };

/** An open vacancy's document; none for drafts, closed ones and those hidden by an officer (expiry is checked when searching). */
export function vacancyDoc(v: Vacancy | undefined): VacancyDoc | undefined {
  if (v?.status !== 'open' || !v.publishedAt || v.moderation || v.companyHidden) return undefined;
  return {
    id: v.id,
    title: v.title,
    companyName: v.companyName,
    skills: v.skills.join(', '),
    text: cut(v.description),
    companyId: v.companyId,
    ...(v.companyVerified ? { companyVerified: true } : {}),
    type: v.type,
    minEducation: v.minEducation,
    districtCode: v.districtCode,
    ...opt('villageCode', v.villageCode),
    ...(v.salaryMin !== undefined ? { salaryMin: v.salaryMin } : {}),
    ...(v.salaryMax !== undefined ? { salaryMax: v.salaryMax } : {}),
    openings: v.openings,
    closingDate: v.closingDate,
    publishedAt: v.publishedAt,
    expiresAt: endOfDayEpochSeconds(v.closingDate),
    at: v.publishedAt,
  };
}

/** A listed product's document, with what it copies from its shop; none when hidden (by its seller, or it or its shop by an officer). */
export function productDoc(
  p: Product | undefined,
  shop: Pick<Shop, 'handle' | 'name' | 'districtCode' | 'moderation'> | undefined,
): ProductDoc | undefined {
  if (!p || !shop || p.status === 'hidden' || p.moderation || shop.moderation) return undefined;
  return {
    id: p.id,
    title: p.title,
    shopName: shop.name,
    text: cut(p.description),
    shopId: p.shopId,
    productId: p.id,
    slug: p.slug,
    price: p.price,
    ...opt('photo', p.photos?.[0]),
    status: p.status,
    ...opt('madeToOrder', p.madeToOrder ? 1 : 0),
    handle: shop.handle,
    category: p.category,
    districtCode: shop.districtCode,
    createdAt: p.createdAt,
    at: p.createdAt,
  };
}

/** A shop's document; none while an officer has it hidden. */
export function shopDoc(s: Shop | undefined): ShopDoc | undefined {
  if (!s || s.moderation) return undefined;
  return {
    id: s.id,
    name: s.name,
    handle: s.handle,
    text: cut(s.bio),
    shopId: s.id,
    ...opt('avatar', s.avatar),
    ...opt('bio', s.bio?.slice(0, 160)),
    category: s.category,
    districtCode: s.districtCode,
    villageCode: s.villageCode,
    ...opt('graduate', s.badge?.status === 'verified' ? 1 : 0),
    createdAt: s.createdAt,
    at: s.createdAt,
  };
}

/** The regency (`36.71`) a district or village code belongs to. */
export const regencyOfCode = (code: string) => code.slice(0, 5);
