import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';
import { forbidden } from '../kernel/errors.ts';
import { todayInJakarta } from '../kernel/time.ts';

type Status = 'draft' | 'review' | 'open' | 'closed';

/** An open (or held) vacancy past its closing date counts as closed. */
export function effectiveStatus(v: { status: Status; closingDate?: string }, now = Date.now()): Status {
  // Open and held vacancies always have a closing date; only drafts may lack one.
  if (
    (v.status === 'open' || v.status === 'review') &&
    v.closingDate !== undefined &&
    v.closingDate < todayInJakarta(now)
  )
    return 'closed';
  return v.status;
}

/** Who is asking, relative to the vacancy's company. */
export type VacancyViewer = { actor: Actor | undefined; member: boolean };

/**
 * The only place that decides what someone may do with a vacancy. Open and
 * closed vacancies are public; drafts and held ones (`review`, waiting for
 * an officer before they are listed) are for the company's members and
 * officers, and officers approve or reject held ones. Members edit until it closes; members close their own (saying
 * how it ended) and may reopen it until its closing date; officers close any (moderation) and must tell the company why.
 */
export function capabilities(
  v: { status: Status; closingDate?: string; closedBy?: string; publishedAt?: string },
  who: VacancyViewer,
  now = Date.now(),
) {
  const officer = isOfficer(who.actor);
  const open = effectiveStatus(v, now) !== 'closed';
  return {
    view: (v.status !== 'draft' && v.status !== 'review') || who.member || officer,
    edit: who.member && open,
    publish: who.member && v.status === 'draft' && open,
    close: (who.member || officer) && v.status !== 'closed',
    closeNeedsReason: officer && !who.member,
    /**
     * Members reopen a vacancy they closed themselves (one that was listed) until its
     * closing date passes; one an officer closed stays closed.
     */
    reopen:
      who.member &&
      v.status === 'closed' &&
      v.closedBy === 'company' &&
      v.publishedAt !== undefined &&
      v.closingDate !== undefined &&
      v.closingDate >= todayInJakarta(now),
    /** Apply through Bursa (signing in first): anyone but the hiring company's own members, while it is open. */
    apply: !who.member && effectiveStatus(v, now) === 'open',
    /** Approve a held vacancy (it is listed) or send it back with a reason (vacancy.review.ts). */
    review: officer && v.status === 'review' && open,
    /** Internal details: why it was closed (moderation notes), the draft banner. */
    seeInternal: who.member || officer,
  };
}
export type VacancyCapabilities = ReturnType<typeof capabilities>;

/** The officers' queue of held vacancies (vacancy.review.ts), and deciding on them. */
export const canReviewQueue = (actor: Actor | undefined) => isOfficer(actor);

/** Refused: only the company's members (and officers) may do this. */
export const notMember = () => forbidden('company.not_member');
