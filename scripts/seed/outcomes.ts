import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import * as Company from '@bursa/core/company';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError, todayInJakarta } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import * as Outcome from '@bursa/core/outcome';
import * as Shop from '@bursa/core/shop';
import * as Vacancy from '@bursa/core/vacancy';
import { DEMO_PASSWORD, type DemoEmployers, demoLogins } from './demo.ts';
import { inParallel } from './parallel.ts';
import { DEMO_SELLER } from './shops.ts';

/**
 * A year of history for the office's outcomes dashboard (/kantor). Its
 * counters come only from the stream, so the history is made of real items
 * through the use cases with the clock moved back (`ctx.now`): in each of the
 * past months, demo job seekers apply to the demo vacancies and employers
 * shortlist, interview and hire some; the demo shops list a product now and
 * then and complete a few orders. (Vacancies count in the month they were
 * published: Vacancy.create stamps the wall clock, so those stay in this month.)
 * `small` (the browser tests) makes two months of it, a few items each.
 * Idempotent: a dedicated demo buyer account marks the history as made.
 * The README's demo resident and demo seller keep exactly what the README
 * describes: the resident applies to nothing here, and the seller's history
 * orders her existing products instead of listing new ones.
 */
const HISTORY_BUYER = { name: 'Bu Ratna Dewi', phone: '0812 9000 1999' };
/** The demo sellers (seed/shops.ts): the first four exist in the small demo too. */
const SELLERS = Array.from({ length: 8 }, (_, i) => `0812 9000 ${1001 + i}`);
/** How far each application gets, by position: most stay early, about one in six is hired. */
const PLAN: string[][] = [
  [],
  ['shortlisted'],
  ['shortlisted', 'interview', 'hired'],
  [],
  ['rejected'],
  ['shortlisted', 'interview'],
  ['shortlisted', 'interview', 'hired'],
  [],
  ['shortlisted'],
  ['rejected'],
  ['shortlisted', 'interview', 'hired'],
  [],
];
const DAY = 86_400_000;

export async function seedOutcomes(
  db: Db,
  config: Config,
  { employers, seekers, small }: { employers: DemoEmployers; seekers: Actor[]; small: boolean },
): Promise<{ applications: number; orders: number; products: number; closed: number }> {
  const made = { applications: 0, orders: 0, products: 0, closed: 0 };
  if (config.homeRegency !== '36.71' || employers.length === 0) return made;
  const at = (actor: Actor | undefined, ms: number): Ctx => ({ db, config, actor, now: () => ms });
  const now = Date.now();
  const buyerKey = Account.parseIdentifier(HISTORY_BUYER.phone);
  if (!buyerKey || (await Account.findUserId(db, buyerKey))) return made; // made before
  const registered = await Account.register(at(undefined, now), { ...HISTORY_BUYER, password: DEMO_PASSWORD });
  const buyer: Actor = { userId: registered.user.id, name: HISTORY_BUYER.name, roles: ['resident'] };
  const thisMonth = todayInJakarta(now).slice(0, 7);
  const months = Array.from({ length: small ? 2 : 11 }, (_, i) => i + 1); // months ago
  const monthStart = (ago: number) => Date.parse(`${Outcome.shiftMonth(thisMonth, -ago)}-01T08:00:00+07:00`);
  const before = (ms: number) => Math.min(ms, now - 3_600_000);

  // Jobs: 4–7 applications a month (2 in the small demo), from seekers all over the city.
  const vacancies: { vacancy: Vacancy.Info; employer: Actor }[] = [];
  for (const { companyId, employer } of employers) {
    const list = await Vacancy.listByCompany(at(employer, now), { companyId });
    // Open ones have every detail (isComplete tells the types so).
    for (const v of list.vacancies)
      if (v.effectiveStatus === 'open' && Vacancy.isComplete(v)) vacancies.push({ vacancy: v, employer });
  }
  const demoResident = await Account.findUserId(db, Account.parseIdentifier(demoLogins[2].login) as never);
  const people = seekers.filter((s) => s && s.userId !== demoResident);
  if (vacancies.length && people.length) {
    const plans = months.flatMap((ago) =>
      Array.from({ length: small ? 2 : 4 + ((ago * 5) % 4) }, (_, k) => ({ ago, k })),
    );
    await inParallel(plans, 4, async ({ ago, k }, n) => {
      const seeker = people[(ago * 7 + k * 3) % people.length] as Actor;
      for (let tries = 0; tries < vacancies.length; tries++) {
        const target = vacancies[(ago * 3 + k + tries) % vacancies.length] as (typeof vacancies)[number];
        if (target.employer.userId === seeker.userId) continue;
        if (await Application.find(db, target.vacancy.id, seeker.userId)) continue;
        const t = before(monthStart(ago) + (1 + k * 3) * DAY + (n % 7) * 3_600_000);
        const answers = (target.vacancy.questions ?? []).map((q) => (q.kind === 'yes_no' ? 'yes' : 'Pernah 1 tahun'));
        try {
          await Application.apply(at(seeker, t), { vacancyId: target.vacancy.id, answers });
        } catch (e) {
          if (e instanceof DomainError && e.kind !== 'unavailable') continue; // their own company, or closed
          throw e;
        }
        made.applications++;
        for (const [step, to] of (PLAN[(ago + k * 5) % PLAN.length] as string[]).entries())
          await Application.move(at(target.employer, before(t + (step + 1) * 2 * DAY)), {
            vacancyId: target.vacancy.id,
            userId: seeker.userId,
            to,
            ...(to === 'rejected' ? { reason: 'qualifications' } : {}),
          } as never);
        return;
      }
    });
  }

  // Vacancies their company closed this month, one for each way a vacancy ends (the dashboard's
  // "Lowongan ditutup perusahaan"): new ones, so the open demo vacancies stay open.
  const ENDED = [
    ['Operator Produksi (angkatan Oktober)', 'filled_bursa'],
    ['Kasir Shift Pagi (periode lalu)', 'filled_elsewhere'],
    ['Staf Gudang Musiman', 'cancelled'],
  ] as const;
  const verified: DemoEmployers = [];
  for (const e of employers) if ((await Company.get(db, e.companyId)).status === 'verified') verified.push(e);
  for (const [k, [title, outcome]] of (verified.length ? ENDED : []).entries()) {
    const { companyId, employer } = verified[k % verified.length] as DemoEmployers[number];
    const ctx = at(employer, now);
    try {
      const v = await Vacancy.create(ctx, {
        companyId,
        title,
        description: 'Lowongan periode lalu: posisi ini sudah ditutup oleh perusahaan.',
        type: 'contract',
        minEducation: 'SMA',
        districtCode: '36.71.01',
        openings: '2',
        closingDate: todayInJakarta(now + 20 * DAY),
        publish: true,
      });
      await Vacancy.close(ctx, { id: v.id, outcome });
      made.closed++;
    } catch (e) {
      if (e instanceof DomainError) continue; // a company whose rules refuse it: the others still show the figure
      throw e;
    }
  }

  // Market: each demo shop lists a made-to-order product in its first month and every third
  // month after, and completes 1–3 orders a month (cash on delivery, picked up or delivered).
  const shops: { shop: Shop.Info; seller: Actor; listed?: Shop.Product }[] = [];
  for (const phone of SELLERS.slice(0, small ? 2 : SELLERS.length)) {
    const key = Account.parseIdentifier(phone);
    const userId = key && (await Account.findUserId(db, key));
    if (!userId) continue;
    const user = await Account.getUser(db, userId);
    const [shop] = await Shop.shopsOwnedBy(db, userId);
    if (!shop) continue;
    const listed =
      phone === DEMO_SELLER
        ? (await Shop.productsOf(at(undefined, now), { shopId: shop.id })).items.find((p) => p.stock === undefined)
        : undefined;
    shops.push({ shop, seller: { userId, name: user.name, roles: user.roles }, listed });
  }
  await inParallel(shops, 4, async ({ shop, seller, listed }, i) => {
    let product: Shop.Product | undefined = listed;
    for (const ago of [...months].reverse()) {
      const start = monthStart(ago);
      if (!listed && (!product || (ago + i) % 3 === 0)) {
        product = await Shop.createProduct(at(seller, start + DAY), {
          shopId: shop.id,
          title: `${['Paket Hemat', 'Edisi Spesial', 'Pesanan Khusus'][ago % 3]} ${shop.name}`,
          price: 20_000 + ((i * 7 + ago * 3) % 12) * 5_000,
          category: shop.category,
          description: 'Dibuat sesuai pesanan, siap dalam 1–2 hari.',
          madeToOrder: true,
        });
        made.products++;
      }
      const count = small ? 1 : 1 + ((ago + i) % 3);
      for (let k = 0; k < count; k++) {
        const t = before(start + (3 + k * 8 + (i % 4)) * DAY);
        const delivery = shop.delivery.includes('pickup') ? 'pickup' : (shop.delivery[0] ?? 'pickup');
        const order = await Order.placeOrder(at(buyer, t), {
          shopId: shop.id,
          lines: [{ productId: (product as Shop.Product).id, qty: 1 + ((ago + k) % 3) }],
          buyerName: buyer.name,
          buyerPhone: HISTORY_BUYER.phone,
          delivery,
          ...(delivery === 'local_delivery'
            ? { address: 'Jl. Cempaka No. 12, RT 03/RW 04', villageCode: shop.villageCode }
            : delivery === 'courier'
              ? { address: 'Jl. Cempaka No. 12, Tangerang' }
              : {}),
          payment: 'cod',
        });
        for (const [s, action] of (['confirm', 'ship', 'complete'] as const).entries())
          await Order.advance(at(seller, before(t + (s + 1) * 5 * 3_600_000)), { code: order.code, action });
        made.orders++;
      }
    }
  });
  return made;
}
