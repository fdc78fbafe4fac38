import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig, newId, todayInJakarta } from '../kernel/index.ts';
import * as Notification from '../notification/index.ts';
import * as Region from '../region/index.ts';
import * as Search from '../search/index.ts';
import * as Shop from '../shop/index.ts';
import { socialEntities } from '../shop/social.entity.ts';
import * as Vacancy from '../vacancy/index.ts';
import * as Moderation from './index.ts';

/** Reports, the officers' queue and hidden content leaving every list, against DynamoDB Local and the real projections. */
let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let employer: Actor;
let seller: Actor;
let fan: Actor;
let neighbour: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Petugas Satu', roles: ['officer', 'resident'] };
const officer2: Actor = { userId: 'officer-2', name: 'Petugas Dua', roles: ['officer', 'resident'] };
let companyId: string;
let shop: Shop.Info;
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });

async function person(name: string, phone: string): Promise<Actor> {
  const r = await Account.register(as(undefined), { name, phone, password: 'rahasia123' });
  return { userId: r.user.id, name, roles: ['resident'] };
}
const vacancy = (title: string) =>
  Vacancy.create(as(employer), {
    companyId,
    title,
    description: 'Menjaga gudang dan mencatat barang masuk keluar setiap hari.',
    type: 'full_time',
    minEducation: 'SMA',
    skills: 'gudang',
    districtCode: '36.71.01',
    // At or above the UMK of Kota Tangerang: below it a full-time job is refused.
    salaryMin: 5_500_000,
    openings: 2,
    closingDate: todayInJakarta(Date.now() + 30 * 86_400_000),
    publish: true,
  } as never);
const product = (title: string) =>
  Shop.createProduct(as(seller), {
    shopId: shop.id,
    title,
    description: 'Renyah, tanpa pengawet.',
    price: 'Rp25.000',
    stock: '10',
    category: 'kuliner',
  } as never);
/** A post written straight to the table: posting needs processed photos, which this test does not need. */
async function post(caption: string) {
  const p = {
    shopId: shop.id,
    id: newId(),
    authorId: seller.userId,
    caption,
    photos: ['x'],
    tags: [],
    createdAt: new Date().toISOString(),
  };
  await socialEntities(db)
    .Post.build((await import('dynamodb-toolbox')).PutItemCommand)
    .item(p)
    .send();
  return p;
}
/** What the search index holds for a document now: the last entry of its change log. */
async function inSearch(collection: Search.Collection, docId: string) {
  await settle();
  const log = await Search.readLog(db, '36.71', collection, '2000-01-01T00:00:00.000Z');
  const last = log.filter((e) => e.docId === docId).at(-1);
  return Boolean(last?.doc);
}
const queueIds = async (status: 'open' | 'hidden' = 'open') =>
  (await Moderation.queue(as(officer), { status })).items.map((c) => `${c.kind}:${c.targetId}`);

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  employer = await person('Budi', '0812 1000 0001');
  seller = await person('Lina', '0812 1000 0002');
  fan = await person('Sari', '0812 1000 0003');
  neighbour = await person('Dodi', '0812 1000 0004');
  const company = await Company.create(as(employer), {
    name: 'PT Gudang Jaya',
    sector: 'manufaktur',
    address: 'Jl. Merdeka No. 1',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  companyId = company.id;
  // Verified, so its vacancies open at once (unverified companies' may wait for review).
  await Company.verify(as(officer), { id: companyId });
  shop = await Shop.open(as(seller), {
    handle: `lapor${Date.now() % 1e6}`,
    name: 'Dapur Lina',
    category: 'kuliner',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    whatsapp: '0812 1000 0002',
    delivery: ['pickup'],
  });
}, 60_000);
afterAll(() => stop());

describe('reporting', () => {
  it('anyone signed in reports each kind of thing; one queue item per thing with its count and reasons', async () => {
    const v = await vacancy('Staf Gudang Lapor');
    const p = await product('Keripik Lapor');
    const ps = await post('Promo keripik');
    const c = await Shop.comment(as(fan), { shopId: shop.id, postId: ps.id, text: 'Transfer dulu Rp50.000 ya' });
    const targets = [
      { kind: 'vacancy', id: v.id },
      { kind: 'company', id: companyId },
      { kind: 'shop', id: shop.id },
      { kind: 'product', id: p.id, shopId: shop.id },
      { kind: 'post', id: ps.id, shopId: shop.id },
      { kind: 'comment', id: c.id, shopId: shop.id, postId: ps.id },
    ] as const;
    for (const t of targets) await Moderation.report(as(neighbour), { ...t, reason: 'scam' });
    expect(await queueIds()).toEqual(expect.arrayContaining(targets.map((t) => `${t.kind}:${t.id}`)));

    // Reporting again updates the note (and reason), not the count; another person adds one.
    expect(
      await Moderation.report(as(neighbour), { kind: 'vacancy', id: v.id, reason: 'false_info', note: 'Gaji palsu' }),
    ).toEqual({ updated: true });
    await Moderation.report(as(fan), { kind: 'vacancy', id: v.id, reason: 'scam', note: 'Minta biaya seragam' });
    const item = (await Moderation.queue(as(officer), {})).items.find((i) => i.targetId === v.id);
    expect(item).toMatchObject({ count: 2, targetName: 'Staf Gudang Lapor', link: `/lowongan/${v.id}` });
    expect(item && Moderation.reasonsOf(item)).toEqual([
      { reason: 'scam', count: 1 },
      { reason: 'false_info', count: 1 },
    ]);
    // Oldest first.
    const open = (await Moderation.queue(as(officer), {})).items.map((i) => i.firstAt ?? '');
    expect([...open].sort()).toEqual(open);
  });

  it('refuses the signed-out, nonsense and unknown things; the queue is for officers only', async () => {
    const v = await vacancy('Staf Gudang Tolak');
    await expect(Moderation.report(as(undefined), { kind: 'vacancy', id: v.id, reason: 'scam' })).rejects.toMatchObject(
      {
        kind: 'unauthenticated',
      },
    );
    await expect(
      Moderation.report(as(fan), { kind: 'vacancy', id: v.id, reason: 'nope' as never, note: 'x'.repeat(501) }),
    ).rejects.toMatchObject({ kind: 'validation' });
    await expect(
      Moderation.report(as(fan), { kind: 'product', id: newId(), shopId: shop.id, reason: 'scam' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(Moderation.queue(as(fan), {})).rejects.toMatchObject({ kind: 'forbidden' });
    await Moderation.report(as(fan), { kind: 'vacancy', id: v.id, reason: 'other' });
    await expect(
      Moderation.hide(as(employer), { kind: 'vacancy', id: v.id, reason: 'Penipuan' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(Moderation.dismiss(as(fan), { kind: 'vacancy', id: v.id })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('hiding', () => {
  it('a hidden vacancy leaves the listing and search, its owner is told why, and restoring brings it back', async () => {
    const v = await vacancy('Kurir Gudang Sembunyi');
    await settle();
    expect((await Vacancy.browse(as(undefined), {})).items.map((x) => x.id)).toContain(v.id);
    expect(await inSearch('vacancies', v.id)).toBe(true);
    await Moderation.report(as(fan), { kind: 'vacancy', id: v.id, reason: 'scam' });
    await expect(Moderation.hide(as(officer), { kind: 'vacancy', id: v.id, reason: 'x' })).rejects.toMatchObject({
      kind: 'validation',
    });
    await Moderation.hide(as(officer), { kind: 'vacancy', id: v.id, reason: 'Meminta biaya pendaftaran' });
    await settle();
    expect((await Vacancy.browse(as(undefined), {})).items.map((x) => x.id)).not.toContain(v.id);
    expect(await inSearch('vacancies', v.id)).toBe(false);
    expect((await Vacancy.listOpenByCompany(as(undefined), { companyId })).items.map((x) => x.id)).not.toContain(v.id);
    await expect(Vacancy.view(as(fan), { id: v.id })).rejects.toMatchObject({ code: 'moderation.unavailable' });
    // The owner still sees it, with the reason; editing cannot undo the hide.
    const mine = await Vacancy.view(as(employer), { id: v.id });
    expect(mine.vacancy.moderation).toMatchObject({ reason: 'Meminta biaya pendaftaran' });
    const inbox = await Notification.inbox(as(employer), {});
    const note = inbox.items.find((n) => n.kind === 'content_hidden' && n.link === `/lowongan/${v.id}`);
    expect(note && Notification.render(note, 'id')).toContain('Meminta biaya pendaftaran');
    expect(await queueIds('hidden')).toContain(`vacancy:${v.id}`);
    expect(await queueIds('open')).not.toContain(`vacancy:${v.id}`);
    // Nobody reports what they cannot see.
    await expect(Moderation.report(as(neighbour), { kind: 'vacancy', id: v.id, reason: 'scam' })).rejects.toMatchObject(
      {
        code: 'moderation.unavailable',
      },
    );

    await Moderation.restore(as(officer2), { kind: 'vacancy', id: v.id });
    await settle();
    expect((await Vacancy.browse(as(undefined), {})).items.map((x) => x.id)).toContain(v.id);
    expect(await inSearch('vacancies', v.id)).toBe(true);
    expect((await Vacancy.view(as(fan), { id: v.id })).vacancy.moderation).toBeUndefined();

    const log = await Audit.list(as(officer), { targetType: 'vacancy', targetId: v.id });
    expect(log.items.map((e) => [e.action, e.byName])).toEqual([
      ['content.restore', 'Petugas Dua'],
      [`report.${'hide'}`, 'Petugas Satu'],
    ]);
    expect(log.items[1]?.reason).toBe('Meminta biaya pendaftaran');
  });

  it('a hidden product leaves /pasar, the storefront and search for all but the shop; its seller is told', async () => {
    const p = await product('Keripik Sembunyi');
    await settle();
    const market = async () => (await Shop.marketProducts(as(undefined), {})).items.map((i) => i.productId);
    expect(await market()).toContain(p.id);
    await Moderation.report(as(fan), { kind: 'product', id: p.id, shopId: shop.id, reason: 'inappropriate' });
    await Moderation.hide(as(officer), { kind: 'product', id: p.id, reason: 'Foto tidak pantas' });
    await settle();
    expect(await market()).not.toContain(p.id);
    expect(await inSearch('products', p.id)).toBe(false);
    const shelf = async (who: Actor | undefined) =>
      (await Shop.productsOf(as(who), { shopId: shop.id })).items.map((i) => i.id);
    expect(await shelf(fan)).not.toContain(p.id);
    expect(await shelf(seller)).toContain(p.id);
    await expect(Shop.viewProduct(as(fan), { handle: shop.handle, ref: `${p.slug}-${p.id}` })).rejects.toMatchObject({
      code: 'moderation.unavailable',
    });
    const own = await Shop.viewProduct(as(seller), { handle: shop.handle, ref: `${p.slug}-${p.id}` });
    expect(own.product.moderation?.reason).toBe('Foto tidak pantas');
    // The seller's own edit keeps the officer's flag.
    await Shop.updateProduct(as(seller), { shopId: shop.id, id: p.id, title: 'Keripik Sembunyi Baru' } as never);
    expect((await Shop.getProduct(as(seller), shop.id, p.id)).moderation?.reason).toBe('Foto tidak pantas');
    const inbox = await Notification.inbox(as(seller), {});
    expect(inbox.items.some((n) => n.kind === 'content_hidden' && n.params.reason?.includes('Foto tidak pantas'))).toBe(
      true,
    );

    await Moderation.restore(as(officer), { kind: 'product', id: p.id });
    await settle();
    expect(await market()).toContain(p.id);
  });

  it('a hidden comment is seen only by its author and officers', async () => {
    const ps = await post('Resep keripik');
    const c = await Shop.comment(as(fan), { shopId: shop.id, postId: ps.id, text: 'Kata kasar sekali' });
    await Moderation.report(as(neighbour), {
      kind: 'comment',
      id: c.id,
      shopId: shop.id,
      postId: ps.id,
      reason: 'inappropriate',
    });
    await Moderation.hide(as(officer), { kind: 'comment', id: c.id, reason: 'Bahasa kasar' });
    const seen = async (who: Actor | undefined) =>
      (await Shop.commentsOf(as(who), { shopId: shop.id, postId: ps.id })).items.map((i) => i.id);
    expect(await seen(neighbour)).not.toContain(c.id);
    expect(await seen(undefined)).not.toContain(c.id);
    expect(await seen(fan)).toContain(c.id);
    expect(await seen(officer)).toContain(c.id);
    await settle();
    const inbox = await Notification.inbox(as(fan), {});
    expect(inbox.items.some((n) => n.kind === 'content_hidden' && n.params.reason?.includes('Bahasa kasar'))).toBe(
      true,
    );
  });

  it('two officers deciding at once: one wins, the other gets 409 moderation.decided; dismissing ends the round', async () => {
    const v = await vacancy('Admin Gudang Balapan');
    await Moderation.report(as(fan), { kind: 'vacancy', id: v.id, reason: 'false_info' });
    const results = await Promise.allSettled([
      Moderation.hide(as(officer), { kind: 'vacancy', id: v.id, reason: 'Informasi palsu' }),
      Moderation.dismiss(as(officer2), { kind: 'vacancy', id: v.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toMatchObject({ kind: 'conflict', code: 'moderation.decided' });
    const log = await Audit.list(as(officer), { targetType: 'vacancy', targetId: v.id });
    expect(log.items).toHaveLength(1);

    // After a dismissal, a new report opens a new round with a fresh count.
    const d = await vacancy('Admin Gudang Ronde');
    await Moderation.report(as(fan), { kind: 'vacancy', id: d.id, reason: 'other' });
    await Moderation.dismiss(as(officer), { kind: 'vacancy', id: d.id });
    expect(await queueIds()).not.toContain(`vacancy:${d.id}`);
    await expect(Moderation.dismiss(as(officer2), { kind: 'vacancy', id: d.id })).rejects.toMatchObject({
      code: 'moderation.decided',
    });
    expect(await Moderation.report(as(fan), { kind: 'vacancy', id: d.id, reason: 'scam' })).toEqual({ updated: false });
    const again = (await Moderation.queue(as(officer), {})).items.find((i) => i.targetId === d.id);
    expect(again).toMatchObject({ count: 1, scam: 1, other: 0, round: 1 });
    expect((await Audit.list(as(officer), { targetType: 'vacancy', targetId: d.id })).items[0]?.action).toBe(
      `report.${'dismiss'}`,
    );
  });

  it('a hidden company takes its page and its vacancies away', async () => {
    const v = await vacancy('Sopir Gudang Perusahaan');
    await Moderation.report(as(fan), { kind: 'company', id: companyId, reason: 'scam' });
    await Moderation.hide(as(officer), { kind: 'company', id: companyId, reason: 'Perusahaan fiktif' });
    await settle();
    await settle();
    await expect(Company.view(as(fan), { id: companyId })).rejects.toMatchObject({ code: 'moderation.unavailable' });
    expect((await Company.view(as(employer), { id: companyId })).company.moderation?.reason).toBe('Perusahaan fiktif');
    expect((await Vacancy.browse(as(undefined), {})).items.map((x) => x.id)).not.toContain(v.id);
    expect(await inSearch('vacancies', v.id)).toBe(false);
    await expect(Vacancy.view(as(fan), { id: v.id })).rejects.toMatchObject({ code: 'moderation.unavailable' });
    // One posted while the company is hidden is hidden with it.
    const late = await vacancy('Sopir Gudang Terlambat');
    await settle();
    expect((await Vacancy.browse(as(undefined), {})).items.map((x) => x.id)).not.toContain(late.id);
    await Moderation.restore(as(officer), { kind: 'company', id: companyId });
    await settle();
    await settle();
    const listed = (await Vacancy.browse(as(undefined), {})).items.map((x) => x.id);
    expect(listed).toContain(v.id);
    expect(listed).toContain(late.id);
  });
});
