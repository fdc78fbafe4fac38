import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import * as Company from '@bursa/core/company';
import * as Fair from '@bursa/core/fair';
import { type Actor, type Ctx, loadConfig } from '@bursa/core/kernel';
import * as Profile from '@bursa/core/profile';
import * as Region from '@bursa/core/region';
import * as Shop from '@bursa/core/shop';
import * as Vacancy from '@bursa/core/vacancy';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../scripts/seed/index.ts';
import { drawPhoto } from '../../scripts/seed/shops.ts';
import { relevanceSuite } from '../search/relevance.ts';
import { createTestDb } from '../support/db.ts';
import { startProjections } from '../support/projections.ts';

/** The whole demo is a few thousand stream records; on a busy 2-core machine the projections need a while. */
// The dashboard's backdated year (seed/outcomes.ts) is tested on its own, in scripts/seed/outcomes.test.ts.
const WITHOUT_HISTORY = { history: false };
const SETTLE_MS = 120_000;

// Seeding writes a few hundred items and hashes 35 passwords: minutes, not seconds, on a busy 2-core machine.
describe('seed', { timeout: 300_000 }, () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let projections: Awaited<ReturnType<typeof startProjections>>;
  const officer: Actor = { userId: 'officer', name: 'Petugas', roles: ['resident', 'officer'] };
  const as = (actor?: Actor): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
  const browse = async () => {
    await projections.settle(SETTLE_MS);
    return (await Vacancy.browse(as(), { limit: 50 })).items;
  };
  beforeAll(async () => {
    db = await createTestDb();
    projections = await startProjections(db);
  });
  afterAll(() => projections.stop());

  it("loads Kota Tangerang's official 13 kecamatan and 104 kelurahan", async () => {
    const first = await seedAll(db, '36.71', WITHOUT_HISTORY);
    expect(first.vacancies).toBeGreaterThanOrEqual(10);
    expect([first.shops, first.products]).toEqual([12, 60]);
    // The demo seller's shop (README) opens by its handle, with its products, followers and the market lists.
    const dapur = await Shop.byHandle(as(), { handle: 'dapurbuani' });
    expect((await Shop.productsOf(as(), { shopId: dapur.shop.id })).items.length).toBe(5);
    await projections.settle(SETTLE_MS);
    expect(await Shop.countsOf(db, dapur.shop.id)).toMatchObject({ products: 5, followers: 5 });
    expect((await Shop.marketProducts(as(), {})).items).toHaveLength(Shop.MARKET_PAGE);
    expect((await Shop.marketShops(as(), { category: 'kuliner' })).items.map((x) => x.handle)).toContain('dapurbuani');
    // Graduate badges: verified on the demo seller's shop, two waiting for an officer.
    expect(dapur.shop.badge).toMatchObject({ programme: 'blk', status: 'verified' });
    const officer: Actor = { userId: 'x', name: 'Petugas', roles: ['officer'] };
    expect((await Shop.badgeQueue(as(officer), {})).items.map((x) => x.handle).sort()).toEqual([
      'rajutwati',
      'servis.hendra',
    ]);
    // One kelompok usaha with members who joined by invitation.
    const group = await Shop.byHandle(as(), { handle: 'hijab.nurhasanah' });
    expect([group.shop.kind, group.shop.members]).toEqual(['group', 6]);
    expect(await Shop.membersOf({ db }, group.shop.id)).toHaveLength(6);
    // The demo job seeker follows shops, so their /beranda has a feed.
    const andi = await Account.findUserId(db, Account.parseIdentifier('0812 3456 7890') as never);
    const feed = await Shop.feed(as({ userId: andi as string, name: 'Andi', roles: ['resident'] }), {});
    expect(feed.following).toBe(4);
    expect(feed.items.length).toBeGreaterThan(0);
    const tangerang = await Region.get(db, '36.71');
    expect(tangerang.name).toBe('Kota Tangerang');
    expect(tangerang.districts).toHaveLength(13);
    expect(tangerang.districts.flatMap((d) => d.villages)).toHaveLength(104);
    expect(tangerang.districts.map((d) => d.name)).toContain('Karawaci');
    for (const code of ['36.73', '19.71', '51.05']) {
      expect((await Region.get(db, code)).districts.length).toBeGreaterThan(0);
    }
  });

  it('is idempotent: a second run writes the same items and no more', async () => {
    const count = async () =>
      (
        await db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'REGENCY#36.71' },
            Select: 'COUNT',
          }),
        )
      ).Count;
    const before = await count();
    const vacanciesBefore = (await browse()).map((v) => v.id).sort();
    const second = await seedAll(db, '36.71', WITHOUT_HISTORY);
    expect(await count()).toBe(before);
    expect(before).toBe(1 + 13 + 104);
    expect(second.vacancies).toBe(0);
    expect(second.applications).toBe(0);
    expect(second.shops).toBe(0);
    expect(second.fairs).toBe(0);
    expect((await browse()).map((v) => v.id).sort()).toEqual(vacanciesBefore);
  });

  it('has a past, a live and an upcoming job fair, with booths, registrations and check-ins', async () => {
    const fairs = (await Fair.listFairs(as(), {})).items;
    expect(fairs.map((f) => f.status).sort()).toEqual(['ended', 'live', 'published']);
    const live = fairs.find((f) => f.status === 'live') as Fair.Info;
    expect(live.booths).toBeGreaterThanOrEqual(3);
    expect(live.registered).toBe(12);
    expect(live.checkedIn).toBeGreaterThan(0);
    const past = fairs.find((f) => f.status === 'ended') as Fair.Info;
    expect(past.checkedIn).toBeGreaterThan(10);
    const booths = (await Fair.boothsOf(as(), { fairId: live.id })).items;
    const slots = await Fair.slotsOf(as(), { fairId: live.id, companyId: booths[0]?.companyId as string });
    expect(slots.length).toBe(8);
  });

  it('has about 30 job seekers whose applications sit at every stage, counted by the stream', async () => {
    await projections.settle(SETTLE_MS);
    const seeded = await seedAll(db, '36.71', WITHOUT_HISTORY);
    expect(seeded.seekers).toBeGreaterThanOrEqual(30);
    const employer = await Account.findUserId(db, { kind: 'email', value: 'hrd@sinargarmen.co.id' });
    const me: Actor = { userId: employer as string, name: 'Rina', roles: ['employer'] };
    const [company] = await Company.listMine(as(me), {});
    const vacancies = (await Vacancy.listByCompany(as(me), { companyId: company?.companyId as string })).vacancies;
    const funnels = await Application.funnelsOf(
      db,
      vacancies.map((v) => Application.vacancyScope(v.id)),
    );
    const total = (k: 'applications' | 'hired') => [...funnels.values()].reduce((n, f) => n + f[k], 0);
    expect(total('applications')).toBeGreaterThanOrEqual(10);
    // Across all demo companies, every stage has someone in it.
    const all = new Set<string>();
    for (const v of (await Vacancy.browse(as(), { limit: 50 })).items) {
      const f = await Application.funnelOf(db, Application.vacancyScope(v.id));
      for (const [stage, n] of Object.entries(f.at)) if (n > 0) all.add(stage);
    }
    expect([...all].sort()).toEqual([...Application.STAGES].sort());
    // The demo resident (README): a full profile, and a hire they were told about.
    const andi = await Account.findUserId(db, { kind: 'phone', value: '+6281234567890' });
    const resident: Actor = { userId: andi as string, name: 'Andi', roles: ['resident'] };
    expect((await Profile.mine(as(resident), {})).completeness.canApply).toBe(true);
    const mine = await Application.mine(as(resident), {});
    expect(mine.items.map((a) => a.stage).sort()).toEqual(['hired', 'interview']);
  });

  it('has verified and unverified Tangerang employers with open vacancies across kecamatan, types and education', async () => {
    const verified = (await Company.verificationQueue(as(officer), { queue: 'verified' })).items;
    const unverified = (await Company.verificationQueue(as(officer), { queue: 'unverified' })).items;
    expect(verified.length).toBeGreaterThanOrEqual(3);
    expect(unverified.length).toBeGreaterThanOrEqual(1);
    const open = await browse();
    expect(new Set(open.map((v) => v.districtCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(open.map((v) => v.type))).toEqual(
      new Set(['full_time', 'part_time', 'contract', 'apprenticeship', 'overseas']),
    );
    expect(new Set(open.map((v) => v.minEducation)).size).toBeGreaterThanOrEqual(4);
    expect((await Company.get(db, open[0]?.companyId ?? '')).name).toBe(open[0]?.companyName);
  });

  // Search on the same demo data: the relevance suite (test/search/relevance.ts).
  relevanceSuite(
    () => as(),
    () => projections.settle(SETTLE_MS),
  );
});

describe('demo photos', () => {
  it('are drawn on this machine (no network): 900 px JPEGs, one look per product, colours per category', async () => {
    const a = await drawPhoto('Kue Lapis Legit', 'kuliner');
    const b = await drawPhoto('Kap Lampu Bambu', 'kerajinan');
    expect(await sharp(a).metadata()).toMatchObject({ format: 'jpeg', width: 900, height: 900 });
    expect(a.equals(b)).toBe(false);
    expect((await drawPhoto('Kue Lapis Legit', 'kuliner')).equals(a)).toBe(true);
  });
});
