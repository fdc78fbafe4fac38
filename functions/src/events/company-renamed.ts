import * as Company from '@bursa/core/company';
import * as Vacancy from '@bursa/core/vacancy';
import type { Projection } from './projection.ts';

/** What a vacancy copies from its company: its name and whether it is verified (the cards' badge). */
const copiesOf = (image: Record<string, unknown> | undefined): Vacancy.CompanyCopies | undefined =>
  typeof image?.name === 'string'
    ? { companyName: image.name, companyVerified: image.status === 'verified' }
    : undefined;

/**
 * Company renamed, verified, rejected or revoked → every copy: each member's
 * Membership ("my companies") carries the name; each of its vacancies the
 * name and the verified state (whose own change then refreshes the listing
 * items through vacancy-listing and the search document through
 * search-index). Idempotent: copies already in step are left alone.
 */
export const companyRenamed: Projection = {
  name: 'company-renamed',
  entities: ['Company'],
  async apply({ db }, { oldImage, newImage }) {
    const next = copiesOf(newImage);
    if (!next) return;
    const before = copiesOf(oldImage);
    const renamed = before?.companyName !== next.companyName;
    if (!renamed && before?.companyVerified === next.companyVerified) return;
    const companyId = String(newImage?.id);
    if (renamed) {
      for await (const m of Company.membersOf(db, companyId)) {
        if (m.companyName !== next.companyName) await Company.refreshMembershipName(db, m, next.companyName);
      }
    }
    await Vacancy.refreshCompanyCopies(db, companyId, next);
  },
};
