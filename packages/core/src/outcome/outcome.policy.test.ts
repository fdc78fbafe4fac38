import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import type { Actor } from '../kernel/actor.ts';
import { type Ctx, loadConfig } from '../kernel/index.ts';
import * as Outcome from './index.ts';

/** Who may see the outcomes dashboard and its downloads: officers, and nobody else. */
const people: Record<string, [Actor | undefined, boolean]> = {
  anonymous: [undefined, false],
  resident: [{ userId: 'r', name: 'R', roles: ['resident'] }, false],
  employer: [{ userId: 'e', name: 'E', roles: ['resident', 'employer'] }, false],
  entrepreneur: [{ userId: 's', name: 'S', roles: ['resident', 'entrepreneur'] }, false],
  officer: [{ userId: 'o', name: 'O', roles: ['officer'] }, true],
  officerResident: [{ userId: 'x', name: 'X', roles: ['resident', 'officer'] }, true],
};

describe('the outcomes policy', () => {
  it.each(Object.entries(people))('%s', async (_who, [actor, allowed]) => {
    expect(Outcome.canSeeOutcomes(actor)).toBe(allowed);
    if (allowed) return;
    // Refused before anything is read (this table does not exist): 403 outcome.officers_only.
    const ctx: Ctx = { db: {} as Db, config: loadConfig({ TABLE_NAME: 'none' }), actor };
    await expect(Outcome.dashboard(ctx, {})).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'outcome.officers_only',
    });
  });

  it('rejects a bad period with stable codes', async () => {
    const ctx: Ctx = {
      db: {} as Db,
      config: loadConfig({ TABLE_NAME: 'none' }),
      actor: { userId: 'o', name: 'O', roles: ['officer'] },
    };
    await expect(Outcome.dashboard(ctx, { from: '2026-13' })).rejects.toMatchObject({
      fields: [{ path: 'from', code: 'outcome.month.invalid' }],
    });
    await expect(Outcome.dashboard(ctx, { from: '2026-06', to: '2026-01' })).rejects.toMatchObject({
      fields: [{ path: 'from', code: 'outcome.period.order' }],
    });
    await expect(Outcome.dashboard(ctx, { from: '2023-01', to: '2026-01' })).rejects.toMatchObject({
      fields: [{ path: 'from', code: 'outcome.period.too_long' }],
    });
    await expect(Outcome.dashboard(ctx, { sort: 'bogus' })).rejects.toMatchObject({
      fields: [{ path: 'sort', code: 'outcome.sort.invalid' }],
    });
  });
});
