import { QueryCommand } from 'dynamodb-toolbox';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { fn } from '../kernel/fn.ts';
import { type Cohort, type Participant, programmeEntities } from './programme.entity.ts';
import type { Followup } from './programme.followup.ts';
import { followupOf } from './programme.followup.ts';
import { type CohortCapabilities, cohortCapabilities } from './programme.policy.ts';
import { cohortPageSchema } from './programme.schema.ts';
import { getCohort, requireOfficer } from './programme.use-cases.ts';

const PAGE = 24; // × (summary + 3 years) = 96 keys: one BatchGetItem

export type ParticipantRow = Participant & { followup?: Followup };
export type CohortPage = {
  cohort: Cohort;
  participants: ParticipantRow[];
  cursor?: string;
  window: 3 | 6 | 12 | 24;
  can: CohortCapabilities;
};

/**
 * The cohort page: the cohort, one page of participants (by number), and each
 * linked participant's follow-up over the window (12 months unless asked),
 * read from the stream's counters with one BatchGetItem.
 */
export const cohortPage = fn(cohortPageSchema, async ({ cohortId, cursor, window = 12 }, ctx): Promise<CohortPage> => {
  requireOfficer(ctx.actor);
  const partition = `COHORT#${cohortId}`;
  const [cohort, out] = await Promise.all([
    getCohort(ctx.db, cohortId),
    ctx.db.table
      .build(QueryCommand)
      .entities(programmeEntities(ctx.db).Participant)
      .query({ partition, range: { beginsWith: 'PARTICIPANT#' } })
      .options({
        limit: PAGE,
        ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition) } : {}),
      })
      .send(),
  ]);
  const people = (out.Items ?? []) as Participant[];
  const followups = await followupOf(
    ctx.db,
    people.flatMap((p) => (p.userId ? [p.userId] : [])),
    nowOf(ctx),
    window,
  );
  const next = encodeCursor(out.LastEvaluatedKey);
  return {
    cohort,
    participants: people.map((p) => {
      const followup = p.userId ? followups.get(p.userId) : undefined;
      return followup ? { ...p, followup } : p;
    }),
    ...(next ? { cursor: next } : {}),
    window,
    can: cohortCapabilities(cohort, ctx.actor),
  };
});
