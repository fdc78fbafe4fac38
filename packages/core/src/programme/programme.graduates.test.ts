import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Shop from '../shop/index.ts';
import * as Programme from './index.ts';

let db: Db;
const officer: Actor = { userId: 'officer-1', name: 'Petugas Rina', roles: ['officer'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
let n = 0;
const phone = () => `0813${String(20_000_000 + ++n * 7919).padStart(8, '0')}`;
const plus62 = (p: string) => `+62${p.slice(1)}`;
async function person(name: string, withPhone = phone()): Promise<Actor & { phone: string }> {
  const r = await Account.register(as(undefined), { name, phone: withPhone, password: 'rahasia123' });
  return { userId: r.user.id, name, roles: ['resident'], phone: withPhone };
}
const openShop = (who: Actor, handle: string) =>
  Shop.open(as(who), {
    handle,
    name: `Toko ${handle}`,
    category: 'kuliner',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    whatsapp: '0812 7777 1234',
    delivery: ['pickup'],
  });
/** An item as the stream would carry it (attribute names as stored). */
async function image(pk: string, sk: string) {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk, sk } }));
  return Item as Record<string, unknown>;
}
async function cohort(name = 'Angkatan 1 Tata Boga', capacity = 10) {
  const p = await Programme.createProgramme(as(officer), { kind: 'blk', name: 'Pelatihan Tata Boga BLK Cibodas' });
  return Programme.createCohort(as(officer), {
    programmeId: p.id,
    name,
    track: 'Tata Boga',
    startDate: '2026-02-02',
    endDate: '2026-04-30',
    villageCode: '36.71.01.1001',
    instructor: 'Bu Sari',
    capacity,
  });
}
const auditOf = async (targetType: 'shop' | 'participant' | 'programme' | 'cohort', targetId: string) =>
  (await Audit.list(as(officer), { targetType, targetId })).items.map((e) => e.action);

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
});

describe('completion and the graduate badge', () => {
  it('grants the verified badge to the shop they own, with the officer as decider, audited together', async () => {
    const c = await cohort('Angkatan Lulus');
    const seller = await person('Sari');
    const shop = await openShop(seller, 'sarikue');
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Sari', phone: seller.phone });
    await Programme.completeParticipant(as(officer), { cohortId: c.id, phone: plus62(seller.phone) });
    expect((await Shop.get(db, shop.id)).badge).toMatchObject({
      programme: 'blk',
      cohort: 'Angkatan Lulus',
      year: 2026,
      status: 'verified',
      decidedBy: officer.userId,
    });
    expect(await auditOf('shop', shop.id)).toEqual(['badge.grant']);
    expect(await auditOf('participant', `${c.id}.${plus62(seller.phone)}`)).toEqual([
      'participant.complete',
      'participant.add',
    ]);
    expect(await Programme.cohortsOfUser(db, seller.userId)).toEqual([
      { programmeId: c.programmeId, cohortId: c.id, completed: true },
    ]);
    await expect(
      Programme.completeParticipant(as(officer), { cohortId: c.id, phone: plus62(seller.phone) }),
    ).rejects.toMatchObject({ code: 'programme.participant.completed' });
  });

  it('grants it to a shop opened later (the projection), once under replay', async () => {
    const c = await cohort('Angkatan Nanti');
    const joko = await person('Joko');
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Joko', phone: joko.phone });
    await Programme.completeParticipant(as(officer), { cohortId: c.id, phone: plus62(joko.phone) });
    const shop = await openShop(joko, 'jokojahit');
    expect((await Shop.get(db, shop.id)).badge).toBeUndefined();
    const opened = await image(`SHOP#${shop.id}`, 'SHOP');
    await Programme.shopOpened(db, as(undefined).config, 'seq-shop-1', undefined, opened);
    await Programme.shopOpened(db, as(undefined).config, 'seq-shop-1', undefined, opened);
    expect((await Shop.get(db, shop.id)).badge).toMatchObject({
      status: 'verified',
      cohort: 'Angkatan Nanti',
      decidedBy: officer.userId,
    });
    expect(await auditOf('shop', shop.id)).toEqual(['badge.grant']);
  });

  it("verifies a graduate's badge request at once; others wait with their cohort lists beside them", async () => {
    const c = await cohort('Angkatan Minta');
    const [lulus, belum, asing] = await Promise.all([person('Lulus'), person('Belum'), person('Asing')]);
    for (const p of [lulus, belum])
      await Programme.addParticipant(as(officer), { cohortId: c.id, name: p.name, phone: p.phone });
    await Programme.completeParticipant(as(officer), { cohortId: c.id, phone: plus62(lulus.phone) });
    const [s1, s2, s3] = await Promise.all([
      openShop(lulus, 'tokolulus'),
      openShop(belum, 'tokobelum'),
      openShop(asing, 'tokoasing'),
    ]);
    const asked = { programme: 'blk', cohort: 'BLK Cibodas', year: 2026 } as const;
    const granted = await Shop.requestBadge(as(lulus), { shopId: s1.id, ...asked });
    expect(granted).toMatchObject({ status: 'verified', cohort: 'Angkatan Minta', decidedBy: officer.userId });
    expect(await auditOf('shop', s1.id)).toEqual(['badge.grant']);
    expect((await Shop.requestBadge(as(belum), { shopId: s2.id, ...asked })).status).toBe('pending');
    expect((await Shop.requestBadge(as(asing), { shopId: s3.id, ...asked })).status).toBe('pending');
    const queue = await Programme.badgeQueue(as(officer), {});
    const card = (id: string) => queue.items.find((s) => s.id === id);
    expect(card(s1.id)).toBeUndefined();
    expect(card(s2.id)?.cohorts).toEqual([
      { programmeName: 'Pelatihan Tata Boga BLK Cibodas', cohortName: 'Angkatan Minta', completed: false },
    ]);
    expect(card(s3.id)?.cohorts).toEqual([]);
  });
});

describe('follow-up', () => {
  it('counts applications, hires, products, orders and sales once under replay, and the cohort page shows them', async () => {
    const c = await cohort('Angkatan Pantau');
    const rini = await person('Rini');
    const shop = await openShop(rini, 'rinibatik');
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Rini', phone: rini.phone });
    const part = await image(`COHORT#${c.id}`, `PARTICIPANT#${plus62(rini.phone)}`);
    await Programme.participantLinked(db, undefined, part);
    const now = new Date().toISOString();
    const application = { type: 'Application', userId: rini.userId, appliedAt: now, updatedAt: now, stage: 'applied' };
    const changes: [string, string, Record<string, unknown> | undefined, Record<string, unknown>][] = [
      ['a1', 'Application', undefined, application],
      ['a2', 'Application', application, { ...application, stage: 'hired' }],
      ['p1', 'Product', undefined, { type: 'Product', shopId: shop.id, createdAt: now }],
      [
        'o1',
        'Order',
        { shopId: shop.id, status: 'shipped' },
        {
          shopId: shop.id,
          status: 'completed',
          total: 25_000,
          updatedAt: now,
          history: [{ status: 'completed', at: now }],
        },
      ],
      [
        'o2',
        'Order',
        undefined,
        { shopId: 'someone-else', status: 'completed', total: 9_000, updatedAt: now, history: [] },
      ],
    ];
    for (const round of [1, 2])
      for (const [seq, entity, before, after] of changes) {
        const counted = await Programme.countFollowup(db, seq, entity, before, after);
        if (round === 2) expect(counted).toBe(false);
      }
    const page = await Programme.cohortPage(as(officer), { cohortId: c.id, window: 3 });
    const row = page.participants.find((p) => p.userId === rini.userId);
    expect(row?.followup).toEqual({
      applications: 1,
      hires: 1,
      products: 1,
      orders: 1,
      sales: 25_000,
      shop: { id: shop.id, handle: 'rinibatik', name: 'Toko rinibatik' },
      alive: true,
    });
  });
});
