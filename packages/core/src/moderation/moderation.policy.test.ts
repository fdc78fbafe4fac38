import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/actor.ts';
import { canModerate, canReport } from './moderation.policy.ts';

const people: Record<string, Actor | undefined> = {
  anonymous: undefined,
  resident: { userId: 'u1', name: 'Warga', roles: ['resident'] },
  employer: { userId: 'u2', name: 'HRD', roles: ['resident', 'employer'] },
  entrepreneur: { userId: 'u3', name: 'Penjual', roles: ['resident', 'entrepreneur'] },
  officer: { userId: 'u4', name: 'Petugas', roles: ['resident', 'officer'] },
};

describe('moderation policy', () => {
  it('anyone signed in reports; only officers work the queue', () => {
    const matrix = Object.fromEntries(
      Object.entries(people).map(([who, actor]) => [who, { report: canReport(actor), moderate: canModerate(actor) }]),
    );
    expect(matrix).toEqual({
      anonymous: { report: false, moderate: false },
      resident: { report: true, moderate: false },
      employer: { report: true, moderate: false },
      entrepreneur: { report: true, moderate: false },
      officer: { report: true, moderate: true },
    });
  });
});
