import * as Fair from '@bursa/core/fair';
import { entityOf, type Projection } from './projection.ts';

/**
 * Registrations and interview slots → a fair's report counters: registered
 * and checked in by kecamatan and kelurahan, attended and no-show interviews
 * in all and by employer. Counted once per stream record.
 */
export const fairReport: Projection = {
  name: 'fair-report',
  entities: ['Registration', 'Slot'],
  async apply({ db }, change) {
    await Fair.countForReport(db, change.sequenceNumber, entityOf(change), change.oldImage, change.newImage);
  },
};
