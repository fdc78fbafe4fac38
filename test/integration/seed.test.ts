import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getRegency } from '@bursa/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../scripts/seed/index.ts';
import { createTestDb } from '../support/db.ts';

describe('seed', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it("loads Kota Tangerang's official 13 kecamatan and 104 kelurahan", async () => {
    await seedAll(db);
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
    await seedAll(db);
    expect(await count()).toBe(before);
    expect(before).toBe(1 + 13 + 104);
  });
});
