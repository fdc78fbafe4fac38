import * as Account from '@bursa/core/account';
import { loadConfig } from '@bursa/core/kernel';
import * as Programme from '@bursa/core/programme';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { demoLogins } from './demo.ts';
import { seedProgrammes } from './programmes.ts';

describe('seedProgrammes', () => {
  it('creates the demo programmes, cohorts and completions once, however often it runs', async () => {
    const db = await createTestDb();
    const config = loadConfig({ TABLE_NAME: db.tableName });
    const { user } = await Account.register(
      { db, config, actor: undefined },
      { name: 'Petugas', email: demoLogins[0].login, password: 'rahasia123' },
    );
    await Account.grantRole(db, user.id, 'officer');
    const andi = await Account.register(
      { db, config, actor: undefined },
      { name: 'Andi Pratama', phone: demoLogins[2].login, password: 'rahasia123' },
    );
    const first = await seedProgrammes(db, config, { small: true });
    const again = await seedProgrammes(db, config, { small: true });
    expect(again).toEqual(first);
    expect(first).toMatchObject({ programmes: 2, cohorts: 2 });
    const ctx = { db, config, actor: { userId: user.id, name: 'Petugas', roles: ['officer' as const] } };
    const programmes = (await Programme.listProgrammes(ctx, {})).items;
    expect(programmes.map((p) => p.name).sort()).toEqual([
      'Pelatihan Tata Boga BLK Kelurahan Cibodas',
      'Wirausaha Baru 2025',
    ]);
    const tataBoga = programmes.find((p) => p.kind === 'blk');
    const [cohort] = (await Programme.programmeView(ctx, { id: tataBoga?.id ?? '' })).cohorts.items;
    expect(cohort).toMatchObject({ participants: 5, completed: 3 });
    expect(await Programme.cohortsOfUser(db, andi.user.id)).toEqual([
      { programmeId: tataBoga?.id, cohortId: cohort?.id, completed: true },
    ]);
  });
});
