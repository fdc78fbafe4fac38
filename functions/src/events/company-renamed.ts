import { Company } from '@bursa/core/company';
import { Vacancy } from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/**
 * Company renamed → every copy of its name: each member's Membership ("my
 * companies") and each of its vacancies (whose own change then refreshes the
 * listing items through vacancy-listing). Idempotent: copies already carrying
 * the new name are left alone.
 */
export const companyRenamed: Projection = {
  name: 'company-renamed',
  entities: ['Company'],
  async apply({ db }, { oldImage, newImage }) {
    const name = newImage?.name;
    if (typeof name !== 'string' || oldImage?.name === name) return;
    const companyId = String(newImage?.id);
    for await (const m of Company.membersOf(db, companyId)) {
      if (m.companyName !== name) await Company.refreshMembershipName(db, m, name);
    }
    await Vacancy.refreshCompanyName(db, companyId, name);
  },
};
