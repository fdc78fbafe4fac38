import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/actor.ts';
import { canCreate, canReviewQueue, capabilities } from './company.policy.ts';

const people: Record<string, { actor: Actor | undefined; member: boolean }> = {
  anonymous: { actor: undefined, member: false },
  resident: { actor: { userId: 'r', name: 'R', roles: ['resident'] }, member: false },
  member: { actor: { userId: 'm', name: 'M', roles: ['resident', 'employer'] }, member: true },
  otherEmployer: { actor: { userId: 'o', name: 'O', roles: ['resident', 'employer'] }, member: false },
  officer: { actor: { userId: 'x', name: 'X', roles: ['resident', 'officer'] }, member: false },
};
const T = true;
const F = false;
// view, edit, postVacancy, manageVacancies, verify (unverified company), verify (verified), create, reviewQueue,
// revoke (verified), revoke (unverified), seeOfficeNotes
const expected: Record<keyof typeof people, boolean[]> = {
  anonymous: [T, F, F, F, F, F, F, F, F, F, F],
  resident: [T, F, F, F, F, F, T, F, F, F, F],
  member: [T, T, T, T, F, F, T, F, F, F, F],
  otherEmployer: [T, F, F, F, F, F, T, F, F, F, F],
  officer: [T, F, F, T, T, F, T, T, T, F, T],
};

describe('company policy: person × capability', () => {
  it.each(Object.entries(expected))('%s', (person, caps) => {
    const who = people[person] as (typeof people)[string];
    const unverified = capabilities({ status: 'unverified' }, who);
    const verified = capabilities({ status: 'verified' }, who);
    expect([
      unverified.view,
      unverified.edit,
      unverified.postVacancy,
      unverified.manageVacancies,
      unverified.verify,
      verified.verify,
      canCreate(who.actor),
      canReviewQueue(who.actor),
      verified.revoke,
      unverified.revoke,
      verified.seeOfficeNotes,
    ]).toEqual(caps);
  });
  it('covers every person', () => expect(Object.keys(expected).sort()).toEqual(Object.keys(people).sort()));
});
