import { countOnce } from '@bursa/core/db';
import * as Outcome from '@bursa/core/outcome';
import * as Vacancy from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/**
 * Vacancy changes → every counter a vacancy moves, in one transaction under
 * one marker (one marker, not one per counter family: 2 write units less for
 * each publish and close, issue 15's write budget):
 * - its company's VacancyCounts and VacancyDayCounts (drafts, in review, open,
 *   closed: the numbers above the employer's list, never counted from the list);
 * - the office's OutcomeCount (vacancies and openings published; filled through
 *   Bursa, elsewhere or cancelled when closed), as outcome-counters counts the
 *   other entities.
 * Idempotent: each stream record is counted once.
 */
export const vacancyCounts: Projection = {
  name: 'vacancy-counts',
  entities: ['Vacancy'],
  async apply({ db }, change) {
    const office = await Outcome.outcomeWrites(db, 'Vacancy', change.oldImage, change.newImage);
    await countOnce(db, 'vacancy-counts', change.sequenceNumber, [
      ...Vacancy.statusCountWrites(db, change.oldImage, change.newImage),
      ...office.writes,
    ]);
  },
};
