import type { Locale } from '@bursa/core/kernel';
import * as en from './en/index.ts';
import * as id from './id/index.ts';

/**
 * Interface text, one file per area in each language (`id/<area>.ts`,
 * `en/<area>.ts`). Bahasa Indonesia is the product's language; English
 * mirrors it key for key (each English file `satisfies` its Indonesian
 * twin, so a missing translation is a compile error). Texts of core's
 * errors and validation live in core's concept messages (@bursa/core/messages).
 */
const ids = {
  ...id.common,
  ...id.home,
  ...id.account,
  ...id.company,
  ...id.vacancy,
  ...id.seeker,
  ...id.pipeline,
  ...id.shop,
  ...id.order,
  ...id.fair,
  ...id.search,
  ...id.office,
  ...id.review,
  ...id.moderation,
  ...id.programme,
  ...id.dashboard,
};
type Key = keyof typeof ids;
const ens: Record<Key, string> = {
  ...en.common,
  ...en.home,
  ...en.account,
  ...en.company,
  ...en.vacancy,
  ...en.seeker,
  ...en.pipeline,
  ...en.shop,
  ...en.order,
  ...en.fair,
  ...en.search,
  ...en.office,
  ...en.review,
  ...en.moderation,
  ...en.programme,
  ...en.dashboard,
};

const dictionaries: Record<Locale, Record<Key, string>> = { id: ids, en: ens };

export type MessageKey = Key;
export type Translator = ReturnType<typeof translator>;

/** Returns a translator for one locale; `{name}` placeholders are filled from vars. */
export function translator(locale: Locale) {
  const dict = dictionaries[locale];
  return (key: Key, vars: Record<string, string | number> = {}) =>
    dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The locale a path belongs to: English lives under /en, everything else is Indonesian. */
export function localeOf(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'id';
}

/** A request path without its /en prefix: the page's Indonesian address (`/en/lowongan` → `/lowongan`). */
export function basePath(pathname: string): string {
  return localeOf(pathname) === 'en' ? pathname.slice(3) || '/' : pathname;
}

/** The same page in the other language. */
export function alternatePath(pathname: string): string {
  if (localeOf(pathname) === 'en') return basePath(pathname);
  return pathname === '/' ? '/en' : `/en${pathname}`;
}

/** A path inside the given locale: localePath('en', '/lowongan') → /en/lowongan. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'id') return path;
  return path === '/' ? '/en' : `/en${path}`;
}
