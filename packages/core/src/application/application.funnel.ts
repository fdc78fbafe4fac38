import { $add, EntityFormatter, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { countOnce } from '../db/projected.ts';
import { todayInJakarta } from '../kernel/time.ts';
import { applicationEntities, type FunnelEvent, type Stage } from './application.entity.ts';
import { companyScope, fairScope, vacancyScope } from './application.lists.ts';
import type { Info } from './application.use-cases.ts';

/** Reaching a stage for the first time counts once in the funnel. */
const REACHED: Partial<Record<Stage, FunnelEvent>> = {
  shortlisted: 'shortlisted',
  interview: 'interviewed',
  hired: 'hired',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** An Application as the stream carries it, read back; undefined for other items. */
export function fromImage(db: Db, image: Record<string, unknown> | undefined): Info | undefined {
  if (image?.type !== 'Application') return undefined;
  return applicationEntities(db).Application.build(EntityFormatter).format(image) as Info;
}

/** What one change adds to the counters: funnel events (counted once) and moves between current stages. */
export function funnelDelta(before: Info | undefined, after: Info | undefined) {
  const events: Partial<Record<FunnelEvent, number>> = {};
  const current: Partial<Record<`at_${Stage}`, number>> = {};
  if (!after) return { events, current };
  if (!before) {
    events.applications = 1;
    current[`at_${after.stage}`] = 1;
    return { events, current };
  }
  if (before.stage === after.stage) return { events, current };
  current[`at_${before.stage}`] = -1;
  current[`at_${after.stage}`] = 1;
  const reached = REACHED[after.stage];
  if (reached && !before.timeline.some((t) => t.stage === after.stage)) events[reached] = 1;
  return { events, current };
}

/**
 * Adds one stream record's change to the funnel counters of its vacancy and
 * company (events and current stages), of the applicant's kelurahan and
 * regency on that day (events), and of the job fair it was made at (all, by
 * employer, kecamatan and kelurahan), in one transaction with a marker for the
 * record: a replay finds the marker and counts nothing.
 */
export async function countChange(db: Db, sequenceNumber: string, before: Info | undefined, after: Info | undefined) {
  const { events, current } = funnelDelta(before, after);
  if (!after || (Object.keys(events).length === 0 && Object.keys(current).length === 0)) return false;
  const { Funnel } = applicationEntities(db);
  const day = todayInJakarta(Date.parse(after.updatedAt));
  const regency = after.villageCode.slice(0, 5);
  const add = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, $add(n)]));
  const both = { ...events, ...current } as Record<string, number>;
  const scopes: [string, Record<string, number>][] = [
    [vacancyScope(after.vacancyId), both],
    [companyScope(after.companyId), both],
    ...(Object.keys(events).length
      ? ([
          [`village#${after.villageCode}#${day}`, events],
          [`regency#${regency}#${day}`, events],
        ] as [string, Record<string, number>][])
      : []),
    // Applied at a job fair: the fair's report, in all and by employer, kecamatan and kelurahan.
    ...(after.fairId
      ? ([
          [fairScope(after.fairId), both],
          [fairScope(after.fairId, `company#${after.companyId}`), both],
          [fairScope(after.fairId, `district#${after.districtCode}`), both],
          [fairScope(after.fairId, `village#${after.villageCode}`), both],
        ] as [string, Record<string, number>][])
      : []),
  ];
  return countOnce(
    db,
    'funnel',
    sequenceNumber,
    scopes.map(([scope, counts]) => Funnel.build(UpdateTransaction).item({ scope, ...add(counts) } as never)),
  );
}
