import * as Outcome from '@bursa/core/outcome';
import { entityOf, type Projection } from './projection.ts';

/**
 * Applications, products and orders → the office's outcome
 * counters (per regency, WIB month, kecamatan and kelurahan: vacancies and
 * openings posted, applicants, shortlisted, interviewed, hired, products
 * added, completed orders, sales and active sellers). Idempotent: each stream
 * record is counted once (a marker in the same transaction), an active seller
 * once per month (a marker per shop and month). Vacancies are counted with
 * their company's counts, under one marker (vacancy-counts.ts).
 */
export const outcomeCounters: Projection = {
  name: 'outcome-counters',
  entities: ['Application', 'Product', 'Order'],
  async apply({ db }, change) {
    await Outcome.countOutcome(db, change.sequenceNumber, entityOf(change), change.oldImage, change.newImage);
  },
};
