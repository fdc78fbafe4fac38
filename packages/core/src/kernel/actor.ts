/**
 * Who is asking. Everyone with an account is a resident; a person becomes an
 * employer by creating (or joining) a company and an entrepreneur by opening a
 * shop; officers (manpower office staff) are made by `npm run officer`, never
 * by signing up. Only policies (`<concept>.policy.ts`) look at roles.
 */
export const ROLES = ['resident', 'employer', 'entrepreneur', 'officer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person; undefined for an anonymous visitor. */
export type Actor = { userId: string; name: string; roles: Role[] };
