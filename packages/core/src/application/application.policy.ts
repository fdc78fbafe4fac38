import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';
import type { Stage } from './application.entity.ts';

/** Who is looking at one application: the applicant, a member of the hiring company, or neither. */
export type ApplicationViewer = { actor: Actor | undefined; self: boolean; member: boolean };

/**
 * The stages an employer may move an application to from each stage. Forward
 * one step, back one step, or out (rejected); hired is final; a rejected
 * application must be reopened (to where it was) before it can go on.
 */
export const MOVES: Record<Stage, readonly Stage[]> = {
  applied: ['shortlisted', 'rejected'],
  shortlisted: ['interview', 'applied', 'rejected'],
  interview: ['hired', 'shortlisted', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};
export const ACTIVE: readonly Stage[] = ['applied', 'shortlisted', 'interview'];

/**
 * The only place that decides what someone may do with an application. The
 * applicant sees theirs (never the company's private note, only the category
 * of a rejection); the company's members see and move it; officers see it
 * (the office sees every hire) but do not move it.
 */
export function capabilities(app: { stage: Stage }, who: ApplicationViewer) {
  const officer = isOfficer(who.actor);
  return {
    view: who.self || who.member || officer,
    withdraw: who.self && ACTIVE.includes(app.stage),
    move: who.member && MOVES[app.stage].length > 0,
    /** The stages it may go to now. */
    moves: who.member ? MOVES[app.stage] : [],
    reopen: who.member && app.stage === 'rejected',
    /** The company's private note. */
    seeNote: who.member,
    writeNote: who.member,
    /** The applicant's profile, contact, AK1 and CV. */
    seeApplicant: who.member || officer,
  };
}
export type ApplicationCapabilities = ReturnType<typeof capabilities>;

/** The employer's pipeline of one vacancy: its company's members and officers. */
export const canSeePipeline = (who: { actor: Actor | undefined; member: boolean }) =>
  who.member || isOfficer(who.actor);
