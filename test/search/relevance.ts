import type { Ctx } from '@bursa/core/kernel';
import * as Search from '@bursa/core/search';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The relevance suite: what residents type, against the demo data (the
 * employers, vacancies and shops `npm start` seeds), and what must be among
 * the first five results. Affixes, typos, everyday variants and synonyms,
 * several words, Indonesian mixed with English, typing (prefixes). It runs in
 * test/integration/seed.test.ts, on the demo that file seeds (one seeding of
 * the whole demo per run, not two).
 */
type Case = [query: string, tab: Search.Collection, expected: string, why: string];

export const CASES: Case[] = [
  // affixes: the root finds its derived words, and back
  ['melamar jahit', 'vacancies', 'Operator Jahit', 'melamar is a collection word, jahit the root'],
  ['penjahit', 'vacancies', 'Operator Jahit', 'pen- + jahit'],
  ['menjahit', 'products', 'Jahit Gamis (bahan dari pelanggan)', 'men- + jahit'],
  ['penjahit', 'shops', 'Jahit Maya', 'a shop by its trade'],
  ['pengemudi', 'vacancies', 'Sopir Pengiriman (SIM B1)', 'pengemudi = sopir (dictionary root and synonym)'],
  ['memasak', 'vacancies', 'Juru Masak', 'mem- + masak (dictionary: the stemmer says pasak)'],
  ['perawat', 'vacancies', 'Perawat Klinik', 'perawat stays perawat (the stemmer says awat)'],
  ['perawatan lansia', 'vacancies', 'Perawat Lansia (Kaigo) di Jepang', 'two words, one derived'],
  ['pengiriman', 'vacancies', 'Sopir Pengiriman (SIM B1)', 'exact word in a title'],
  ['kirim barang', 'vacancies', 'Sopir Pengiriman (SIM B1)', 'root of pengiriman, any word'],
  ['rajutan', 'products', 'Tas Rajut Tali Kur', '-an suffix'],
  ['jahitan', 'shops', 'Jahit Maya', '-an suffix on a shop'],
  // typos
  ['pnjahit', 'vacancies', 'Operator Jahit', 'a letter missing'],
  ['kasirr', 'vacancies', 'Kasir Paruh Waktu', 'a letter doubled'],
  ['keripk ceker', 'products', 'Keripik Ceker Pedas 250 g', 'a letter missing, two words'],
  ['perwat', 'vacancies', 'Perawat Klinik', 'a letter missing'],
  ['gudnag', 'vacancies', 'Staf Gudang', 'letters swapped'],
  ['batk', 'shops', 'Batik Cisadane', 'a letter missing in a short word'],
  // everyday variants and synonyms
  ['supir', 'vacancies', 'Sopir Pengiriman (SIM B1)', 'supir / sopir'],
  ['driver', 'vacancies', 'Sopir Pengiriman (SIM B1)', 'English for sopir'],
  ['kripik', 'products', 'Keripik Ceker Pedas 250 g', 'kripik / keripik'],
  ['sambel', 'products', 'Sambal Bawang Botol', 'sambel / sambal'],
  ['telor', 'products', 'Telur Ayam Kampung (10 butir)', 'telor / telur'],
  ['cabe rawit', 'products', 'Bibit Cabai Rawit (10 polybag)', 'cabe / cabai'],
  ['cake', 'products', 'Kue Lapis Legit 20×20', 'cake / kue'],
  ['administrasi', 'vacancies', 'Admin Produksi', 'administrasi / admin'],
  ['koki', 'vacancies', 'Juru Masak', 'koki / juru masak'],
  ['chef', 'vacancies', 'Juru Masak', 'English'],
  ['cashier', 'vacancies', 'Kasir Paruh Waktu', 'English'],
  ['warehouse', 'vacancies', 'Staf Gudang', 'English'],
  ['nurse', 'vacancies', 'Perawat Klinik', 'English'],
  ['laundry', 'shops', 'Laundry Kiloan Bambang', 'exact'],
  ['binatu', 'shops', 'Laundry Kiloan Bambang', 'binatu / laundry'],
  ['part time', 'vacancies', 'Kasir Paruh Waktu', 'part time / paruh waktu'],
  ['internship', 'vacancies', 'Magang Web Developer', 'internship / magang'],
  // several words, the whole phrase first
  ['kue lapis', 'products', 'Kue Lapis Legit 20×20', 'two words'],
  ['keripik ceker', 'shops', 'Keripik Ceker Bu Siti', 'the shop named so'],
  ['lowongan jahit', 'vacancies', 'Operator Jahit', 'lowongan names the collection'],
  ['operator pabrik korea', 'vacancies', 'Operator Pabrik di Korea Selatan', 'three words'],
  ['madu hutan', 'products', 'Madu Hutan 500 ml', 'two words'],
  ['cuci ac', 'products', 'Cuci AC 1/2–1 PK', 'short word'],
  ['servis kulkas', 'products', 'Servis Kulkas', 'two words'],
  ['jual hijab', 'products', 'Hijab Segi Empat Voal', 'jual names the collection'],
  // mixed Indonesian and English
  ['web developer magang', 'vacancies', 'Magang Web Developer', 'mixed'],
  ['it support', 'vacancies', 'Staf IT Support', 'English words in an Indonesian title'],
  ['quality control garmen', 'vacancies', 'Quality Control Garmen', 'mixed'],
  ['logo design', 'products', 'Desain Logo UMKM', 'design / desain'],
  ['barista coffee', 'vacancies', 'Magang Barista', 'a word that is not there is forgiven (any word)'],
  // typing: the last word is a prefix
  ['operator ja', 'vacancies', 'Operator Jahit', 'typing'],
  ['nast', 'products', 'Nastar Wisman 500 g', 'typing'],
  ['ambal', 'products', 'Sambal Bawang Botol', 'one letter missing at the start'],
];

const titleOf = (c: Search.Collection, h: Record<string, unknown>) => String(c === 'shops' ? h.name : h.title);

/**
 * Registers the suite; `ctx` reads the seeded demo (call it inside a describe
 * whose earlier tests seeded it: test/integration/seed.test.ts, which seeds
 * exactly what `npm start` does).
 */
export function relevanceSuite(ctx: () => Ctx, settle: () => Promise<void>) {
  describe('relevance: what residents type finds what they mean (top 5, demo data)', () => {
    beforeAll(settle);

    it('has at least 40 queries', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

    it.each(CASES)('%s (%s) → %s', async (q, tab, expected) => {
      const r = await Search.search(ctx(), { q, tab });
      const top = r[tab].slice(0, 5).map((h) => titleOf(tab, h as Record<string, unknown>));
      expect(top, `top 5 for "${q}"`).toContain(expected);
    });

    it('the best match comes first: an exact title word beats a synonym', async () => {
      const r = await Search.search(ctx(), { q: 'sopir', tab: 'vacancies' });
      expect(r.vacancies[0]?.title).toBe('Sopir Pengiriman (SIM B1)');
      const k = await Search.search(ctx(), { q: 'keripik ceker pedas', tab: 'products' });
      expect(k.products[0]?.title).toBe('Keripik Ceker Pedas 250 g');
    });

    it('words that mean nothing find nothing, not everything', async () => {
      const r = await Search.search(ctx(), { q: 'xyzzy qwerty' });
      expect(r.counts).toEqual({ vacancies: 0, products: 0, shops: 0 });
    });
  });
}
