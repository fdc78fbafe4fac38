import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * The office's outcome counters (docs/data-model.md, "OutcomeCount and OutcomeSeller"),
 * kept by the stream projections functions/src/events/outcome-counters.ts and, for
 * vacancies, vacancy-counts.ts, never by reading what they count:
 *   OutcomeCount   pk = OUTCOME#<regency>#<yyyy-mm>        sk = all | district#<code> | village#<code>
 *   OutcomeSeller  pk = OUTCOMESELLER#<regency>#<yyyy-mm>  sk = <shopId>   (a shop that sold that month, once)
 * A month is a WIB calendar month. One month of a regency is one partition of
 * at most 1 + kecamatan + kelurahan items (118 for Kota Tangerang), so a
 * dashboard of N months reads N small partitions whatever the activity.
 */
export const COUNTERS = [
  'vacancies',
  'openings',
  'applications',
  'shortlisted',
  'interviewed',
  'hired',
  /** Vacancies their company closed, by how they ended (Vacancy.CLOSE_OUTCOMES), in the month closed. */
  'filledBursa',
  'filledElsewhere',
  'cancelled',
  'sellers',
  'products',
  'orders',
  'sales',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

const build = (table: BursaTable) => ({
  OutcomeCount: new Entity({
    name: 'OutcomeCount',
    table,
    timestamps: false,
    schema: item({
      regency: string().key(),
      month: string().key(),
      scope: string().key(),
      vacancies: number().optional(),
      openings: number().optional(),
      applications: number().optional(),
      shortlisted: number().optional(),
      interviewed: number().optional(),
      hired: number().optional(),
      filledBursa: number().optional(),
      filledElsewhere: number().optional(),
      cancelled: number().optional(),
      sellers: number().optional(),
      products: number().optional(),
      orders: number().optional(),
      /** Whole rupiah of completed orders. */
      sales: number().optional(),
    }),
    computeKey: ({ regency, month, scope }) => ({ pk: `OUTCOME#${regency}#${month}`, sk: scope }),
  }),
  OutcomeSeller: new Entity({
    name: 'OutcomeSeller',
    table,
    timestamps: false,
    schema: item({ regency: string().key(), month: string().key(), shopId: string().key(), first: string() }),
    computeKey: ({ regency, month, shopId }) => ({ pk: `OUTCOMESELLER#${regency}#${month}`, sk: shopId }),
  }),
});
export const outcomeEntities = (db: Db) => bindEntities(db, build);

export const outcomePk = (regency: string, month: string) => `OUTCOME#${regency}#${month}`;

/** The counters of an item (zero where nothing was counted). */
export function countsOf(item: Partial<Record<string, unknown>> | undefined): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, Number(item?.[c] ?? 0)])) as Counts;
}
export const zero = (): Counts => countsOf(undefined);
export function addInto(into: Counts, more: Counts) {
  for (const c of COUNTERS) into[c] += more[c];
  return into;
}
