import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { browseVacancies, getCompany, getRegency, listCompaniesByStatus } from '@bursa/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../scripts/seed/index.ts';
import { createTestDb } from '../support/db.ts';

describe('seed', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it("loads Kota Tangerang's official 13 kecamatan and 104 kelurahan", async () => {
    const first = await seedAll(db);
    expect(first.vacancies).toBeGreaterThanOrEqual(10);
    const tangerang = await getRegency(db, '36.71');
    expect(tangerang.name).toBe('Kota Tangerang');
    expect(tangerang.districts).toHaveLength(13);
    expect(tangerang.districts.flatMap((d) => d.villages)).toHaveLength(104);
    expect(tangerang.districts.map((d) => d.name)).toContain('Karawaci');
    for (const code of ['36.73', '19.71', '51.05']) {
      expect((await getRegency(db, code)).districts.length).toBeGreaterThan(0);
    }
  });

  it('is idempotent: a second run writes the same items and no more', async () => {
    const count = async () =>
      (
        await db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'REGENCY#36.71' },
            Select: 'COUNT',
          }),
        )
      ).Count;
    const before = await count();
    const vacanciesBefore = (await browseVacancies(db, { limit: 50 })).items.map((v) => v.id).sort();
    const second = await seedAll(db);
    expect(await count()).toBe(before);
    expect(before).toBe(1 + 13 + 104);
    expect(second.vacancies).toBe(0);
    expect((await browseVacancies(db, { limit: 50 })).items.map((v) => v.id).sort()).toEqual(vacanciesBefore);
  });

  it('has verified and unverified Tangerang employers with open vacancies across kecamatan, types and education', async () => {
    const verified = await listCompaniesByStatus(db, 'verified');
    const unverified = await listCompaniesByStatus(db, 'unverified');
    expect(verified.length).toBeGreaterThanOrEqual(3);
    expect(unverified.length).toBeGreaterThanOrEqual(1);
    const open = (await browseVacancies(db, { limit: 50 })).items;
    expect(new Set(open.map((v) => v.districtCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(open.map((v) => v.type))).toEqual(
      new Set(['full_time', 'part_time', 'contract', 'apprenticeship', 'overseas']),
    );
    expect(new Set(open.map((v) => v.minEducation)).size).toBeGreaterThanOrEqual(4);
    expect((await getCompany(db, open[0]?.companyId ?? '')).name).toBe(open[0]?.companyName);
  });
});
