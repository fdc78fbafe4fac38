import * as Programme from '@bursa/core/programme';
import { entityOf, type Projection } from './projection.ts';

/**
 * Cohort lists ↔ accounts (packages/core/src/programme/programme.link.ts): a
 * new phone Login links the cohort places waiting for that number; a newly
 * linked participant's shops are followed; a shop opened by someone who
 * completed a programme gets the verified graduate badge.
 */
export const programmeLink: Projection = {
  name: 'programme-link',
  entities: ['Login', 'Participant', 'Shop'],
  async apply({ db, config }, change) {
    const entity = entityOf(change);
    if (entity === 'Login') await Programme.linkRegistered(db, change.oldImage, change.newImage);
    else if (entity === 'Participant') await Programme.participantLinked(db, change.oldImage, change.newImage);
    else await Programme.shopOpened(db, config, change.sequenceNumber, change.oldImage, change.newImage);
  },
};
