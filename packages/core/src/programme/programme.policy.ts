import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/**
 * The only place that decides who may work with programmes: officers create
 * programmes and cohorts, add, complete and remove participants, and read the
 * cohort lists and follow-up (participants' phones are personal data).
 * Everyone else sees nothing of it.
 */
export const canManageProgrammes = (actor: Actor | undefined) => isOfficer(actor);

/** What the cohort page offers the viewer. */
export function cohortCapabilities(cohort: { participants: number; capacity: number }, actor: Actor | undefined) {
  const officer = isOfficer(actor);
  return {
    view: officer,
    addParticipants: officer && cohort.participants < cohort.capacity,
    complete: officer,
    remove: officer,
  };
}
export type CohortCapabilities = ReturnType<typeof cohortCapabilities>;
