import * as Vacancy from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/**
 * Vacancy → its listing items (the browse index, `byFilter`). The request
 * writes only the vacancy; this follows within about a second, writing only
 * the listing items that appear, disappear or differ between the old and the
 * new image (an edit that changes nothing listed writes nothing).
 */
export const vacancyListing: Projection = {
  name: 'vacancy-listing',
  entities: ['Vacancy'],
  async apply({ db }, change) {
    await Vacancy.syncListing(db, Vacancy.fromImage(db, change.oldImage), Vacancy.fromImage(db, change.newImage));
  },
};
