import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/actor.ts';
import { capabilities, isOfficer, requireSignedIn } from './account.policy.ts';

const people: Record<string, Actor | undefined> = {
  anonymous: undefined,
  resident: { userId: 'r', name: 'R', roles: ['resident'] },
  employer: { userId: 'e', name: 'E', roles: ['resident', 'employer'] },
  officer: { userId: 'x', name: 'X', roles: ['resident', 'officer'] },
};
const T = true;
const F = false;
// signIn, register, signOut, openCompany, moderate
const expected: Record<keyof typeof people, boolean[]> = {
  anonymous: [T, T, F, F, F],
  resident: [F, F, T, T, F],
  employer: [F, F, T, T, F],
  officer: [F, F, T, T, T],
};

describe('account policy: person × capability', () => {
  it.each(Object.entries(expected))('%s', (person, caps) => {
    const c = capabilities(people[person]);
    expect([c.signIn, c.register, c.signOut, c.openCompany, c.moderate]).toEqual(caps);
    expect(isOfficer(people[person])).toBe(c.moderate);
  });
  it('asks anonymous visitors to sign in (401 auth.required)', () => {
    expect(() => requireSignedIn(undefined)).toThrow(
      expect.objectContaining({ code: 'auth.required', kind: 'unauthenticated' }),
    );
    expect(requireSignedIn(people.resident)).toBe(people.resident);
  });
});
