import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { DomainError } from '../kernel/errors.ts';
import * as Region from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

const sample = {
  code: '99.01',
  name: 'Kota Contoh',
  districts: [
    { code: '99.01.02', name: 'Kedua', villages: [{ code: '99.01.02.1001', name: 'Desa C' }] },
    {
      code: '99.01.01',
      name: 'Pertama',
      villages: [
        { code: '99.01.01.1002', name: 'Desa B' },
        { code: '99.01.01.1001', name: 'Desa A' },
      ],
    },
  ],
};

describe('regions', () => {
  it('stores a regency tree and reads it back in official-code order with one query', async () => {
    await Region.save(db, sample);
    const r = await Region.get(db, '99.01');
    expect(r.name).toBe('Kota Contoh');
    expect(r.districts.map((d) => d.code)).toEqual(['99.01.01', '99.01.02']);
    expect(r.districts[0]?.villages.map((v) => v.name)).toEqual(['Desa A', 'Desa B']);
  });

  it('is idempotent: saving twice leaves the same tree', async () => {
    await Region.save(db, sample);
    await Region.save(db, sample);
    const r = await Region.get(db, '99.01');
    expect(r.districts.flatMap((d) => d.villages)).toHaveLength(3);
  });

  it('answers region.not_found for unknown or malformed codes', async () => {
    await expect(Region.get(db, '98.01')).rejects.toMatchObject({ code: 'region.not_found', kind: 'not_found' });
    await expect(Region.get(db, '../etc')).rejects.toBeInstanceOf(DomainError);
  });
});
