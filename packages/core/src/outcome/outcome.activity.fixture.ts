import * as Account from '../account/index.ts';
import * as Application from '../application/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Config, type Ctx, todayInJakarta } from '../kernel/index.ts';
import * as Order from '../order/index.ts';
import * as Profile from '../profile/index.ts';
import * as Programme from '../programme/index.ts';
import * as Region from '../region/index.ts';
import * as Shop from '../shop/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import type { Made } from './outcome.recount.fixture.ts';

/**
 * Test support for outcome.reconcile.test.ts: a month of activity through the
 * real use cases, some of it 40 days back (`EARLIER`): two verified employers
 * and three vacancies (one without a kelurahan, one a draft published later,
 * one edited), eight applicants from four kelurahan moving through the stages,
 * two shops with products and orders (completed, cancelled, waiting), and a
 * training cohort with two of the applicants and a seller in it.
 */
export const NOW = Date.now();
export const EARLIER = NOW - 40 * 86_400_000;
export const VILLAGES = ['36.71.01.1001', '36.71.01.1002', '36.71.04.1001', '36.71.04.1002'] as const;

export async function makeActivity(db: Db, config: Config, officer: Actor) {
  const as = (actor: Actor | undefined, at = NOW): Ctx => ({ db, config, actor, now: () => at });
  /** Two applicants and a seller are in a training cohort: their activity counts for it too. */
  const participants = new Set<string>();
  let n = 0;
  /** A new account; with `cohort`, also a participant of that cohort (added by phone: linked at once). */
  async function person(name: string, cohort?: string): Promise<Actor> {
    n += 1;
    const phone = `0815${String(NOW % 1e4).padStart(4, '0')}${String(n).padStart(4, '0')}`;
    const r = await Account.register(as(undefined), { name, phone, password: 'rahasia123' });
    if (cohort) {
      await Programme.addParticipant(as(officer), { cohortId: cohort, name, phone });
      participants.add(r.user.id);
    }
    return { userId: r.user.id, name, roles: ['resident'] };
  }
  const vacancyFields = {
    title: 'Operator Produksi',
    description: 'Mengoperasikan mesin produksi garmen, shift pagi dan malam.',
    type: 'full_time',
    minEducation: 'SMA',
    skills: 'jahit, QC',
    closingDate: todayInJakarta(NOW + 60 * 86_400_000),
  };

  const vacancyIds: string[] = [];
  const applications: Made['applications'] = [];
  const products: Made['products'] = [];
  const orders: string[] = [];
  let programmeId = '';
  let cohortId = '';
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      {
        code: '36.71.01',
        name: 'Tangerang',
        villages: [
          { code: '36.71.01.1001', name: 'Sukarasa' },
          { code: '36.71.01.1002', name: 'Sukasari' },
        ],
      },
      {
        code: '36.71.04',
        name: 'Karawaci',
        villages: [
          { code: '36.71.04.1001', name: 'Bugel' },
          { code: '36.71.04.1002', name: 'Karawaci Baru' },
        ],
      },
    ],
  });
  const programme = await Programme.createProgramme(as(officer), { kind: 'blk', name: 'Pelatihan Menjahit BLK' });
  programmeId = programme.id;
  cohortId = (
    await Programme.createCohort(as(officer), {
      programmeId,
      name: 'Angkatan 1',
      startDate: '2026-02-02',
      endDate: '2026-04-30',
      villageCode: '36.71.01.1001',
      capacity: 20,
    })
  ).id;
  // Two verified employers, three vacancies: one without a kelurahan, one a draft published later, one edited.
  const employers: { owner: Actor; id: string }[] = [];
  for (const name of ['PT Garmen Cisadane', 'CV Logistik Karawaci']) {
    const owner = await person(`HRD ${name}`);
    const c = await Company.create(as(owner), {
      name,
      sector: 'manufaktur',
      address: 'Jl. Industri 5',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
    });
    owner.roles = ['employer', 'resident'];
    await Company.verify(as(officer), { id: c.id });
    employers.push({ owner, id: c.id });
  }
  const [a, b] = employers as [(typeof employers)[0], (typeof employers)[0]];
  const post = (e: typeof a, extra: Record<string, unknown>) =>
    Vacancy.create(as(e.owner), { ...vacancyFields, companyId: e.id, publish: true, ...extra } as never);
  const v1 = await post(a, { districtCode: '36.71.01', villageCode: '36.71.01.1001', openings: 3 });
  const v2 = await post(a, { districtCode: '36.71.04', openings: 2, title: 'Staf Gudang' });
  const v3 = await post(b, { districtCode: '36.71.04', villageCode: '36.71.04.1001', openings: 4, publish: false });
  await Vacancy.update(as(b.owner), { id: v3.id, publish: true });
  await Vacancy.update(as(a.owner), { id: v1.id, title: 'Operator Produksi Garmen' });
  vacancyIds.push(v1.id, v2.id, v3.id);
  const owners = new Map([
    [v1.id, a.owner],
    [v2.id, a.owner],
    [v3.id, b.owner],
  ]);
  // Eight applicants, two per kelurahan; some applied 40 days back.
  const paths = [
    ['shortlisted', 'interview', 'hired'],
    ['shortlisted'],
    ['rejected'],
    [],
    ['shortlisted', 'interview'],
  ];
  for (let i = 0; i < 8; i++) {
    const s = await person(`Pelamar ${i}`, i < 2 ? cohortId : undefined);
    const village = VILLAGES[i % 4] as string;
    await Profile.save(as(s), {
      birthYear: 2000,
      districtCode: village.slice(0, 8),
      villageCode: village,
      education: 'SMK',
      skills: 'jahit',
      languages: 'Indonesia',
    } as never);
    const targets = i % 3 === 0 ? [vacancyIds[i % 3], vacancyIds[(i + 1) % 3]] : [vacancyIds[i % 3]];
    for (const [k, vacancyId] of (targets as string[]).entries()) {
      const at = i < 3 ? EARLIER : NOW - (8 - i) * 3_600_000;
      await Application.apply(as(s, at), { vacancyId });
      applications.push({ vacancyId, userId: s.userId });
      for (const [step, to] of (paths[(i + k) % paths.length] as string[]).entries())
        await Application.move(as(owners.get(vacancyId), at + (step + 1) * 60_000), {
          vacancyId,
          userId: s.userId,
          to,
          ...(to === 'rejected' ? { reason: 'qualifications' } : {}),
        } as never);
    }
  }
  // Two shops with products (one listed 40 days back) and orders: completed, cancelled, waiting.
  const buyer = await person('Pembeli');
  for (const [i, village] of [VILLAGES[1], VILLAGES[3]].entries()) {
    const seller = await person(`Penjual ${i}`, i === 0 ? cohortId : undefined);
    const shop = await Shop.open(as(seller), {
      handle: `tokodemo${i}${NOW % 1000}`,
      name: `Toko ${i}`,
      category: 'kuliner',
      districtCode: (village as string).slice(0, 8),
      villageCode: village,
      whatsapp: '0812 7777 1234',
      delivery: ['pickup'],
    });
    await Order.setPaymentSettings(as(seller), { shopId: shop.id, methods: ['cod', 'whatsapp'] });
    for (const [k, at] of [EARLIER, NOW - 5_000_000].entries()) {
      const p = await Shop.createProduct(as(seller, at), {
        shopId: shop.id,
        title: `Kue ${i}-${k}`,
        price: 25_000 + k * 10_000,
        category: 'kuliner',
        madeToOrder: true,
      });
      products.push({ shopId: shop.id, id: p.id });
    }
    const plans = i === 0 ? ['done-earlier', 'done', 'done', 'cancel'] : ['done', 'wait'];
    for (const [k, plan] of plans.entries()) {
      const at = plan === 'done-earlier' ? EARLIER + 86_400_000 : NOW - 4_000_000 + k * 100_000;
      const order = await Order.placeOrder(as(buyer, at), {
        shopId: shop.id,
        lines: [{ productId: (products.at(k % 2 === 0 ? -2 : -1) as { id: string }).id, qty: 1 + k }],
        buyerName: 'Siti Aminah',
        buyerPhone: '0812 3456 7890',
        delivery: 'pickup',
        payment: 'cod',
      });
      orders.push(order.code);
      if (plan === 'cancel')
        await Order.advance(as(buyer, at + 1000), { code: order.code, action: 'cancel', reason: 'Salah pesan' });
      if (!plan.startsWith('done')) continue;
      for (const [step, action] of (['confirm', 'ship', 'complete'] as const).entries())
        await Order.advance(as(seller, at + (step + 1) * 1000), { code: order.code, action });
    }
  }
  // Three more vacancies their company closes, one for each way a vacancy ends; one is closed
  // as cancelled, reopened (the stream takes that back) and closed again as filled elsewhere.
  const ended = await Promise.all(
    ['Kasir Toko', 'Admin Gudang', 'Satpam Pabrik'].map((title) =>
      post(b, { title, districtCode: '36.71.04', villageCode: '36.71.04.1001', openings: 1 }),
    ),
  );
  const [v4, v5, v6] = ended as [Vacancy.Info, Vacancy.Info, Vacancy.Info];
  await Vacancy.close(as(b.owner), { id: v4.id, outcome: 'filled_bursa' });
  await Vacancy.close(as(b.owner), { id: v5.id, outcome: 'cancelled' });
  await Vacancy.reopen(as(b.owner), { id: v5.id });
  await Vacancy.close(as(b.owner), { id: v5.id, outcome: 'filled_elsewhere' });
  await Vacancy.close(as(b.owner), { id: v6.id, outcome: 'cancelled' });
  vacancyIds.push(v4.id, v5.id, v6.id);
  return { made: { vacancyIds, applications, products, orders, participants }, programmeId, cohortId };
}
