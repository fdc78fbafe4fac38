import * as Account from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';

/** Only officers read the audit log; nobody edits it. */
export const canReadAudit = (actor: Actor | undefined) => Account.isOfficer(actor);
