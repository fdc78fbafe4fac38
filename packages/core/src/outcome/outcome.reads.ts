import { BatchGetCommand, BatchGetRequest, executeBatchGet, QueryCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { COUNTERS, type Counts, countsOf, outcomeEntities, outcomePk, zero } from './outcome.entity.ts';
import type { SortColumn } from './outcome.schema.ts';

/** One kelurahan's line of the dashboard's table. */
export type Row = {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  counts: Counts;
  /** Hires as a share of openings, in percent (one decimal); null without openings. */
  hireRate: number | null;
};

export const hireRate = (c: Pick<Counts, 'hired' | 'openings'>) =>
  c.openings > 0 ? Math.round((c.hired / c.openings) * 1000) / 10 : null;

/** `2026-12` → `2026-11` (k = -1), in calendar months. */
export function shiftMonth(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + k, 1)).toISOString().slice(0, 7);
}
/** The months from `from` to `to`, both included (at most 25: callers refuse more than 24). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 25; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export function sumCounts(list: Counts[]): Counts {
  const t = zero();
  for (const c of list) for (const k of COUNTERS) t[k] += c[k];
  return t;
}

/** One scope's item of each month: one BatchGetItem of ≤ 24 keys. */
export async function monthItems(db: Db, regency: string, months: string[], scope: string) {
  const { OutcomeCount } = outcomeEntities(db);
  const out = await executeBatchGet(
    db.table
      .build(BatchGetCommand)
      .requests(...months.map((month) => OutcomeCount.build(BatchGetRequest).key({ regency, month, scope }))),
  );
  const items = (out.Responses?.[0] ?? []) as (Record<string, unknown> | undefined)[];
  return months.map((month, i) => ({ month, counts: countsOf(items[i]) }));
}

/**
 * A month's kelurahan items (of one kecamatan): one Query (`begins_with
 * village#…`), bounded by the regency's kelurahan (104 for Kota Tangerang),
 * not by activity; pages only for a regency of more than 500 kelurahan.
 */
export async function villageItems(db: Db, regency: string, month: string, district?: string) {
  const { OutcomeCount } = outcomeEntities(db);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.table
      .build(QueryCommand)
      .entities(OutcomeCount)
      .query({
        partition: outcomePk(regency, month),
        range: { beginsWith: `village#${district ? `${district}.` : ''}` },
      })
      .options({ limit: 500, ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The kelurahan items of several months summed by kelurahan code. */
export function byVillage(months: Record<string, unknown>[][]): Map<string, Counts> {
  const found = new Map<string, Counts>();
  for (const items of months)
    for (const it of items) {
      const code = String(it.scope).slice('village#'.length);
      const c = found.get(code) ?? zero();
      for (const k of COUNTERS) c[k] += Number(it[k] ?? 0);
      found.set(code, c);
    }
  return found;
}

/** Sorts the table by a column, ties by kelurahan code (so the order is stable). */
export function sortRows<R extends Row>(rows: R[], sort: SortColumn, dir: 'asc' | 'desc'): R[] {
  const value = (r: R): string | number =>
    sort === 'name'
      ? r.name
      : sort === 'district'
        ? r.districtName
        : sort === 'hireRate'
          ? (r.hireRate ?? -1)
          : r.counts[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'string' ? x.localeCompare(y as string, 'id') : x - (y as number);
    return c !== 0 ? sign * c : a.code.localeCompare(b.code);
  });
}
