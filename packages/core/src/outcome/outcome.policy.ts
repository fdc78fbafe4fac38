import * as Account from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/** The outcomes dashboard and its downloads are for the manpower office's officers only. */
export const canSeeOutcomes = (actor: Actor | undefined) => Account.isOfficer(actor);
