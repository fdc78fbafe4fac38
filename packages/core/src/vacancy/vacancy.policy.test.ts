import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/actor.ts';
import { todayInJakarta } from '../kernel/time.ts';
import { canReviewQueue, capabilities, effectiveStatus } from './vacancy.policy.ts';

/** Who may do what with a vacancy: every kind of person × every state, against the whole capability set. */
const people: Record<string, { actor: Actor | undefined; member: boolean }> = {
  anonymous: { actor: undefined, member: false },
  resident: { actor: { userId: 'r', name: 'R', roles: ['resident'] }, member: false },
  member: { actor: { userId: 'm', name: 'M', roles: ['resident', 'employer'] }, member: true },
  otherEmployer: { actor: { userId: 'o', name: 'O', roles: ['resident', 'employer'] }, member: false },
  officer: { actor: { userId: 'x', name: 'X', roles: ['resident', 'officer'] }, member: false },
  officerMember: { actor: { userId: 'y', name: 'Y', roles: ['resident', 'officer', 'employer'] }, member: true },
};
const later = todayInJakarta(Date.now() + 10 * 86_400_000);
const earlier = todayInJakarta(Date.now() - 2 * 86_400_000);
const states = {
  draft: { status: 'draft', closingDate: later },
  held: { status: 'review', closingDate: later },
  open: { status: 'open', closingDate: later },
  expired: { status: 'open', closingDate: earlier },
  closed: { status: 'closed', closingDate: later },
} as const;

// view, edit, publish, close, closeNeedsReason, seeInternal, review (approve or reject a held one)
const T = true;
const F = false;
const expected: Record<keyof typeof states, Record<keyof typeof people, boolean[]>> = {
  draft: {
    anonymous: [F, F, F, F, F, F, F],
    resident: [F, F, F, F, F, F, F],
    member: [T, T, T, T, F, T, F],
    otherEmployer: [F, F, F, F, F, F, F],
    officer: [T, F, F, T, T, T, F],
    officerMember: [T, T, T, T, F, T, F],
  },
  held: {
    anonymous: [F, F, F, F, F, F, F],
    resident: [F, F, F, F, F, F, F],
    member: [T, T, F, T, F, T, F],
    otherEmployer: [F, F, F, F, F, F, F],
    officer: [T, F, F, T, T, T, T],
    officerMember: [T, T, F, T, F, T, T],
  },
  open: {
    anonymous: [T, F, F, F, F, F, F],
    resident: [T, F, F, F, F, F, F],
    member: [T, T, F, T, F, T, F],
    otherEmployer: [T, F, F, F, F, F, F],
    officer: [T, F, F, T, T, T, F],
    officerMember: [T, T, F, T, F, T, F],
  },
  expired: {
    anonymous: [T, F, F, F, F, F, F],
    resident: [T, F, F, F, F, F, F],
    member: [T, F, F, T, F, T, F],
    otherEmployer: [T, F, F, F, F, F, F],
    officer: [T, F, F, T, T, T, F],
    officerMember: [T, F, F, T, F, T, F],
  },
  closed: {
    anonymous: [T, F, F, F, F, F, F],
    resident: [T, F, F, F, F, F, F],
    member: [T, F, F, F, F, T, F],
    otherEmployer: [T, F, F, F, F, F, F],
    officer: [T, F, F, F, T, T, F],
    officerMember: [T, F, F, F, F, T, F],
  },
};

describe('vacancy policy: person × state × capability', () => {
  const rows = Object.entries(expected).flatMap(([state, byPerson]) =>
    Object.entries(byPerson).map(([person, caps]) => ({ state, person, caps })),
  );
  it.each(rows)('$person on a $state vacancy', ({ state, person, caps }) => {
    const can = capabilities(states[state as keyof typeof states], people[person] as (typeof people)[string]);
    expect([can.view, can.edit, can.publish, can.close, can.closeNeedsReason, can.seeInternal, can.review]).toEqual(
      caps,
    );
  });
  it('covers every person in every state', () => {
    for (const byPerson of Object.values(expected))
      expect(Object.keys(byPerson).sort()).toEqual(Object.keys(people).sort());
  });
  it('lets everyone but the hiring company’s members apply, to an open vacancy only', () => {
    const may = (state: keyof typeof states) =>
      Object.entries(people)
        .filter(([, who]) => capabilities(states[state], who).apply)
        .map(([name]) => name);
    expect(may('open')).toEqual(['anonymous', 'resident', 'otherEmployer', 'officer']);
    for (const state of ['draft', 'held', 'expired', 'closed'] as const) expect(may(state)).toEqual([]);
  });
  it('opens the queue of held vacancies to officers alone', () => {
    const may = Object.entries(people)
      .filter(([, who]) => canReviewQueue(who.actor))
      .map(([name]) => name);
    expect(may).toEqual(['officer', 'officerMember']);
  });
  it('counts an open vacancy past its closing date (WIB) as closed', () => {
    expect(effectiveStatus(states.expired)).toBe('closed');
    expect(effectiveStatus(states.open)).toBe('open');
  });
});
