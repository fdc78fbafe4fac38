import type { Actor, Role } from '../kernel/actor.ts';
import { unauthenticated } from '../kernel/errors.ts';

/**
 * The only place that reads an account's roles. Other concepts ask through
 * the public face (`Account.isOfficer(actor)`), never by looking at roles.
 */
export const hasRole = (actor: Actor | undefined, role: Role) => Boolean(actor?.roles.includes(role));

/** Manpower office staff (verify, moderate, report). */
export const isOfficer = (actor: Actor | undefined) => hasRole(actor, 'officer');

/** Throws 401 auth.required for anonymous visitors. */
export function requireSignedIn(actor: Actor | undefined): Actor {
  if (!actor) throw unauthenticated('auth.required');
  return actor;
}

/** What a person may do with their own account, for screens. */
export function capabilities(actor: Actor | undefined) {
  return {
    signIn: !actor,
    register: !actor,
    signOut: Boolean(actor),
    openCompany: Boolean(actor),
    moderate: isOfficer(actor),
  };
}
