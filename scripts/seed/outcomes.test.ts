import * as Account from '@bursa/core/account';
import * as Company from '@bursa/core/company';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, loadConfig, todayInJakarta } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import * as Outcome from '@bursa/core/outcome';
import * as Profile from '@bursa/core/profile';
import * as Region from '@bursa/core/region';
import * as Shop from '@bursa/core/shop';
import * as Vacancy from '@bursa/core/vacancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { startProjections } from '../../test/support/projections.ts';
import { seedOutcomes } from './outcomes.ts';

/** The dashboard's demo history (small): real items in past months, counted by the stream; a second run adds nothing. */
let db: Db;
let config: Config;
let projections: Awaited<ReturnType<typeof startProjections>>;
const officer: Actor = { userId: 'o', name: 'Petugas', roles: ['officer'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
async function person(name: string, phone: string): Promise<Actor> {
  const r = await Account.register(as(undefined), { name, phone, password: 'rahasia123' });
  return { userId: r.user.id, name, roles: ['resident'] };
}
let employers: { companyId: string; employer: Actor }[] = [];
const seekers: Actor[] = [];

beforeAll(async () => {
  db = await createTestDb();
  config = loadConfig({ ...process.env, TABLE_NAME: db.tableName });
  projections = await startProjections(db);
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  const hr = await person('HRD', '0813 7000 0001');
  const c = await Company.create(as(hr), {
    name: 'PT Demo',
    sector: 'manufaktur',
    address: 'Jl. A 1',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  hr.roles = ['employer', 'resident'];
  await Company.verify(as(officer), { id: c.id });
  for (const title of ['Operator Produksi', 'Staf Gudang'])
    await Vacancy.create(as(hr), {
      companyId: c.id,
      title,
      description: 'Mengoperasikan mesin produksi garmen, shift pagi dan malam.',
      type: 'full_time',
      minEducation: 'SMA',
      skills: 'jahit',
      districtCode: '36.71.01',
      openings: 5,
      closingDate: todayInJakarta(Date.now() + 60 * 86_400_000),
      publish: true,
    } as never);
  employers = [{ companyId: c.id, employer: hr }];
  for (const i of [1, 2]) {
    const s = await person(`Pencari ${i}`, `0813 7000 010${i}`);
    await Profile.save(as(s), {
      birthYear: 2000,
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      education: 'SMK',
      skills: 'jahit',
      languages: 'Indonesia',
    } as never);
    seekers.push(s);
    const seller = await person(`Penjual ${i}`, `0812 9000 100${i}`);
    const shop = await Shop.open(as(seller), {
      handle: `tokoriwayat${i}`,
      name: `Toko ${i}`,
      category: 'kuliner',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      whatsapp: `0812 9000 100${i}`,
      delivery: ['pickup'],
    });
    await Order.setPaymentSettings(as(seller), { shopId: shop.id, methods: ['cod'] });
  }
}, 120_000);
afterAll(async () => {
  await projections.stop();
});

// Two months of real items through the use cases and the stream: well past the default 30 s on a busy 2-core machine.
describe('the outcomes demo history', { timeout: 180_000 }, () => {
  it('puts applications, products and completed orders in past months, once', async () => {
    const made = await seedOutcomes(db, config, { employers, seekers, small: true });
    expect(made).toEqual({ applications: 4, orders: 4, products: 2, closed: 3 });
    expect(await seedOutcomes(db, config, { employers, seekers, small: true })).toEqual({
      applications: 0,
      orders: 0,
      products: 0,
      closed: 0,
    });
    await projections.settle(60_000);
    const view = await Outcome.dashboard({ ...as(officer) }, {});
    const past = view.months.slice(-3, -1); // the two months before this one
    for (const m of past) {
      expect(m.counts.applications, m.month).toBe(2);
      expect(m.counts.orders, m.month).toBe(2);
      expect(m.counts.sellers, m.month).toBe(2);
    }
    // The two demo vacancies and the three closed this month, one for each way a vacancy ends.
    expect(view.total).toMatchObject({ applications: 4, orders: 4, products: 2, vacancies: 5 });
    expect(view.total).toMatchObject({ filledBursa: 1, filledElsewhere: 1, cancelled: 1 });
  });
});
