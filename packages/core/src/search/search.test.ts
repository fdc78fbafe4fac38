/// <reference path="../../../../scripts/types/s3rver.d.ts" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSearchHandler } from '@bursa/functions/search/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaLocal, startLambdaLocal } from '../../../../scripts/local/lambda-local.ts';
import { type S3Local, startS3Local } from '../../../../scripts/local/s3-local.ts';
import { type DemoEmployers, seedDemo } from '../../../../scripts/seed/demo.ts';
import { seedRegions } from '../../../../scripts/seed/regions.ts';
import { seedShops } from '../../../../scripts/seed/shops.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Config, type Ctx, DomainError, loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Shop from '../shop/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import * as Search from './index.ts';
import { createIndex } from './search.index.ts';
import { applyEntries, type IndexState } from './search.snapshot.ts';

/** How search stays true to the table: visibility, freshness, snapshots, filters and the search function. */
let db: Db;
let s3: S3Local;
let config: Config;
let projections: Awaited<ReturnType<typeof startProjections>>;
let employers: DemoEmployers;
let seller: Actor;
let shop: Shop.Info;
const as = (actor: Actor | undefined, now?: number): Ctx => ({
  db,
  config,
  actor,
  ...(now ? { now: () => now } : {}),
});
const find = (input: Search.SearchInput, now?: number) => Search.search(as(undefined, now), input);
const day = (days: number) => todayInJakarta(Date.now() + days * 86_400_000);

beforeAll(async () => {
  db = await createTestDb();
  s3 = await startS3Local({ directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')), buckets: ['bursa-media-st'] });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-st',
  });
  projections = await startProjections(db);
  await seedRegions(db);
  ({ employers } = await seedDemo(db, config));
  await seedShops(db, config, undefined, 4);
  const r = await Account.register(as(undefined), {
    name: 'Lina Kusuma',
    phone: '0813 5555 0101',
    password: 'rahasia123',
  });
  seller = { userId: r.user.id, name: 'Lina Kusuma', roles: ['resident'] };
  shop = await Shop.open(as(seller), {
    handle: 'dapurlina',
    name: 'Dapur Lina',
    category: 'kuliner',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    whatsapp: '0813 5555 0101',
    delivery: ['pickup'],
  });
  await projections.settle(60_000);
}, 180_000);

afterAll(async () => {
  await projections?.stop();
  await s3?.stop();
});

const employer = () => employers[0] as DemoEmployers[number];
const vacancyFields = (title: string, extra: Record<string, unknown> = {}) => ({
  companyId: employer().companyId,
  title,
  description: 'Kami mencari tenaga kerja yang teliti dan rajin untuk bagian produksi.',
  type: 'full_time' as const,
  minEducation: 'SMA' as const,
  districtCode: '36.71.02',
  openings: 2,
  closingDate: day(20),
  ...extra,
});

describe('what search returns', () => {
  it('an open vacancy appears within seconds of publishing, and leaves when closed; drafts never appear', async () => {
    const draft = await Vacancy.create(as(employer().employer), {
      ...vacancyFields('Penyablon Kaos Draf'),
      publish: false,
    });
    const open = await Vacancy.create(as(employer().employer), {
      ...vacancyFields('Penyablon Kaos Berpengalaman'),
      publish: true,
    });
    await projections.settle();
    const found = await find({ q: 'penyablon', tab: 'vacancies' });
    expect(found.vacancies.map((v) => v.id)).toEqual([open.id]);
    expect(found.vacancies.map((v) => v.id)).not.toContain(draft.id);
    await Vacancy.close(as(employer().employer), { id: open.id, outcome: 'filled_elsewhere' });
    await projections.settle();
    expect((await find({ q: 'penyablon', tab: 'vacancies' })).counts.vacancies).toBe(0);
  });

  it('an expired vacancy is never returned, though its listing is still there', async () => {
    const v = await Vacancy.create(as(employer().employer), {
      ...vacancyFields('Pemandu Wisata Kota', { closingDate: day(2) }),
      publish: true,
    });
    await projections.settle();
    expect((await find({ q: 'pemandu wisata' })).counts.vacancies).toBe(1);
    const afterClosing = Date.now() + 4 * 86_400_000;
    const later = await find({ q: 'pemandu wisata' }, afterClosing);
    expect(later.counts.vacancies).toBe(0);
    expect(later.vacancies.map((x) => x.id)).not.toContain(v.id);
  });

  it('a hidden product disappears, a sold-out one stays (marked), an edit is found by its new words', async () => {
    const p = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Pempek Kapal Selam',
      price: 15_000,
      category: 'kuliner',
      stock: 5,
    });
    await projections.settle();
    expect((await find({ q: 'pempek', tab: 'products' })).products.map((x) => x.id)).toEqual([p.id]);
    const edited = await Shop.updateProduct(as(seller), {
      shopId: shop.id,
      id: p.id,
      title: 'Pempek Lenjer Palembang',
      status: 'sold_out',
    });
    await projections.settle();
    const r = await find({ q: 'lenjer', tab: 'products' });
    expect(r.products.map((x) => [x.id, x.status])).toEqual([[p.id, 'sold_out']]);
    expect((await find({ q: 'kapal selam', tab: 'products' })).counts.products).toBe(0);
    await Shop.updateProduct(as(seller), { shopId: shop.id, id: p.id, status: 'hidden', version: edited.version });
    await projections.settle();
    expect((await find({ q: 'pempek' })).counts.products).toBe(0);
  });

  it('typos are forgiven only when the words as typed find nothing anywhere', async () => {
    await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Kopi Super Robusta',
      price: 30_000,
      category: 'kuliner',
      stock: 9,
    });
    await projections.settle();
    // "supir" finds the driver vacancy as typed (sopir's group), so "super" (one edit away) is not offered.
    const supir = await find({ q: 'supir' });
    expect(supir.vacancies.map((v) => v.title)).toContain('Sopir Pengiriman (SIM B1)');
    expect(supir.counts.products).toBe(0);
    // "supre" finds nothing as typed: then the typo is forgiven.
    expect((await find({ q: 'supre', tab: 'products' })).products.map((p) => p.title)).toContain('Kopi Super Robusta');
  });

  it("a shop's rename reaches its products' cards", async () => {
    const p = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Tekwan Kuah',
      price: 18_000,
      category: 'kuliner',
      madeToOrder: true,
    });
    await projections.settle();
    const current = await Shop.get(db, shop.id);
    await Shop.update(as(seller), { id: shop.id, version: current.version, name: 'Dapur Lina Palembang' });
    await projections.settle();
    const r = await find({ q: 'tekwan', tab: 'products' });
    expect(r.products.find((x) => x.id === p.id)?.shopName).toBe('Dapur Lina Palembang');
    expect((await find({ q: 'palembang', tab: 'shops' })).shops.map((s) => s.id)).toContain(shop.id);
  });
});

describe('snapshots and the change log', () => {
  it('compaction writes a snapshot; a new process loads it and catches up from the log; nothing new, nothing written', async () => {
    const ctx = as(undefined);
    // As EventBridge asks the search function: every collection.
    const compactAll = async () =>
      ((await createSearchHandler(config, db)({ action: 'compact' })) as Search.CompactResult[]).find(
        (r) => r.collection === 'products',
      ) as Search.CompactResult;
    const first = await compactAll();
    expect(first.skipped).toBe(false);
    expect(first.docs).toBeGreaterThan(10);
    expect((await compactAll()).skipped).toBe(true);
    const p = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Model Ikan Kuah',
      price: 20_000,
      category: 'kuliner',
      madeToOrder: true,
    });
    await projections.settle();
    // As a cold search function: the snapshot (without the new product) and then the log.
    Search.unloadAll();
    const snapshot = await Search.loadSnapshot(ctx, '36.71', 'products');
    expect(snapshot?.index.has(p.id)).toBe(false);
    expect((await find({ q: 'model ikan', tab: 'products' })).products.map((x) => x.id)).toEqual([p.id]);
    const second = await compactAll();
    expect(second).toMatchObject({ skipped: false, rebuilt: false });
    expect(second.applied).toBeGreaterThanOrEqual(1);
    expect((await Search.loadSnapshot(ctx, '36.71', 'products'))?.index.has(p.id)).toBe(true);
    // A rebuild from the table holds the same documents.
    const rebuilt = await Search.compact(ctx, '36.71', 'products', { rebuild: true });
    expect(rebuilt).toMatchObject({ rebuilt: true, docs: second.docs });
  });

  it('a change older than what the index holds is ignored, so reading the log twice or out of order is harmless', () => {
    const state: IndexState = {
      collection: 'shops',
      index: createIndex('shops'),
      stamps: new Map(),
      position: '2026-01-01T00:00:00.000Z',
    };
    const doc = (name: string) => ({
      id: 'shop1',
      name,
      handle: 'h',
      text: '',
      shopId: 'shop1',
      category: 'kuliner',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      createdAt: '2026-01-01',
      at: '2026-01-01',
    });
    const newer = { writtenAt: '2026-01-02T00:00:02.000Z', docId: 'shop1', stamp: '000000002', doc: doc('Baru') };
    const older = { writtenAt: '2026-01-02T00:00:03.000Z', docId: 'shop1', stamp: '000000001', doc: doc('Lama') };
    expect(applyEntries(state, [newer, older])).toBe(1);
    expect(state.index.search('baru')).toHaveLength(1);
    expect(state.index.search('lama')).toHaveLength(0);
    expect(state.position).toBe('2026-01-02T00:00:03.000Z');
    // A removal stamped later wins, and a late copy of the older document does not bring it back.
    expect(
      applyEntries(state, [{ writtenAt: '2026-01-02T00:00:04.000Z', docId: 'shop1', stamp: '000000003' }, newer]),
    ).toBe(1);
    expect(state.index.documentCount).toBe(0);
  });
});

describe('filters, facets and pages agree with the lists', () => {
  it('an empty query with a kecamatan filter returns what /lowongan shows for it, newest first', async () => {
    const districtCode = '36.71.02';
    const list = await Vacancy.browse(as(undefined), { districtCode, limit: 50 });
    const r = await find({ q: '', tab: 'vacancies', districtCode, limit: 50 });
    expect(r.vacancies.map((v) => v.id)).toEqual(list.items.map((v) => v.id));
    expect(r.counts.vacancies).toBe(list.items.length);
  });

  it('a category filter on products agrees with /pasar, and facets count the other filters only', async () => {
    const market = await Shop.marketProducts(as(undefined), { category: 'kuliner' });
    const r = await find({ q: '', tab: 'products', category: 'kuliner', limit: 50 });
    expect(new Set(r.products.map((p) => p.id))).toEqual(new Set(market.items.map((p) => p.productId)));
    // The category facet ignores the category filter (so other categories can be chosen), the kecamatan facet obeys it.
    const all = await find({ q: '', tab: 'products', limit: 50 });
    expect(r.facets.category).toEqual(all.facets.category);
    expect(Object.values(r.facets.districtCode ?? {}).reduce((a, b) => a + b, 0)).toBe(r.counts.products);
  });

  it('education counts a vacancy under every level that meets it; price bands and graduates filter', async () => {
    const smk = await find({ q: '', tab: 'vacancies', education: 'SMK', limit: 50 });
    expect(smk.vacancies.every((v) => ['SD', 'SMP', 'SMA', 'SMK'].includes(v.minEducation))).toBe(true);
    const cheap = await find({ q: '', tab: 'products', price: '0-25000', limit: 50 });
    expect(cheap.products.length).toBeGreaterThan(0);
    expect(cheap.products.every((p) => p.price < 25_000)).toBe(true);
    const graduates = await find({ q: '', tab: 'shops', graduate: '1' } as Search.SearchInput);
    expect(graduates.shops.length).toBeGreaterThan(0);
    expect(graduates.shops.every((s) => s.graduate === 1)).toBe(true);
  });

  it('pages by cursor without repeats; the "all" tab shows a few of each with their counts', async () => {
    const one = await find({ q: '', tab: 'products', limit: 5 });
    expect(one.cursor).toBe('5');
    const two = await find({ q: '', tab: 'products', limit: 5, cursor: one.cursor });
    expect(two.products.map((p) => p.id).some((id) => one.products.map((p) => p.id).includes(id))).toBe(false);
    const all = await find({ q: '' });
    expect(all.products.length).toBe(Search.PREVIEW);
    expect(all.counts.products).toBeGreaterThan(Search.PREVIEW);
    expect(all.facets).toEqual({});
  });

  it('bad input is a validation error naming the field, before anything is searched', async () => {
    const err = await find({ q: 'x'.repeat(101) }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((((err as DomainError).details?.fields ?? []) as { code: string }[]).map((d) => d.code)).toContain(
      'search.q.max',
    );
    const bad = await find({ q: 'kue', tab: 'bukan' as never, price: '1-2' as never, cursor: 'abc' }).catch((e) => e);
    expect((((bad as DomainError).details?.fields ?? []) as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'cursor',
      'price',
      'tab',
    ]);
  });
});

describe('/lowongan through search: kelurahan, salary floor, closing soon, counts, the badge', () => {
  const village = '36.71.02.1002';
  const ids = (r: Search.SearchResults) => r.vacancies.map((v) => v.id);
  const post = (title: string, extra: Record<string, unknown>) =>
    Vacancy.create(as(employer().employer), { ...vacancyFields(title, extra), publish: true });
  let ranged: Vacancy.Stored;
  let fromOnly: Vacancy.Stored;
  let undisclosed: Vacancy.Stored;
  let elsewhere: Vacancy.Stored;

  beforeAll(async () => {
    // One after the other: "newest first" is their order.
    ranged = await post('Juru Ukur Tanah', {
      villageCode: village,
      salaryMin: 3_000_000,
      salaryMax: 6_000_000,
      closingDate: day(40),
    });
    // At the UMK or above: a full-time wage below it is refused (vacancy.fields.ts).
    fromOnly = await post('Juru Ukur Bangunan', { villageCode: village, salaryMin: 5_400_000, closingDate: day(3) });
    undisclosed = await post('Juru Ukur Jalan', { villageCode: village, closingDate: day(10) });
    elsewhere = await post('Juru Ukur Sungai', { salaryMin: 9_000_000, salaryMax: 9_000_000, closingDate: day(20) });
    await projections.settle();
  });

  it('filters by kelurahan and by the highest stated salary (none stated never meets a floor), counting what it filters', async () => {
    const inVillage = await find({ q: '', tab: 'vacancies', villageCode: village, limit: 50 });
    expect(ids(inVillage)).toEqual([undisclosed.id, fromOnly.id, ranged.id]);
    expect(inVillage.counts.vacancies).toBe(3);
    // 5.500.000: the range reaching 6.000.000 meets it; "from 5.400.000" (its highest stated) does not.
    const high = await find({ q: '', tab: 'vacancies', villageCode: village, salaryFloor: '5.500.000' });
    expect(ids(high)).toEqual([ranged.id]);
    expect(high.counts.vacancies).toBe(1);
    const five = await find({ q: 'juru ukur', tab: 'vacancies', salaryFloor: 5_000_000 });
    expect(new Set(ids(five))).toEqual(new Set([elsewhere.id, fromOnly.id, ranged.id]));
    // Every vacancy a floor lists states a salary reaching it.
    const floor = await find({ q: '', tab: 'vacancies', salaryFloor: 4_000_000, limit: 50 });
    expect(floor.vacancies.length).toBeGreaterThan(0);
    expect(floor.vacancies.every((v) => (v.salaryMax ?? v.salaryMin ?? 0) >= 4_000_000)).toBe(true);
    expect(floor.counts.vacancies).toBeLessThan((await find({ q: '', tab: 'vacancies' })).counts.vacancies);
  });

  it('orders by closing soon (the newest first within a day) or by newest, with words or without, and pages in that order', async () => {
    expect(ids(await find({ q: 'juru ukur', tab: 'vacancies', sort: 'closing' }))).toEqual([
      fromOnly.id,
      undisclosed.id,
      elsewhere.id,
      ranged.id,
    ]);
    expect(ids(await find({ q: 'juru ukur', tab: 'vacancies', sort: 'newest' }))).toEqual([
      elsewhere.id,
      undisclosed.id,
      fromOnly.id,
      ranged.id,
    ]);
    const first = await find({ q: '', tab: 'vacancies', sort: 'closing', limit: 5 });
    const second = await find({ q: '', tab: 'vacancies', sort: 'closing', limit: 5, cursor: first.cursor });
    const days = [...first.vacancies, ...second.vacancies].map((v) => v.closingDate);
    expect(days).toEqual([...days].sort());
    expect(second.counts.vacancies).toBe(first.counts.vacancies);
  });

  it('a kelurahan outside the chosen kecamatan, a floor that is no amount, an unknown order: each a field error, all at once', async () => {
    const err = await find({
      q: '',
      tab: 'vacancies',
      districtCode: '36.71.01',
      villageCode: village,
      salaryFloor: 'banyak',
      sort: 'acak',
    } as Search.SearchInput).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    const issues = ((err as DomainError).details?.fields ?? []) as { path: string; code: string }[];
    expect(issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      'salaryFloor:search.salary.invalid',
      'sort:search.sort.invalid',
      'villageCode:search.village.outside',
    ]);
  });

  it('the last change (the home page\'s "Diperbarui") is the newest entry of the logs, read in one Query each', async () => {
    const before = (await Search.lastChange(db, '36.71')) as string;
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const p = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Bolu Pandan Wangi',
      price: 25_000,
      category: 'kuliner',
      madeToOrder: true,
    });
    await projections.settle();
    const after = (await Search.lastChange(db, '36.71')) as string;
    expect(after > before).toBe(true);
    expect((await Search.readLog(db, '36.71', 'products', after)).map((e) => e.docId)).toContain(p.id);
  });

  it("cards carry the company's verified state, and a revocation (then a new verification) reaches them through the stream", async () => {
    const verifiedOf = async (id: string) =>
      (await find({ q: 'juru ukur', tab: 'vacancies' })).vacancies.find((v) => v.id === id)?.companyVerified;
    expect(await verifiedOf(ranged.id)).toBe(true);
    const all = await find({ q: '', tab: 'vacancies', limit: 50 });
    // The demo has unverified employers too: their cards carry no badge.
    expect(all.vacancies.some((v) => !v.companyVerified)).toBe(true);
    const officer: Actor = { userId: 'officer-search', name: 'Petugas', roles: ['officer', 'resident'] };
    await Company.revoke(as(officer), { id: employer().companyId, reason: 'Surat izin usaha ternyata palsu.' });
    await projections.settle();
    expect(await verifiedOf(ranged.id)).toBeUndefined();
    await Company.verify(as(officer), { id: employer().companyId });
    await projections.settle();
    expect(await verifiedOf(ranged.id)).toBe(true);
  });
});

describe('the search function', () => {
  let lambdas: LambdaLocal;
  afterAll(async () => lambdas?.stop());

  it('answers through Lambda Invoke exactly as in-process; a failing function is "search unavailable", not a 500', async () => {
    lambdas = await startLambdaLocal({
      'bursa-search': createSearchHandler(config, db),
      broken: async () => {
        throw new Error('out of memory');
      },
    });
    const remote = loadConfig({
      ...process.env,
      TABLE_NAME: db.tableName,
      S3_ENDPOINT: s3.endpoint,
      MEDIA_BUCKET: 'bursa-media-st',
      SEARCH_FUNCTION_NAME: 'bursa-search',
      LAMBDA_ENDPOINT: lambdas.endpoint,
    });
    const viaFunction = await Search.search({ db, config: remote, actor: undefined }, { q: 'kue lapis' });
    const inProcess = await find({ q: 'kue lapis' });
    // The same answer (scores aside: freshness moves with the clock between the two calls).
    const shape = (r: Search.SearchResults) => ({
      counts: r.counts,
      ids: [r.vacancies, r.products, r.shops].map((hits) => hits.map((h) => h.id)),
      facets: r.facets,
    });
    expect(shape(viaFunction)).toEqual(shape(inProcess));
    expect(viaFunction.counts.products).toBeGreaterThan(0);
    const broken = { ...remote, searchFunction: 'broken' };
    const err = await Search.search({ db, config: broken, actor: undefined }, { q: 'kue' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'unavailable', code: 'search.unavailable' });
  });
});
