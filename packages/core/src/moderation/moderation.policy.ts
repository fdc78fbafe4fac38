import * as Account from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/** Anyone signed in may report what they see. */
export const canReport = (actor: Actor | undefined) => Boolean(actor);

/** Only officers read the queue and decide (hide, dismiss, restore). */
export const canModerate = (actor: Actor | undefined) => Account.isOfficer(actor);
