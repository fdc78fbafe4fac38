import * as Programme from '@bursa/core/programme';
import { entityOf, type Projection } from './projection.ts';

/**
 * A programme participant's follow-up (packages/core/src/programme/programme.followup.ts):
 * new applications and hires, a shop opened, products created, orders completed
 * and their rupiah → per-person monthly counters the cohort page reads. Counted once.
 */
export const programmeFollowup: Projection = {
  name: 'programme-followup',
  entities: ['Application', 'Shop', 'Product', 'Order'],
  async apply({ db }, change) {
    await Programme.countFollowup(db, change.sequenceNumber, entityOf(change), change.oldImage, change.newImage);
  },
};
