import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import { nameKeys, normaliseName } from './company.lookalike.ts';
import * as Company from './index.ts';

describe('normaliseName', () => {
  it.each([
    ['PT Maju Jaya', 'majujaya'],
    ['CV. Maju Jaya', 'majujaya'],
    ['P.T. MAJU JAYA', 'majujaya'],
    ['Maju Jaya Tbk', 'majujaya'],
    ['PT Maju Jaya (Persero)', 'majujaya'],
    ['UD Maju-Jaya', 'majujaya'],
    ['PT Majuu Jayya', 'majujaya'],
    ['PT M4ju J4ya', 'majujaya'],
    ['PT Sumber Rezeki', 'sumberezeki'],
    ['PT 5umb3r R3zeki', 'sumberezeki'],
    ['PT Indah', 'indah'],
    ['PT 1ndah', 'indah'],
    ['Café Sentosa', 'cafesentosa'],
    ['PT', 'pt'],
  ])('%s → %s', (name, normal) => expect(normaliseName(name)).toBe(normal));

  it('keys: the normal form, and each one-letter deletion when it is long enough', () => {
    expect(nameKeys('PT Maju')).toEqual(['maju']);
    expect(nameKeys('PT Sinar')).toEqual(['sinar', 'inar', 'snar', 'siar', 'sinr', 'sina']);
  });
});

let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let owner: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
const fields = (name: string) => ({
  name,
  sector: 'manufaktur' as const,
  address: 'Jl. Gatot Subroto No. 5',
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
});
/** The flag, as officers see it (members and the public never get it). */
const flagOf = async (id: string) => (await Company.view(as(officer), { id })).company.lookalike;
let people = 0;
const ownerNow = () => owner;
/** A company registered by a new person each time (a person may register only a few a day). */
async function register(name: string) {
  const u = await Account.register(as(undefined), {
    name: 'Budi',
    email: `budi${++people}@contoh.id`,
    password: 'rahasia123',
  });
  owner = { userId: u.user.id, name: u.user.name, roles: ['resident'] };
  return Company.create(as(owner), fields(name));
}

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  // Two verified companies; the name keys follow through the stream.
  for (const name of ['PT Sinar Abadi Sentosa', 'CV Berkah']) {
    const c = await register(name);
    await Company.verify(as(officer), { id: c.id });
  }
  await settle();
});
afterAll(() => stop());

describe('lookalike companies (one BatchGet of the name keys)', () => {
  it.each([
    ['the same name', 'PT Sinar Abadi Sentosa', true],
    ['another legal form', 'CV Sinar Abadi Sentosa', true],
    ['punctuation and case', 'sinar-abadi SENTOSA, Tbk', true],
    ['one typo', 'PT Sinar Abadi Sentoza', false],
    ['a letter missing', 'PT Sinar Abadi Sentsa', false],
    ['a letter added', 'PT Sinar Abadii Sentosa', true],
    ['digits for letters', 'PT S1nar 4badi 5entosa', true],
    ['a short name, exactly', 'UD Berkah', true],
  ])('flags %s', async (_what, name, same) => {
    const c = await register(name);
    expect(await flagOf(c.id)).toMatchObject({
      name: name.includes('Berkah') ? 'CV Berkah' : 'PT Sinar Abadi Sentosa',
      same,
    });
    // Not told to the company that registered it.
    expect(c.lookalike).toBeUndefined();
  });

  it.each(['PT Sinar Abadi Jaya', 'PT Bintang Timur', 'PT Maju Mundur'])(
    'does not flag an unrelated name: %s',
    async (name) => {
      const c = await register(name);
      expect(await flagOf(c.id)).toBeUndefined();
    },
  );

  it('shows the flag to officers only', async () => {
    const c = await register('PT Sinar Abadi Sentosa');
    const owner = ownerNow();
    expect((await Company.view(as(officer), { id: c.id })).company.lookalike?.same).toBe(true);
    expect((await Company.view(as(owner), { id: c.id })).company.lookalike).toBeUndefined();
    expect((await Company.view(as(undefined), { id: c.id })).company.lookalike).toBeUndefined();
  });

  it('checks again on rename, never against the company itself', async () => {
    const c = await register('PT Pelita Harapan Bangsa');
    const owner = ownerNow();
    expect(await flagOf(c.id)).toBeUndefined();
    const renamed = await Company.update(as(owner), { id: c.id, name: 'PT Sinar Abadi Sentosa' });
    expect(renamed.lookalike).toBeUndefined();
    expect((await flagOf(c.id))?.same).toBe(true);
    const back = await Company.update(as(owner), { id: c.id, name: 'PT Pelita Harapan Bangsa' });
    expect(back.name).toBe('PT Pelita Harapan Bangsa');
    expect(await flagOf(c.id)).toBeUndefined();
    // A verified company renaming (the change waits for review) is not its own lookalike.
    await Company.verify(as(officer), { id: c.id });
    await settle();
    const pending = await Company.update(as(owner), { id: c.id, name: 'PT Pelita Harapan Bangsaa' });
    expect(pending.pending?.name).toBe('PT Pelita Harapan Bangsaa');
    expect(await flagOf(c.id)).toBeUndefined();
  });

  it('forgets a company whose verification is revoked', async () => {
    const c = await register('PT Cahaya Timur Lestari');
    await Company.verify(as(officer), { id: c.id });
    await settle();
    expect((await flagOf((await register('Cahaya Timur Lestari')).id))?.companyId).toBe(c.id);
    await Company.revoke(as(officer), { id: c.id, reason: 'NIB ternyata milik usaha lain.' });
    await settle();
    expect(await flagOf((await register('CV Cahaya Timur Lestari')).id)).toBeUndefined();
  });
});
