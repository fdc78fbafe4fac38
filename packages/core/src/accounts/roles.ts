/**
 * What a person may do. Everyone is a resident; a person becomes an employer by
 * creating (or joining) a company and an entrepreneur by opening a shop;
 * officers (manpower office staff) are made by `npm run officer`, never by signing up.
 */
export const ROLES = ['resident', 'employer', 'entrepreneur', 'officer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: undefined for an anonymous visitor. */
export type Actor = { userId: string; name: string; roles: Role[] };

export const hasRole = (actor: Actor | undefined, role: Role) => Boolean(actor?.roles.includes(role));
