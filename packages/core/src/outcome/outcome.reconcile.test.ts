import { outcomeCounters } from '@bursa/functions/events/outcome-counters';
import { createStreamHandler } from '@bursa/functions/events/stream';
import { vacancyCounts } from '@bursa/functions/events/vacancy-counts';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StreamPoller, startStreamPoller } from '../../../../scripts/local/stream-poller.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import { fileDynamoEndpoint } from '../../../../test/support/dynamodb.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Config, type Ctx, loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Outcome from './index.ts';
import { makeActivity, NOW, VILLAGES } from './outcome.activity.fixture.ts';
import { type Made, recount, zeroCounts } from './outcome.recount.fixture.ts';

/**
 * A month of activity through the real use cases (companies, vacancies,
 * applicants from four kelurahan moving through the stages, shops with
 * products and completed orders, some of it 40 days back), the real stream
 * projections, then every record replayed: the dashboard's counters must
 * equal a recount of the items themselves, by kelurahan, by month and in total.
 */
let db: Db;
let config: Config;
let poller: StreamPoller;
const seen: DynamoDBRecord[] = [];
const officer: Actor = { userId: '0000000000officer001', name: 'Petugas Dewi', roles: ['officer'] };
const as = (actor: Actor | undefined, at = NOW): Ctx => ({ db, config, actor, now: () => at });
let made: Made;
let programmeId = '';
let cohortId = '';
const thisMonth = todayInJakarta(NOW).slice(0, 7);
const from = Outcome.shiftMonth(thisMonth, -2);

beforeAll(async () => {
  db = await createTestDb();
  config = loadConfig({ ...process.env, TABLE_NAME: db.tableName });
  const endpoint = await fileDynamoEndpoint();
  const handle = createStreamHandler({ config, db });
  poller = await startStreamPoller({
    endpoint,
    tableName: db.tableName,
    handler: async (event) => {
      seen.push(...event.Records);
      return handle(event);
    },
  });
  ({ made, programmeId, cohortId } = await makeActivity(db, config, officer));
  await poller.settle(60_000);
}, 180_000);

afterAll(async () => {
  await poller?.stop();
});

async function expectReconciled() {
  const { t, byDistrict, cohort } = await recount(db, made);
  const view = await Outcome.dashboard(as(officer), { from, to: thisMonth });
  const sum = (pick: (key: string) => boolean) => {
    const out = Object.fromEntries(Outcome.COUNTERS.map((k) => [k, 0])) as Outcome.Counts;
    for (const [key, c] of Object.entries(t)) if (pick(key)) for (const k of Outcome.COUNTERS) out[k] += c[k];
    return out;
  };
  // By kelurahan (over the period) and by month, then in total.
  for (const village of VILLAGES)
    expect(view.rows.find((r) => r.code === village)?.counts, village).toEqual(sum((k) => k.endsWith(`|${village}`)));
  for (const m of view.months) expect(m.counts, m.month).toEqual(sum((k) => k.startsWith(`${m.month}|`)));
  const { hireRate, ...total } = view.total;
  expect(total).toEqual(sum(() => true));
  expect(hireRate).toBe(Outcome.hireRate(total));
  // A kecamatan's figures include its vacancies without a kelurahan.
  const karawaci = await Outcome.dashboard(as(officer), { from, to: thisMonth, districtCode: '36.71.04' });
  const { hireRate: _r, ...kTotal } = karawaci.total;
  expect(kTotal).toEqual(byDistrict['36.71.04']);
  expect(karawaci.rows.map((r) => r.code).sort()).toEqual(['36.71.04.1001', '36.71.04.1002']);
  // A cohort's (and its programme's) figures: its participants' activity, month by month.
  for (const filter of [{ programmeId, cohortId }, { programmeId }]) {
    const view = await Outcome.dashboard(as(officer), { from, to: thisMonth, ...filter });
    for (const m of view.months) expect(m.counts, `${m.month} cohort`).toEqual(cohort[m.month] ?? zeroCounts());
    expect(view.rows).toEqual([]);
    expect(view.total.applications).toBeGreaterThan(0);
    expect(view.total.orders).toBeGreaterThan(0);
  }
  return total;
}

describe('the outcome counters', () => {
  it('equal a recount of the items, by kelurahan, month and in total', async () => {
    const total = await expectReconciled();
    // The data really is spread: every kind of counter and both months hold something.
    for (const c of Outcome.COUNTERS) expect(total[c], c).toBeGreaterThan(0);
    expect(total).toMatchObject({ vacancies: 6, openings: 12, sellers: 3, orders: 4, products: 4 });
    // Closed by their company: one each way (the one reopened counts only as it ended the second time).
    expect(total).toMatchObject({ filledBursa: 1, filledElsewhere: 1, cancelled: 1 });
  });

  it('do not move when every record is delivered again (replays and duplicates)', async () => {
    const before = await Outcome.dashboard(as(officer), { from, to: thisMonth });
    const replay = createStreamHandler({ config, db }, [outcomeCounters, vacancyCounts]);
    const again = seen.filter((r) =>
      ['Vacancy', 'Application', 'Product', 'Order'].includes(String(r.dynamodb?.NewImage?.type?.S)),
    );
    expect(again.length).toBeGreaterThan(20);
    expect(await replay({ Records: again })).toEqual({ batchItemFailures: [] });
    expect(await replay({ Records: again.slice(0, 10) })).toEqual({ batchItemFailures: [] });
    const after = await Outcome.dashboard(as(officer), { from, to: thisMonth });
    expect(after.total).toEqual(before.total);
    expect(after.rows).toEqual(before.rows);
    await expectReconciled();
  });

  it('sorts the kelurahan table by any column, both ways, ties by code', async () => {
    const byApplicants = await Outcome.dashboard(as(officer), { from, to: thisMonth, sort: 'applications' });
    expect(byApplicants.filter.dir).toBe('desc');
    const counts = byApplicants.rows.map((r) => r.counts.applications);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const byName = await Outcome.dashboard(as(officer), { from, to: thisMonth, sort: 'name', dir: 'desc' });
    expect(byName.rows.map((r) => r.name)).toEqual(['Sukasari', 'Sukarasa', 'Karawaci Baru', 'Bugel']);
    const bySales = await Outcome.dashboard(as(officer), { from, to: thisMonth, sort: 'sales', dir: 'asc' });
    expect(bySales.rows.at(-1)?.counts.sales).toBe(Math.max(...bySales.rows.map((r) => r.counts.sales)));
  });

  it('reads a fixed number of items whatever the activity: one BatchGet and one Query per month', async () => {
    const view = await Outcome.dashboard(as(officer), { to: thisMonth });
    expect(view.months).toHaveLength(12);
    expect(view.reads).toBe(13);
    const one = await Outcome.dashboard(as(officer), { from, to: thisMonth, villageCode: '36.71.01.1001' });
    expect(one.reads).toBe(1);
    expect(one.rows).toHaveLength(1);
  });
});
