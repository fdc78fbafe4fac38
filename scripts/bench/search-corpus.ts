import type * as Search from '@bursa/core/search';
import type * as Shop from '@bursa/core/shop';
import { CATEGORIES } from '@bursa/core/shop';
import type { VACANCY_TYPES } from '@bursa/core/vacancy';
import { productDoc, vacancyDoc } from '../../packages/core/src/search/search.documents.ts';
import { PRODUCTS, SHOP_NAMES } from './search-catalogue.ts';
import {
  CO_TRADES,
  CO_WORDS,
  COLORS,
  FEMALE,
  JOB_QUALIFIERS,
  JOBS,
  MALE,
  SKILLS,
  STREETS,
  TASKS,
} from './search-words.ts';

/**
 * The search bench's synthetic, deterministic Kota Tangerang corpus: vacancies,
 * shops and products with Indonesian text composed from word lists, a few
 * misspellings, real kecamatan and kelurahan, built into documents by the real
 * `vacancyDoc`, `productDoc` and `shopDoc`.
 */
/** The corpus's clock: everything is published before it, no vacancy closes before it. */
export const BASE_MS = Date.parse('2026-03-02T03:00:00.000Z');
export const DAY = 86_400_000;

/** mulberry32: small, fast, and the same corpus on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** An id shaped like `newId` (time, then randomness), drawn from the corpus's generator. */
function idAt(rng: Rng, ms: number) {
  let time = '';
  for (let t = ms, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  let tail = '';
  for (let i = 0; i < 10; i++) tail += ALPHABET[rng.int(0, 31)];
  return time + tail;
}
export const iso = (ms: number) => new Date(ms).toISOString();

export type District = { code: string; name: string; villages: { code: string; name: string }[] };
const title = (s: string) => s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** One slip of the thumb in a few words: real text has a long tail of misspellings. */
function slip(rng: Rng, text: string) {
  return text.replace(/\p{L}{5,}/gu, (w) => {
    if (!rng.chance(0.02)) return w;
    const i = rng.int(1, w.length - 2);
    return rng.chance(0.5) ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i] + w.slice(i);
  });
}

/** Sentences until a length drawn from 100–400 characters, cut at a word. */
function prose(rng: Rng, sentences: (() => string)[]) {
  const target = rng.int(100, 400);
  let out = '';
  let guard = 0;
  while (out.length < target && guard++ < 40) out += `${out ? ' ' : ''}${rng.pick(sentences)()}`;
  if (out.length > target + 40) out = `${out.slice(0, out.lastIndexOf(' ', target + 40))}.`;
  return slip(rng, out);
}

const phone = (rng: Rng) => `08${rng.int(11, 99)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
const address = (rng: Rng, d: District, v: { name: string }) =>
  `${rng.pick(STREETS)} No. ${rng.int(1, 250)}, RT ${String(rng.int(1, 12)).padStart(2, '0')}/RW ${String(rng.int(1, 9)).padStart(2, '0')}, ${title(v.name)}, ${title(d.name)}.`;

export function vacancies(n: number, districts: District[]): Search.Doc[] {
  const rng = prng(12_001);
  const types: (typeof VACANCY_TYPES)[number][] = ['full_time', 'full_time', 'full_time', 'contract', 'part_time'];
  const rare: (typeof VACANCY_TYPES)[number][] = ['apprenticeship', 'overseas'];
  const companies = Array.from({ length: Math.max(1, Math.round(n / 8)) }, () => ({
    id: idAt(rng, BASE_MS - rng.int(100, 900) * DAY),
    name: `${rng.pick(['PT', 'PT', 'PT', 'CV', 'Klinik', 'Toko', 'Restoran'])} ${rng.pick(CO_WORDS)} ${rng.pick(CO_WORDS)} ${rng.pick(CO_TRADES)}${rng.chance(0.5) ? ' Tangerang' : rng.chance(0.3) ? ' Indonesia' : ''}`,
  }));
  const out: Search.Doc[] = [];
  for (let i = 0; i < n; i++) {
    const job = rng.pick(JOBS);
    const vt = rng.chance(0.1) ? rng.pick(rare) : rng.pick(types);
    const jobTitle = `${vt === 'apprenticeship' && !job.startsWith('Magang') ? 'Magang ' : ''}${job}${rng.chance(0.35) ? ` ${rng.pick(JOB_QUALIFIERS)}` : ''}`;
    const company = rng.pick(companies);
    const d = rng.pick(districts);
    const v = rng.pick(d.villages);
    const edu = rng.pick(['SD', 'SMP', 'SMA', 'SMA', 'SMK', 'SMK', 'SMK', 'D3', 'S1', 'S1'] as const);
    const published = BASE_MS - rng.int(0, 60 * 24) * 3_600_000;
    const closing = new Date(BASE_MS + rng.int(3, 60) * DAY).toISOString().slice(0, 10);
    const salaryMin = rng.chance(0.6) ? rng.int(30, 60) * 100_000 : undefined;
    const description = prose(rng, [
      () =>
        `Dibutuhkan segera ${jobTitle} untuk ${rng.pick(['cabang', 'pabrik', 'gudang', 'outlet', 'kantor'])} kami di ${title(d.name)}.`,
      () => `${company.name} membuka lowongan ${job} untuk ${rng.int(1, 20)} orang.`,
      () =>
        `Syarat: ${rng.pick(['pria', 'wanita', 'pria/wanita'])}, usia ${rng.int(17, 25)}-${rng.int(30, 45)} tahun, pendidikan minimal ${edu}.`,
      () => `Berpengalaman minimal ${rng.int(1, 3)} tahun di bidang yang sama lebih diutamakan.`,
      () => 'Fresh graduate dipersilakan melamar.',
      () => 'Mampu bekerja dalam tim dan di bawah tekanan, bersedia kerja shift dan lembur.',
      () => `Memiliki ${rng.pick(['SIM A', 'SIM B1', 'SIM C'])} aktif dan kendaraan sendiri.`,
      () => 'Jujur, disiplin, teliti dan bertanggung jawab.',
      () => 'Fasilitas: gaji UMK Kota Tangerang, BPJS Kesehatan dan Ketenagakerjaan, uang makan, THR.',
      () => `Penempatan di Kelurahan ${title(v.name)}, Kecamatan ${title(d.name)}.`,
      () => 'Lamaran lewat Bursa, sertakan CV dan kartu AK1.',
      () => 'Domisili Tangerang dan sekitarnya diutamakan.',
      () => `Jam kerja ${rng.int(6, 9)}.00-${rng.int(15, 21)}.00, Senin sampai Sabtu.`,
      () => `Tugas: ${rng.pick(TASKS)}, ${rng.pick(TASKS)}.`,
      () => `Alamat kantor: ${address(rng, d, v)}`,
    ]);
    const doc = vacancyDoc({
      id: idAt(rng, published),
      companyId: company.id,
      companyName: company.name,
      title: jobTitle,
      description,
      type: vt,
      minEducation: edu,
      skills: Array.from({ length: rng.int(1, 4) }, () => rng.pick(SKILLS)),
      regencyCode: '36.71',
      districtCode: d.code,
      ...(rng.chance(0.6) ? { villageCode: v.code } : {}),
      ...(salaryMin ? { salaryMin, salaryMax: salaryMin + rng.int(0, 30) * 100_000 } : {}),
      openings: rng.int(1, 20),
      closingDate: closing,
      status: 'open',
      createdAt: iso(published - DAY),
      updatedAt: iso(published),
      publishedAt: iso(published),
      version: rng.int(1, 4),
    });
    if (doc) out.push(doc);
  }
  return out;
}

export function shops(n: number, districts: District[]): Shop.Info[] {
  const rng = prng(12_002);
  const taken = new Map<string, number>();
  const out: Shop.Info[] = [];
  for (let i = 0; i < n; i++) {
    const category = rng.chance(0.45) ? 'kuliner' : rng.pick(CATEGORIES);
    const d = rng.pick(districts);
    const v = rng.pick(d.villages);
    const name = rng
      .pick(SHOP_NAMES[category])
      .replace('{F}', rng.pick(FEMALE))
      .replace('{M}', rng.pick(MALE))
      .replace('{P}', title(rng.chance(0.5) ? d.name : v.name));
    const base = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 24);
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    const created = BASE_MS - rng.int(1, 700) * DAY;
    const owner = rng.pick(FEMALE);
    out.push({
      id: idAt(rng, created),
      handle: seen > 1 ? `${base}${seen}` : base,
      name,
      bio: prose(rng, [
        () =>
          `${name}: ${rng.pick(PRODUCTS[category].items).toLowerCase()} dan ${rng.pick(PRODUCTS[category].items).toLowerCase()} dari ${title(d.name)}.`,
        () => `Usaha rumahan Bu ${owner} sejak ${rng.int(2005, 2025)}.`,
        () => `Buka setiap hari ${rng.int(6, 9)}.00-${rng.int(16, 22)}.00, pesan lewat WhatsApp ${phone(rng)}.`,
        () => rng.pick(PRODUCTS[category].lines),
        () => `Alamat: ${address(rng, d, v)}`,
        () => 'Alumni pelatihan wirausaha Disnaker Kota Tangerang.',
        () => 'Terima pesanan partai besar untuk acara dan kantor.',
      ]),
      ...(rng.chance(0.7) ? { avatar: idAt(rng, created) } : {}),
      category,
      kind: rng.chance(0.05) ? 'group' : 'individual',
      regencyCode: '36.71',
      districtCode: d.code,
      villageCode: v.code,
      whatsapp: `+628${rng.int(100_000_000, 999_999_999)}`,
      delivery: ['pickup'],
      ownerId: idAt(rng, created),
      ...(rng.chance(0.08)
        ? {
            badge: {
              programme: 'Pelatihan Wirausaha',
              cohort: 'A',
              year: 2025,
              status: 'verified' as const,
              requestedAt: iso(created),
            },
          }
        : {}),
      createdAt: iso(created),
      updatedAt: iso(created + DAY),
      version: rng.int(1, 6),
    });
  }
  return out;
}

export function products(n: number, shopList: Shop.Info[], districts: District[]): Search.Doc[] {
  const rng = prng(12_003);
  const out: Search.Doc[] = [];
  for (let i = 0; i < n; i++) {
    const shop = rng.pick(shopList);
    const category = rng.chance(0.85) ? shop.category : rng.pick(CATEGORIES);
    const cat = PRODUCTS[category];
    const item = rng.pick(cat.items);
    const productTitle = [item, rng.chance(0.5) ? rng.pick(cat.mods) : '', rng.chance(0.5) ? rng.pick(cat.sizes) : '']
      .filter(Boolean)
      .join(' ');
    const d = districts.find((x) => x.code === shop.districtCode) ?? (districts[0] as District);
    const v = d.villages.find((x) => x.code === shop.villageCode) ?? (d.villages[0] as District['villages'][number]);
    const created = Math.max(Date.parse(shop.createdAt), BASE_MS - rng.int(0, 365) * DAY) + rng.int(0, 86_399) * 1000;
    const description = prose(rng, [
      () => `${productTitle} buatan ${shop.name}, ${rng.pick(['rumahan', 'asli', 'khas'])} ${title(d.name)}.`,
      ...cat.lines.map((l) => () => l),
      () => `Tersedia ${rng.pick(COLORS)}, ${rng.pick(COLORS)} dan ${rng.pick(COLORS)}.`,
      () => 'Bisa kirim ke seluruh Kota Tangerang lewat ojek online atau ambil sendiri.',
      () => `Tanya stok dulu lewat WA ${phone(rng)} ya kak.`,
      () => `Ambil di ${address(rng, d, v)}`,
      () => 'Produk UMKM binaan Disnaker Kota Tangerang.',
      () => `Terjual lebih dari ${rng.int(10, 900)} pcs, rating ${rng.int(45, 50) / 10}.`,
    ]);
    const id = idAt(rng, created);
    const doc = productDoc(
      {
        shopId: shop.id,
        id,
        title: productTitle,
        slug: productTitle
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, ''),
        description,
        price: rng.int(10, 1000) * 500,
        madeToOrder: rng.chance(0.2),
        ...(rng.chance(0.8) ? { stock: rng.int(0, 200) } : {}),
        category,
        status: rng.chance(0.05) ? 'sold_out' : 'active',
        ...(rng.chance(0.85) ? { photos: [idAt(rng, created)] } : {}),
        createdAt: iso(created),
        updatedAt: iso(created + rng.int(0, 30) * DAY),
        version: rng.int(1, 5),
      },
      shop,
    );
    if (doc) out.push(doc);
  }
  return out;
}
