import { $add, GetItemCommand, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type CountWrites, countOnce } from '../db/projected.ts';
import { todayInJakarta } from '../kernel/time.ts';
import { VACANCY_STATUSES, vacancyEntities } from './vacancy.entity.ts';

type Status = (typeof VACANCY_STATUSES)[number];
export type VacancyStatusCounts = Record<Status, number>;
type Image = Record<string, unknown> | undefined;

/** Where a vacancy counts: its stored status and, while open or held, its closing day. */
function slotOf(x: Image): { status: Status; day?: string } | undefined {
  const status = x?.status;
  if (typeof status !== 'string' || !(VACANCY_STATUSES as readonly string[]).includes(status)) return undefined;
  const day = typeof x?.closingDate === 'string' ? x.closingDate : undefined;
  return (status === 'open' || status === 'review') && day ? { status, day } : { status: status as Status };
}

/**
 * The vacancy-counts projection: a Vacancy's stored status (or, while open or
 * held, its closing day) moving moves its company's counters: VacancyCounts
 * per stored status, and VacancyDayCounts per closing day for the open and
 * held ones, so a read can tell which of them have passed their closing day
 * (they show as closed: `effectiveStatus`) without reading the vacancies.
 * `statusCountWrites` gives the writes, for a projection to send with others
 * (functions/src/events/vacancy-counts.ts sends them with the office's outcome
 * counters under one marker); `countStatusChange` sends them alone, once per
 * stream record (a marker in the same transaction).
 */
export function statusCountWrites(db: Db, before: Image, after: Image): CountWrites {
  const was = slotOf(before);
  const now = slotOf(after);
  const companyId = String((after ?? before)?.companyId ?? '');
  if (!companyId || (was?.status === now?.status && was?.day === now?.day)) return [];
  const { VacancyCounts, VacancyDayCounts } = vacancyEntities(db);
  // Net moves per counter: a status change moves two totals; a new closing day moves two day items.
  const net = (key: (slot: { status: Status; day?: string }) => string | undefined) => {
    const moves = new Map<string, Record<string, number>>();
    for (const [slot, by] of [
      [was, -1],
      [now, 1],
    ] as const) {
      const k = slot && key(slot);
      if (!slot || k === undefined) continue;
      const m = moves.get(k) ?? {};
      m[slot.status] = (m[slot.status] ?? 0) + by;
      moves.set(k, m);
    }
    return [...moves].flatMap(([k, m]) => {
      const changed = Object.entries(m).filter(([, n]) => n !== 0);
      return changed.length ? [[k, Object.fromEntries(changed.map(([f, n]) => [f, $add(n)]))] as const] : [];
    });
  };
  const updates = [
    ...net(() => '').map(([, by]) => VacancyCounts.build(UpdateTransaction).item({ companyId, ...by } as never)),
    ...net((slot) => slot.day).map(([day, by]) =>
      VacancyDayCounts.build(UpdateTransaction).item({ companyId, day, ...by } as never),
    ),
  ];
  return updates as CountWrites;
}

export function countStatusChange(db: Db, sequenceNumber: string, before: Image, after: Image) {
  return countOnce(db, 'vacancy-counts', sequenceNumber, statusCountWrites(db, before, after));
}

/**
 * A company's vacancies per status as its members see them (`vacancyCounts`):
 * GetItem VacancyCounts and, in parallel, a Query of the VacancyDayCounts from
 * today on. Open and held vacancies whose closing day has passed count as
 * closed, as `effectiveStatus` shows them. Two reads, bounded by the days ahead
 * that have open vacancies, whatever the company's history.
 */
export async function statusCounts(db: Db, companyId: string, now = Date.now()): Promise<VacancyStatusCounts> {
  const { VacancyCounts, VacancyDayCounts } = vacancyEntities(db);
  const today = todayInJakarta(now);
  const [totals, ahead] = await Promise.all([
    VacancyCounts.build(GetItemCommand).key({ companyId }).send(),
    db.table
      .build(QueryCommand)
      .entities(VacancyDayCounts)
      .query({ partition: `COMPANY#${companyId}`, range: { between: [`VACANCYCOUNTS#${today}`, 'VACANCYCOUNTS#~'] } })
      .send(),
  ]);
  const t = totals.Item;
  let open = 0;
  let review = 0;
  for (const d of ahead.Items ?? []) {
    open += d.open ?? 0;
    review += d.review ?? 0;
  }
  const passed = (t?.open ?? 0) - open + ((t?.review ?? 0) - review);
  return { draft: t?.draft ?? 0, review, open, closed: (t?.closed ?? 0) + passed };
}
