import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';
import type { FairStatus } from './fair.entity.ts';

/**
 * The only place that decides what someone may do with a fair. Officers run
 * fairs (create, edit, publish, decide booths, check people in); anyone sees a
 * fair once it is published; signed-in people register while it is published
 * or live; a company's members apply for and run its booth.
 */
export function fairCapabilities(fair: { status: FairStatus }, who: { actor: Actor | undefined }) {
  const officer = isOfficer(who.actor);
  const open = fair.status === 'published' || fair.status === 'live';
  return {
    view: fair.status !== 'draft' || officer,
    manage: officer,
    checkIn: officer && open,
    register: Boolean(who.actor) && open,
    applyForBooth: Boolean(who.actor) && open,
  };
}
export type FairCapabilities = ReturnType<typeof fairCapabilities>;

export const canManageFairs = (actor: Actor | undefined) => isOfficer(actor);

/** A booth: its company's members edit it (once approved) and publish slots; officers decide it. */
export function boothCapabilities(booth: { status: string }, who: { actor: Actor | undefined; member: boolean }) {
  const officer = isOfficer(who.actor);
  return {
    view: booth.status === 'approved' || who.member || officer,
    edit: who.member && booth.status === 'approved',
    decide: officer && booth.status === 'pending',
    manageSlots: who.member && booth.status === 'approved',
  };
}
