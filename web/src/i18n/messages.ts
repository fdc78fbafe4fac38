import type { Locale } from '@bursa/core';

/**
 * Interface text. Bahasa Indonesia is the product's language; English mirrors
 * it key for key (the type makes a missing translation a compile error).
 */
const id = {
  'site.name': 'Bursa',
  'site.tagline': 'Bursa kerja virtual dan pasar UMKM',
  'nav.home': 'Beranda',
  'nav.jobs': 'Lowongan',
  'nav.market': 'Pasar',
  'nav.language': 'English',
  'nav.skip': 'Langsung ke isi',
  'home.title': 'Bursa Kerja & Pasar {region}',
  'home.lead':
    'Cari lowongan dari perusahaan di {region}, temui perekrut di bursa kerja virtual, dan belanja dari wirausaha lulusan pelatihan Disnaker.',
  'home.jobs.title': 'Cari kerja',
  'home.jobs.body':
    'Lowongan penuh waktu, kontrak, magang, dan penempatan luar negeri, tanpa perlu mendaftar untuk melihat.',
  'home.market.title': 'Belanja produk lokal',
  'home.market.body':
    'Kuliner, kerajinan, dan jasa dari wirausaha baru binaan Disnaker. Pesan lewat WhatsApp, bayar di tempat atau transfer.',
  'home.areas.title': 'Wilayah layanan',
  'home.areas.summary': '{districts} kecamatan, {villages} kelurahan',
  'home.areas.villages': '{count} kelurahan',
  'home.areas.missing': 'Data wilayah belum dimuat. Jalankan npm start untuk memuat data awal.',
  'home.updated': 'Diperbarui {date}',
  'footer.office': 'Dinas Ketenagakerjaan',
  'footer.note': 'Layanan publik gratis untuk pencari kerja dan pelaku usaha.',
  'error.notFound.title': 'Halaman tidak ditemukan',
  'error.notFound.body': 'Alamat yang Anda buka tidak ada. Kembali ke beranda.',
} as const;

type Key = keyof typeof id;
const en: Record<Key, string> = {
  'site.name': 'Bursa',
  'site.tagline': 'Virtual job fair and small-business market',
  'nav.home': 'Home',
  'nav.jobs': 'Jobs',
  'nav.market': 'Market',
  'nav.language': 'Bahasa Indonesia',
  'nav.skip': 'Skip to content',
  'home.title': '{region} Job Fair & Market',
  'home.lead':
    'Find vacancies from companies in {region}, meet recruiters at the virtual job fair, and shop from entrepreneurs trained by the manpower office.',
  'home.jobs.title': 'Find work',
  'home.jobs.body': 'Full-time, contract, apprenticeship and overseas placements. No account needed to browse.',
  'home.market.title': 'Shop local',
  'home.market.body':
    'Food, crafts and services from newly trained entrepreneurs. Order on WhatsApp, pay cash on delivery or by transfer.',
  'home.areas.title': 'Service area',
  'home.areas.summary': '{districts} districts, {villages} villages',
  'home.areas.villages': '{count} villages',
  'home.areas.missing': 'Area data is not loaded yet. Run npm start to load the initial data.',
  'home.updated': 'Updated {date}',
  'footer.office': 'Manpower Office',
  'footer.note': 'A free public service for job seekers and small businesses.',
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'The address you opened does not exist. Go back to the home page.',
};

const dictionaries: Record<Locale, Record<Key, string>> = { id, en };

export type MessageKey = Key;

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

/** The same page in the other language. */
export function alternatePath(pathname: string): string {
  if (localeOf(pathname) === 'en') return pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  return pathname === '/' ? '/en' : `/en${pathname}`;
}

/** A path inside the given locale: localePath('en', '/lowongan') → /en/lowongan. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'id') return path;
  return path === '/' ? '/en' : `/en${path}`;
}
