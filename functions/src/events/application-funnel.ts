import * as Application from '@bursa/core/application';
import type { Projection } from './projection.ts';

/**
 * Application → the funnel counters (per vacancy, company, and the
 * applicant's kelurahan and regency per day): applications, shortlisted,
 * interviewed, hired, rejected, withdrawn, and how many sit at each stage now.
 * Idempotent: each stream record is counted once (a marker in the same transaction).
 */
export const applicationFunnel: Projection = {
  name: 'application-funnel',
  entities: ['Application'],
  async apply({ db }, change) {
    await Application.countChange(
      db,
      change.sequenceNumber,
      Application.fromImage(db, change.oldImage),
      Application.fromImage(db, change.newImage),
    );
  },
};
