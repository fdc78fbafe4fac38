import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/**
 * Who is looking at a job seeker's profile, relative to that person:
 * themselves, an officer, or a member of a company the person applied to
 * (`applicantOfMine`, decided by the application concept from the stored
 * application: never from anything the asker sends).
 */
export type ProfileViewer = { actor: Actor | undefined; self: boolean; applicantOfMine: boolean };

/**
 * The only place that decides who sees what of a job seeker. Nobody else sees
 * a profile at all: there is no public job-seeker directory, and employers see
 * only the people who applied to them.
 */
export function capabilities(who: ProfileViewer) {
  const officer = isOfficer(who.actor);
  const involved = who.self || officer || who.applicantOfMine;
  return {
    view: involved,
    edit: who.self,
    /** Phone and email (from the account). */
    seeContact: involved,
    /** The AK1 card number: the office and the employers applied to (and the person). */
    seeAk1: involved,
    /** A signed link to the CV (≤ 5 minutes). */
    readCv: involved,
  };
}
export type ProfileCapabilities = ReturnType<typeof capabilities>;
