import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  Entity,
  executeBatchGet,
  item,
  number,
  string,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Application from '../application/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { countOnce } from '../db/projected.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { csvCell } from '../kernel/format.ts';
import * as z from '../kernel/zod.ts';
import * as Region from '../region/index.ts';
import { boothsOf } from './fair.booth-reads.ts';
import { canManageFairs } from './fair.policy.ts';
import { getFair, type Info } from './fair.use-cases.ts';

/**
 * A fair's report, live and never read from lists:
 *   FairStats  pk = FAIR#<fairId>  sk = STATS#<scope>   scope = all | company#<id> | district#<code> | village#<code>
 * registered and checkedIn by kecamatan/kelurahan (the fair-report projection,
 * from Registrations), booth visits (counted as booth pages are served, no
 * cookies), attended and no-show interviews (from Slots). Applications,
 * shortlisted, interviewed and hired come from the applications' funnel under
 * `fair#<fairId>` (application.funnel.ts), in the same slices.
 */
const build = (table: BursaTable) => ({
  FairStats: new Entity({
    name: 'FairStats',
    table,
    timestamps: false,
    schema: item({
      fairId: string().key(),
      scope: string().key(),
      registered: number().optional(),
      checkedIn: number().optional(),
      visits: number().optional(),
      attended: number().optional(),
      noShow: number().optional(),
    }),
    computeKey: ({ fairId, scope }) => ({ pk: `FAIR#${fairId}`, sk: `STATS#${scope}` }),
  }),
});
const statsEntities = (db: Db) => bindEntities(db, build);

type Image = Record<string, unknown> | undefined;
type Counts = { registered?: number; checkedIn?: number; attended?: number; noShow?: number };

/** What one stream record adds, by scope. */
export function reportDelta(entity: string, before: Image, after: Image): [string, Counts][] {
  if (entity === 'Registration' && after) {
    const village = String(after.villageCode ?? '');
    const places = village ? [`district#${village.slice(0, 8)}`, `village#${village}`] : [];
    const counts: Counts = {};
    if (!before) counts.registered = 1;
    if (after.checkedInAt && !before?.checkedInAt) counts.checkedIn = 1;
    return Object.keys(counts).length ? places.map((p) => [p, counts]) : [];
  }
  if (entity === 'Slot') {
    const was = before?.attendance;
    const now = after?.attendance;
    if (was === now) return [];
    const counts: Counts = {};
    const key = (a: unknown) => (a === 'attended' ? 'attended' : 'noShow');
    if (was) counts[key(was)] = -1;
    if (now) counts[key(now)] = (counts[key(now)] ?? 0) + 1;
    const company = String((after ?? before)?.companyId);
    return [
      ['all', counts],
      [`company#${company}`, counts],
    ];
  }
  return [];
}

/** The fair-report projection: one stream record → its counts, once (a marker in the same transaction). */
export async function countForReport(db: Db, sequenceNumber: string, entity: string, before: Image, after: Image) {
  const delta = reportDelta(entity, before, after);
  if (!delta.length) return false;
  const fairId = String((after ?? before)?.fairId);
  const { FairStats } = statsEntities(db);
  const adds = (c: Counts) => Object.fromEntries(Object.entries(c).map(([k, n]) => [k, $add(n)]));
  return countOnce(
    db,
    'fair-report',
    sequenceNumber,
    delta.map(([scope, c]) => FairStats.build(UpdateTransaction).item({ fairId, scope, ...adds(c) } as never)),
  );
}

/** A booth page was served: one more visit for the booth and the fair (no cookie, no person: a count). */
export async function countVisit(db: Db, fairId: string, companyId: string): Promise<void> {
  const { FairStats } = statsEntities(db);
  await Promise.all(
    ['all', `company#${companyId}`].map((scope) =>
      FairStats.build(UpdateItemCommand)
        .item({ fairId, scope, visits: $add(1) } as never)
        .send(),
    ),
  );
}

export type ReportRow = {
  key: string;
  label: string;
  registered: number;
  checkedIn: number;
  visits: number;
  applications: number;
  shortlisted: number;
  interviewed: number;
  attended: number;
  hired: number;
};
export type FairReport = {
  fair: Info;
  total: ReportRow;
  byEmployer: ReportRow[];
  byDistrict: ReportRow[];
  /** Kelurahan with anything counted (officers). */
  byVillage: ReportRow[];
};

async function statsOf(db: Db, fairId: string, scopes: string[]) {
  const { FairStats } = statsEntities(db);
  const found = new Map<string, Record<string, number>>();
  for (let i = 0; i < scopes.length; i += 100) {
    const chunk = scopes.slice(i, i + 100);
    const out = await executeBatchGet(
      db.table
        .build(BatchGetCommand)
        .requests(...chunk.map((scope) => FairStats.build(BatchGetRequest).key({ fairId, scope }))),
    );
    const items = (out.Responses?.[0] ?? []) as (Record<string, number> | undefined)[];
    chunk.forEach((scope, j) => {
      if (items[j]) found.set(scope, items[j] as Record<string, number>);
    });
  }
  return found;
}

/**
 * The fair report: totals, by employer (approved booths) and by the
 * candidates' kecamatan. Officers see all of it; a booth's members their own
 * booth's row. A fixed number of reads whatever the fair's size: the fair,
 * one page of booths, and BatchGets of counters (the regency's kecamatan and
 * kelurahan: 117 slices for Kota Tangerang).
 */
export const fairReport = fn(
  z.object({ fairId: z.string(), companyId: z.optional(z.string()) }),
  async ({ fairId, companyId }, ctx): Promise<FairReport> => {
    const me = Account.requireSignedIn(ctx.actor);
    const officer = canManageFairs(me);
    if (!officer && !(companyId && (await Company.isMember(ctx.db, me, companyId))))
      throw forbidden('fair.officers_only');
    const [fair, booths, regency] = await Promise.all([
      getFair(ctx.db, fairId),
      boothsOf(ctx, { fairId, limit: 50 }),
      Region.getCached(ctx.db, ctx.config.homeRegency),
    ]);
    const employers = booths.items
      .filter((b) => b.status === 'approved' && (officer || b.companyId === companyId))
      .map((b) => ({ key: `company#${b.companyId}`, label: b.companyName }));
    const districts = officer ? regency.districts.map((d) => ({ key: `district#${d.code}`, label: d.name })) : [];
    const villages = officer
      ? regency.districts.flatMap((d) =>
          d.villages.map((v) => ({ key: `village#${v.code}`, label: `${v.name}, ${d.name}` })),
        )
      : [];
    const slices = [{ key: 'all', label: fair.name }, ...employers, ...districts, ...villages];
    const [stats, funnels] = await Promise.all([
      statsOf(
        ctx.db,
        fairId,
        slices.map((s) => s.key),
      ),
      Application.funnelsOf(
        ctx.db,
        slices.map((s) => Application.fairScope(fairId, s.key === 'all' ? undefined : s.key)),
      ),
    ]);
    const row = ({ key, label }: { key: string; label: string }): ReportRow => {
      const s = stats.get(key) ?? {};
      const f = funnels.get(Application.fairScope(fairId, key === 'all' ? undefined : key));
      return {
        key,
        label,
        registered: key === 'all' ? (fair.registered ?? 0) : (s.registered ?? 0),
        checkedIn: key === 'all' ? (fair.checkedIn ?? 0) : (s.checkedIn ?? 0),
        visits: s.visits ?? 0,
        applications: f?.applications ?? 0,
        shortlisted: f?.shortlisted ?? 0,
        interviewed: f?.interviewed ?? 0,
        attended: s.attended ?? 0,
        hired: f?.hired ?? 0,
      };
    };
    return {
      fair,
      total: row(slices[0] as { key: string; label: string }),
      byEmployer: employers.map(row),
      byDistrict: districts.map(row),
      byVillage: villages.map(row).filter((r) => r.registered || r.checkedIn || r.applications),
    };
  },
);

/** The report as CSV: one line per slice (total, employers, kecamatan). */
export function reportCsv(report: FairReport): string {
  const cols = [
    'registered',
    'checkedIn',
    'visits',
    'applications',
    'shortlisted',
    'interviewed',
    'attended',
    'hired',
  ] as const;
  const lines = [['bagian', 'nama', ...cols].join(',')];
  const add = (part: string, r: ReportRow) =>
    lines.push([part, r.label, ...cols.map((c) => r[c])].map(csvCell).join(','));
  add('total', report.total);
  for (const r of report.byEmployer) add('perusahaan', r);
  for (const r of report.byDistrict) add('kecamatan', r);
  for (const r of report.byVillage) add('kelurahan', r);
  return `${lines.join('\r\n')}\r\n`;
}
