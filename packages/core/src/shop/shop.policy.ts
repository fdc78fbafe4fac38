import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/** Who is asking, relative to one shop: its owner, a member of its group, or neither. */
export type ShopViewer = { actor: Actor | undefined; role: 'owner' | 'member' | undefined };

/**
 * The only place that decides what someone may do with a shop. Anyone sees a
 * shop (it is a public storefront); its owner edits it and invites members;
 * members of a group shop manage its products and posts; officers moderate.
 */
export function capabilities(_shop: { kind: string }, who: ShopViewer) {
  const owner = who.role === 'owner';
  const member = owner || who.role === 'member';
  return {
    view: true,
    edit: owner,
    inviteMembers: owner,
    manageProducts: member,
    post: member,
    follow: Boolean(who.actor) && !member,
    moderate: isOfficer(who.actor),
  };
}
export type ShopCapabilities = ReturnType<typeof capabilities>;

/** Any signed-in person may open a shop (and becomes an entrepreneur). */
export const canOpen = (actor: Actor | undefined) => Boolean(actor);

/** Officers review programme-graduate badges (the queue and the decision). */
export const canReviewBadges = (actor: Actor | undefined) => isOfficer(actor);

/** What an officer hid (moderation/) stays visible, marked, to the shop's members (`role`) and officers. */
export const seesHidden = (actor: Actor | undefined, role: string | undefined) => Boolean(role) || isOfficer(actor);

/** A comment goes away by its author, or by a member of the shop it was left at (`role` in that shop). */
export const canDeleteComment = (actor: Actor | undefined, comment: { authorId: string }, role: string | undefined) =>
  Boolean(actor) && (actor?.userId === comment.authorId || Boolean(role));
