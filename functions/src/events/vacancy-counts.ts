import { Vacancy } from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/**
 * Vacancy status changes → the company's VacancyCounts (drafts, in review,
 * open, closed: the numbers above the employer's list, never counted from the
 * list). Idempotent: each stream record is counted once.
 */
export const vacancyCounts: Projection = {
  name: 'vacancy-counts',
  entities: ['Vacancy'],
  async apply({ db }, change) {
    await Vacancy.countStatusChange(db, change.sequenceNumber, change.oldImage, change.newImage);
  },
};
