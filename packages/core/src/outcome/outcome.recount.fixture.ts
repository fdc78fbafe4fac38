import * as Application from '../application/index.ts';
import type { Db } from '../db/client.ts';
import { loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Order from '../order/index.ts';
import * as Shop from '../shop/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import * as Outcome from './index.ts';

/**
 * Test support for outcome.reconcile.test.ts: the outcome counters recounted
 * directly from the items the test made (vacancies, applications, products,
 * orders), read back one by one, never from any counter.
 */
export type Made = {
  vacancyIds: string[];
  applications: { vacancyId: string; userId: string }[];
  products: { shopId: string; id: string }[];
  orders: string[];
  /** Accounts in the test's cohort: their activity is tallied in `cohort` too. */
  participants: Set<string>;
};
const month = (iso: string) => todayInJakarta(Date.parse(iso)).slice(0, 7);

export type Tally = Record<string, Outcome.Counts>;
export const zeroCounts = () => Object.fromEntries(Outcome.COUNTERS.map((k) => [k, 0])) as Outcome.Counts;
const bump = (t: Tally, key: string, c: Outcome.Counter, by = 1) => {
  t[key] ??= Object.fromEntries(Outcome.COUNTERS.map((k) => [k, 0])) as Outcome.Counts;
  (t[key] as Outcome.Counts)[c] += by;
};
/** The counters recounted from the items themselves: by `<month>|<kelurahan or ->` and by `<kecamatan>`. */
export async function recount(db: Db, made: Made) {
  const { vacancyIds, applications, products, orders, participants } = made;
  const t: Tally = {};
  const byDistrict: Tally = {};
  const cohort: Tally = {};
  const add = (m: string, district: string, village: string | undefined, c: Outcome.Counter, by = 1, who = '') => {
    if (participants.has(who)) bump(cohort, m, c, by);
    bump(t, `${m}|${village ?? '-'}`, c, by);
    bump(byDistrict, district, c, by);
  };
  for (const id of vacancyIds) {
    const v = await Vacancy.get(db, id);
    if (!v.publishedAt || !Vacancy.isComplete(v)) continue;
    add(month(v.publishedAt), v.districtCode, v.villageCode, 'vacancies');
    add(month(v.publishedAt), v.districtCode, v.villageCode, 'openings', v.openings);
    const ended = { filled_bursa: 'filledBursa', filled_elsewhere: 'filledElsewhere', cancelled: 'cancelled' } as const;
    if (v.status === 'closed' && v.closedOutcome && v.closedAt)
      add(month(v.closedAt), v.districtCode, v.villageCode, ended[v.closedOutcome]);
  }
  const stages = { shortlisted: 'shortlisted', interview: 'interviewed', hired: 'hired' } as const;
  for (const key of applications) {
    const app = (await Application.find(db, key.vacancyId, key.userId)) as Application.Info;
    add(month(app.appliedAt), app.districtCode, app.villageCode, 'applications', 1, app.userId);
    for (const [stage, counter] of Object.entries(stages)) {
      const first = app.timeline.find((s) => s.stage === stage);
      if (first) add(month(first.at), app.districtCode, app.villageCode, counter, 1, app.userId);
    }
  }
  const shops = new Map<string, Shop.Info>();
  const shopOf = async (id: string) => {
    const shop = shops.get(id) ?? (await Shop.get(db, id));
    shops.set(id, shop);
    return shop;
  };
  for (const p of products) {
    const [product, shop] = await Promise.all([
      Shop.getProduct({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor: undefined }, p.shopId, p.id),
      shopOf(p.shopId),
    ]);
    add(month(product.createdAt), shop.districtCode, shop.villageCode, 'products', 1, shop.ownerId);
  }
  const sellers = new Set<string>();
  for (const code of orders) {
    const o = await Order.getOrder(db, code);
    if (o.status !== 'completed') continue;
    const shop = await shopOf(o.shopId);
    const m = month([...o.history].reverse().find((s) => s.status === 'completed')?.at as string);
    add(m, shop.districtCode, shop.villageCode, 'orders', 1, shop.ownerId);
    add(m, shop.districtCode, shop.villageCode, 'sales', o.total, shop.ownerId);
    if (!sellers.has(`${m}|${shop.id}`)) add(m, shop.districtCode, shop.villageCode, 'sellers', 1, shop.ownerId);
    sellers.add(`${m}|${shop.id}`);
  }
  return { t, byDistrict, cohort };
}
