import * as Vacancy from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/**
 * A company hidden or restored by an officer (its `moderation` flag) → each of
 * its vacancies carries `companyHidden`, which takes them off the listing and
 * the search index through those projections (and back when restored).
 * Idempotent: vacancies already marked are skipped.
 */
export const moderationCompany: Projection = {
  name: 'moderation-company',
  entities: ['Company'],
  async apply({ db }, change) {
    const before = Boolean(change.oldImage?.moderation);
    const after = Boolean(change.newImage?.moderation);
    const id = String((change.newImage ?? change.oldImage)?.id ?? '');
    if (!change.newImage || before === after || !id) return;
    await Vacancy.Moderation.refreshCompanyHidden(db, id, after);
  },
};
