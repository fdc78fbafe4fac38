import { $add, executeTransactWrite, PutTransaction, UpdateTransaction } from 'dynamodb-toolbox';
import * as Application from '../application/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type CountWrites, countOnce } from '../db/projected.ts';
import { DomainError } from '../kernel/errors.ts';
import { todayInJakarta } from '../kernel/time.ts';
import * as Programme from '../programme/index.ts';
import * as Shop from '../shop/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import { type Counter, outcomeEntities } from './outcome.entity.ts';

type Image = Record<string, unknown> | undefined;
/** Where something happened: the regency, and the kecamatan and kelurahan when known. */
export type Place = { regency: string; district: string; village?: string | undefined };
/** One stream record's contribution: which counters move, when (a WIB month) and where. */
export type OutcomeDelta = {
  month: string;
  place: Place;
  counts: Partial<Record<Counter, number>>;
  /** The person whose activity it is (the applicant, the shop's owner): their programmes and cohorts count it too. */
  participant?: string;
  sellerOf?: string;
};

/** The counter each way a company says its vacancy ended adds to. */
const OUTCOME_COUNTER = {
  filled_bursa: 'filledBursa',
  filled_elsewhere: 'filledElsewhere',
  cancelled: 'cancelled',
} as const satisfies Record<(typeof Vacancy.CLOSE_OUTCOMES)[number], Counter>;

/** `2026-12`: the WIB month of an ISO instant. */
export const monthOf = (iso: string) => todayInJakarta(Date.parse(iso)).slice(0, 7);

/** The counter items one place adds to: the regency's total, its kecamatan and its kelurahan. */
export const scopesOf = (p: Place) => ['all', `district#${p.district}`, ...(p.village ? [`village#${p.village}`] : [])];

const placeOfVillage = (village: string): Place => ({
  regency: village.slice(0, 5),
  district: village.slice(0, 8),
  village,
});

/** The shop's place (its kelurahan); undefined when the shop is gone. */
async function shopPlace(db: Db, shopId: string): Promise<(Place & { owner: string }) | undefined> {
  try {
    const s = await Shop.get(db, shopId);
    return { regency: s.regencyCode, district: s.districtCode, village: s.villageCode, owner: s.ownerId };
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found') return undefined;
    throw e;
  }
}

/**
 * What one change adds, by entity:
 * - Vacancy: published for the first time (it gains `publishedAt`, kept for good):
 *   one vacancy and its openings, in the month it was published, at its kelurahan
 *   (a vacancy without one counts in its kecamatan and the total only); closed by
 *   its company: one of filledBursa / filledElsewhere / cancelled in the month it
 *   was closed, taken back (−1 in that month) when it is reopened;
 * - Application: the funnel events of Application.funnelDelta (applied,
 *   shortlisted, interviewed, hired: each stage counted once), at the
 *   applicant's kelurahan, in the month of the change;
 * - Product: listed (created), at its shop's kelurahan;
 * - Order: completed, the same moment the shop's sales count it (order/sales.ts):
 *   one order and its total, and the shop as an active seller of the month.
 */
export async function outcomeDelta(db: Db, entity: string, before: Image, after: Image): Promise<OutcomeDelta[]> {
  if (!after) return [];
  if (entity === 'Vacancy') {
    const b = Vacancy.fromImage(db, before);
    const a = Vacancy.fromImage(db, after);
    if (!a) return [];
    const place = { regency: a.regencyCode, district: a.districtCode, village: a.villageCode };
    const deltas: OutcomeDelta[] = [];
    if (a.publishedAt && !b?.publishedAt)
      deltas.push({ month: monthOf(a.publishedAt), place, counts: { vacancies: 1, openings: a.openings } });
    // How it ended, when its company closes it; a reopen takes that back (in the month it counted in).
    const ended = (v: Vacancy.Info | undefined) =>
      v?.status === 'closed' && v.closedOutcome && v.closedAt
        ? { outcome: v.closedOutcome, at: v.closedAt }
        : undefined;
    const was = ended(b);
    const now = ended(a);
    if (was && (!now || was.at !== now.at))
      deltas.push({ month: monthOf(was.at), place, counts: { [OUTCOME_COUNTER[was.outcome]]: -1 } });
    if (now && (!was || was.at !== now.at))
      deltas.push({ month: monthOf(now.at), place, counts: { [OUTCOME_COUNTER[now.outcome]]: 1 } });
    return deltas;
  }
  if (entity === 'Application') {
    const a = Application.fromImage(db, after);
    if (!a) return [];
    const { events } = Application.funnelDelta(Application.fromImage(db, before), a);
    const counts: OutcomeDelta['counts'] = {};
    for (const c of ['applications', 'shortlisted', 'interviewed', 'hired'] as const)
      if (events[c]) counts[c] = events[c];
    if (!Object.keys(counts).length) return [];
    return [{ month: monthOf(a.updatedAt), place: placeOfVillage(a.villageCode), counts, participant: a.userId }];
  }
  if (entity === 'Product') {
    if (before) return [];
    const place = await shopPlace(db, String(after.shopId));
    return place
      ? [{ month: monthOf(String(after.createdAt)), place, counts: { products: 1 }, participant: place.owner }]
      : [];
  }
  if (entity === 'Order') {
    if (after.status !== 'completed' || before?.status === 'completed') return [];
    const history = (after.history ?? []) as { status: string; at: string }[];
    const done = [...history].reverse().find((s) => s.status === 'completed')?.at ?? String(after.updatedAt);
    const shopId = String(after.shopId);
    const place = await shopPlace(db, shopId);
    if (!place) return [];
    return [
      {
        month: monthOf(done),
        place,
        counts: { orders: 1, sales: Number(after.total) },
        participant: place.owner,
        sellerOf: shopId,
      },
    ];
  }
  return [];
}

const adds = (counts: OutcomeDelta['counts']) =>
  Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, $add(n as number)]));

/**
 * The office's increments for one stream record (OutcomeCount updates, every
 * scope of every delta), for a projection to send under its marker; with the
 * deltas, for the active-seller markers `countOutcome` adds.
 */
export async function outcomeWrites(db: Db, entity: string, before: Image, after: Image) {
  const deltas = await outcomeDelta(db, entity, before, after);
  // The participant's programmes and cohorts at the time the record is counted (one Query per person).
  const scopes = new Map<OutcomeDelta, string[]>();
  for (const d of deltas) scopes.set(d, [...scopesOf(d.place), ...(await programmeScopes(db, d.participant))]);
  const { OutcomeCount } = outcomeEntities(db);
  const writes = deltas.flatMap((d) =>
    (scopes.get(d) ?? []).map((scope) =>
      OutcomeCount.build(UpdateTransaction).item({
        regency: d.place.regency,
        month: d.month,
        scope,
        ...adds(d.counts),
      } as never),
    ),
  ) as CountWrites;
  return { writes, deltas, scopes };
}

/**
 * The outcome-counters projection: one stream record → its increments, in one
 * transaction with a marker for the record, so a replay counts nothing. A
 * shop's first completed order of a month also makes it an active seller: a
 * marker per shop per month put on condition that it does not exist, with the
 * `sellers` increments, in a transaction of its own (idempotent by itself, so
 * it is tried again on a replay that finds the record counted). A Vacancy's
 * increments go with its company's counts instead (functions/src/events/vacancy-counts.ts).
 */
export async function countOutcome(db: Db, sequenceNumber: string, entity: string, before: Image, after: Image) {
  const { writes, deltas, scopes } = await outcomeWrites(db, entity, before, after);
  const counted = await countOnce(db, 'outcome', sequenceNumber, writes);
  const { OutcomeCount, OutcomeSeller } = outcomeEntities(db);
  for (const d of deltas) {
    if (!d.sellerOf) continue;
    await sendOnce(
      OutcomeSeller.build(PutTransaction)
        .item({ regency: d.place.regency, month: d.month, shopId: d.sellerOf, first: sequenceNumber })
        .options({ condition: { attr: 'shopId', exists: false } }),
      ...(scopes.get(d) ?? []).map((scope) =>
        OutcomeCount.build(UpdateTransaction).item({
          regency: d.place.regency,
          month: d.month,
          scope,
          sellers: $add(1),
        } as never),
      ),
    );
  }
  return counted;
}

/** `programme#<id>` and `cohort#<id>` of each cohort the person is in (each programme once). */
async function programmeScopes(db: Db, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  const cohorts = await Programme.cohortsOfUser(db, userId);
  // At most 60 (a transaction holds 100 writes); a person is in a handful of cohorts.
  return [...new Set(cohorts.flatMap((c) => [`programme#${c.programmeId}`, `cohort#${c.cohortId}`]))].slice(0, 60);
}

async function sendOnce(...writes: Parameters<typeof executeTransactWrite>) {
  try {
    await executeTransactWrite(...writes);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
