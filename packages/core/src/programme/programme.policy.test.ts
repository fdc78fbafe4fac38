import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../kernel/actor.ts';
import { canManageProgrammes, cohortCapabilities } from './programme.policy.ts';

const who = (role: Role): Actor => ({ userId: `u-${role}`, name: role, roles: [role] });

describe('programme policy', () => {
  it('lets officers, and nobody else, manage programmes and read cohort lists', () => {
    expect(canManageProgrammes(undefined)).toBe(false);
    for (const role of ['resident', 'employer', 'entrepreneur'] as const) {
      expect(canManageProgrammes(who(role))).toBe(false);
      expect(cohortCapabilities({ participants: 0, capacity: 10 }, who(role))).toEqual({
        view: false,
        addParticipants: false,
        complete: false,
        remove: false,
      });
    }
    expect(canManageProgrammes(who('officer'))).toBe(true);
    expect(cohortCapabilities({ participants: 3, capacity: 10 }, who('officer'))).toEqual({
      view: true,
      addParticipants: true,
      complete: true,
      remove: true,
    });
  });

  it('offers no adding once a cohort is full', () => {
    expect(cohortCapabilities({ participants: 10, capacity: 10 }, who('officer')).addParticipants).toBe(false);
  });
});
