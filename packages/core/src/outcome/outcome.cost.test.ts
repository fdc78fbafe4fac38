import { BatchPutRequest } from 'dynamodb-toolbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRegency } from '../../../../scripts/seed/regions.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import { writeInBatches } from '../db/batch.ts';
import type { Db } from '../db/client.ts';
import { dbMetrics } from '../db/metrics.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Outcome from './index.ts';
import { COUNTERS, outcomeEntities } from './outcome.entity.ts';

/**
 * What the dashboard costs at its worst: Kota Tangerang (13 kecamatan, 104
 * kelurahan) with every counter of every kelurahan, kecamatan and the total
 * set in each of 12 months (1,416 items). Measured with the capacity units
 * DynamoDB Local reports (docs/data-model.md, access pattern `outcomes`).
 */
let db: Db;
const officer: Actor = { userId: 'o', name: 'Petugas', roles: ['officer'] };

beforeAll(async () => {
  process.env.BURSA_DB_METRICS = '1';
  db = await createTestDb();
  const regency = await readRegency('36.71');
  await Region.save(db, regency);
  const { OutcomeCount } = outcomeEntities(db);
  const months = Outcome.monthsBetween('2026-01', '2026-12');
  const full = Object.fromEntries(COUNTERS.map((c, i) => [c, c === 'sales' ? 123_456_789 : 1000 + i]));
  const scopes = [
    'all',
    ...regency.districts.flatMap((d) => [`district#${d.code}`, ...d.villages.map((v) => `village#${v.code}`)]),
  ];
  await writeInBatches(
    db,
    months.flatMap((month) =>
      scopes.map((scope) =>
        OutcomeCount.build(BatchPutRequest).item({ regency: '36.71', month, scope, ...full } as never),
      ),
    ),
  );
}, 120_000);

describe('the dashboard read cost', () => {
  it('costs 15 requests and about 48 read units for 12 months of a fully active city (13 counters)', async () => {
    const ctx: Ctx = { db, config: loadConfig({ TABLE_NAME: db.tableName }), actor: officer };
    await Outcome.dashboard(ctx, { from: '2026-01', to: '2026-12' }); // warms the regency cache
    const before = { ...dbMetrics() };
    const view = await Outcome.dashboard(ctx, { from: '2026-01', to: '2026-12' });
    const m = dbMetrics();
    const calls = m.calls - before.calls;
    const units = m.readUnits - before.readUnits;
    console.log(`outcomes dashboard, 12 months × 118 items: ${calls} requests, ${units} read units`);
    expect(view.rows).toHaveLength(104);
    expect(view.total.applications).toBe(12 * 1002);
    // 12 Queries + 1 BatchGet of counters, plus the filters' lists (fairs, programmes).
    expect(view.reads).toBe(13);
    expect(calls).toBeLessThanOrEqual(15);
    expect(units).toBeLessThanOrEqual(50);
  });
});
