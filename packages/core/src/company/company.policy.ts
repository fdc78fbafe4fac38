import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/** What the policy needs to know about the person asking, relative to one company. */
export type CompanyViewer = { actor: Actor | undefined; member: boolean };

/**
 * The only place that decides what someone may do with a company. Anyone may
 * read a profile (its contacts are business contacts); members edit it and
 * post vacancies; officers verify it and see its whole vacancy list.
 */
export function capabilities(company: { status: string; pending?: object | undefined }, who: CompanyViewer) {
  const officer = isOfficer(who.actor);
  const awaitingReview = company.status === 'unverified' || hasPending(company);
  return {
    view: true,
    edit: who.member,
    postVacancy: who.member,
    /** The vacancy list with drafts and counts (the employer's dashboard). */
    manageVacancies: who.member || officer,
    /** Approve a new registration, or a verified company's pending changes. */
    verify: officer && awaitingReview,
    /** Turn either down, with a reason the company's members see. */
    reject: officer && awaitingReview,
    /** Take a verified company's verification back, with a reason its members see. */
    revoke: officer && company.status === 'verified',
    /** Pending changes and the officer's review note: the company's members and officers. */
    seeReview: who.member || officer,
    /** The lookalike-name flag and the last officer decision (who, when, why): officers only. */
    seeOfficeNotes: officer,
  };
}

export const hasPending = (company: { pending?: object | undefined }) =>
  Boolean(company.pending && Object.keys(company.pending).length > 0);
export type CompanyCapabilities = ReturnType<typeof capabilities>;

/** Anyone signed in may register a company (and becomes its first member). */
export const canCreate = (actor: Actor | undefined) => Boolean(actor);

/** The officers' verification queue. */
export const canReviewQueue = (actor: Actor | undefined) => isOfficer(actor);
