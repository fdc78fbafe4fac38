import * as Fair from '../fair/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { todayInJakarta } from '../kernel/time.ts';
import * as Programme from '../programme/index.ts';
import * as Region from '../region/index.ts';
import { COUNTERS, type Counter, type Counts, zero } from './outcome.entity.ts';
import { canSeeOutcomes } from './outcome.policy.ts';
import {
  byVillage,
  hireRate,
  monthItems,
  monthsBetween,
  type Row,
  shiftMonth,
  sortRows,
  sumCounts,
  villageItems,
} from './outcome.reads.ts';
import { dashboardSchema, type SortColumn } from './outcome.schema.ts';

type Named = { id: string; name: string };
export type Dashboard = {
  filter: {
    from: string;
    to: string;
    districtCode?: string;
    villageCode?: string;
    fairId?: string;
    programmeId?: string;
    cohortId?: string;
    sort: SortColumn;
    dir: 'asc' | 'desc';
  };
  /** The counters the view shows: all ten, or the jobs funnel only for a fair. */
  columns: Counter[];
  /** Month by month (oldest first) for the charts; empty for a fair (its funnel has no months). */
  months: { month: string; counts: Counts }[];
  total: Counts & { hireRate: number | null };
  /** One row per kelurahan of the selection, sorted; none for a programme or cohort (counted as a whole). */
  rows: Row[];
  regency: { code: string; name: string; districts: { code: string; name: string }[] };
  /** The kelurahan of the chosen kecamatan, for the filter. */
  villages: { code: string; name: string }[];
  fairs: Named[];
  programmes: Named[];
  /** The cohorts of the chosen programme (a page, the latest first). */
  cohorts: Named[];
  fair?: Named;
  /** Requests for counters this view made (the access pattern, docs/data-model.md). */
  reads: number;
};

const JOBS: Counter[] = ['applications', 'shortlisted', 'interviewed', 'hired'];

/**
 * The live outcomes dashboard (/kantor): officers only. Counter reads,
 * whatever the activity: one BatchGetItem of the selection's item per month
 * (`all`, a kecamatan, a kelurahan, a programme or a cohort; ≤ 24 keys) for
 * the charts and headline figures, and one Query per month of its kelurahan
 * items for the table, in parallel. A fair's view reads that fair's report
 * (Fair.fairReport). Filters' lists (kelurahan, fairs, programmes, cohorts)
 * are one page each.
 */
export const dashboard = fn(dashboardSchema, async (input, ctx): Promise<Dashboard> => {
  if (!canSeeOutcomes(ctx.actor)) throw forbidden('outcome.officers_only');
  const to = input.to ?? todayInJakarta(nowOf(ctx)).slice(0, 7);
  const from = input.from ?? shiftMonth(to, -11);
  if (from > to) throw new ValidationError([{ path: 'from', code: 'outcome.period.order' }]);
  const months = monthsBetween(from, to);
  if (months.length > 24) throw new ValidationError([{ path: 'from', code: 'outcome.period.too_long' }]);
  const [tree, fairs, programmes, programme] = await Promise.all([
    Region.getCached(ctx.db, ctx.config.homeRegency),
    Fair.listFairs(ctx, { limit: 50 }),
    Programme.listProgrammes(ctx, {}),
    input.programmeId ? Programme.programmeView(ctx, { id: input.programmeId }) : undefined,
  ]);
  if (input.cohortId) {
    const cohort = await Programme.getCohort(ctx.db, input.cohortId);
    if (cohort.programmeId !== input.programmeId)
      throw new ValidationError([{ path: 'cohortId', code: 'outcome.cohort.invalid' }]);
  }
  // A kelurahan's code starts with its kecamatan's (`36.71.01.1001` is in `36.71.01`).
  const districtCode = input.districtCode ?? input.villageCode?.slice(0, 8);
  const district = districtCode ? tree.districts.find((d) => d.code === districtCode) : undefined;
  if (districtCode && !district)
    throw new ValidationError([{ path: 'districtCode', code: 'outcome.district.invalid' }]);
  const village = input.villageCode ? district?.villages.find((v) => v.code === input.villageCode) : undefined;
  if (input.villageCode && !village)
    throw new ValidationError([{ path: 'villageCode', code: 'outcome.village.invalid' }]);
  const places = tree.districts
    .filter((d) => !district || d.code === district.code)
    .flatMap((d) =>
      d.villages
        .filter((v) => !village || v.code === village.code)
        .map((v) => ({ code: v.code, name: v.name, districtCode: d.code, districtName: d.name })),
    );
  const sort = input.sort ?? 'name';
  const dir = input.dir ?? (sort === 'name' || sort === 'district' ? 'asc' : 'desc');
  const group = input.cohortId ? `cohort#${input.cohortId}` : input.programmeId ? `programme#${input.programmeId}` : '';
  const base = {
    filter: {
      from,
      to,
      ...(district ? { districtCode: district.code } : {}),
      ...(village ? { villageCode: village.code } : {}),
      ...(input.fairId ? { fairId: input.fairId } : {}),
      ...(input.programmeId ? { programmeId: input.programmeId } : {}),
      ...(input.cohortId ? { cohortId: input.cohortId } : {}),
      sort,
      dir,
    },
    regency: {
      code: tree.code,
      name: tree.name,
      districts: tree.districts.map((d) => ({ code: d.code, name: d.name })),
    },
    villages: district ? district.villages : [],
    fairs: fairs.items.map((f) => ({ id: f.id, name: f.name })),
    programmes: programmes.items.map((p) => ({ id: p.id, name: p.name })),
    cohorts: programme ? programme.cohorts.items.map((c) => ({ id: c.id, name: c.name })) : [],
  };
  if (input.fairId) {
    const report = await Fair.fairReport(ctx, { fairId: input.fairId });
    const found = new Map(report.byVillage.map((r) => [r.key.replace('village#', ''), r]));
    const countsFrom = (r?: { applications: number; shortlisted: number; interviewed: number; hired: number }) => ({
      ...zero(),
      ...(r
        ? { applications: r.applications, shortlisted: r.shortlisted, interviewed: r.interviewed, hired: r.hired }
        : {}),
    });
    const rows = places.map((p) => ({ ...p, counts: countsFrom(found.get(p.code)), hireRate: null }));
    const total = district ? sumCounts(rows.map((r) => r.counts)) : countsFrom(report.total);
    return {
      ...base,
      columns: JOBS,
      months: [],
      total: { ...total, hireRate: null },
      rows: sortRows(rows, sort, dir),
      fair: { id: report.fair.id, name: report.fair.name },
      reads: 4,
    };
  }
  const scope = group || (village ? `village#${village.code}` : district ? `district#${district.code}` : 'all');
  const perVillage = !group && !village;
  const [series, tables] = await Promise.all([
    monthItems(ctx.db, tree.code, months, scope),
    perVillage ? Promise.all(months.map((m) => villageItems(ctx.db, tree.code, m, district?.code))) : [],
  ]);
  const total = sumCounts(series.map((s) => s.counts));
  const counted = village ? new Map([[village.code, total]]) : byVillage(tables);
  const rows = group
    ? []
    : places.map((p) => {
        const counts = counted.get(p.code) ?? zero();
        return { ...p, counts, hireRate: hireRate(counts) };
      });
  return {
    ...base,
    columns: [...COUNTERS],
    months: series,
    total: { ...total, hireRate: hireRate(total) },
    rows: sortRows(rows, sort, dir),
    reads: 1 + tables.length,
  };
});
