import { executeTransactWrite, PutTransaction } from 'dynamodb-toolbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import { auditEntities } from './audit.entity.ts';
import * as Audit from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
const officer: Actor = { userId: '0000000000officer001', name: 'Petugas Dewi', roles: ['officer', 'resident'] };
const resident: Actor = { userId: '0000000000resident01', name: 'Rina', roles: ['resident'] };
const as = (actor: Actor | undefined, now = Date.parse('2026-11-20T03:00:00Z')): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName }),
  actor,
  now: () => now,
});

describe('the audit log', () => {
  it('records an action with who, when and why, readable by month and by target, newest first', async () => {
    const ctx = as(officer);
    await executeTransactWrite(
      Audit.record(ctx, { action: 'company.verify', targetType: 'company', targetId: 'c1', targetName: 'PT Satu' }),
    );
    await executeTransactWrite(
      Audit.record(as(officer, Date.parse('2026-11-21T03:00:00Z')), {
        action: 'company.revoke',
        targetType: 'company',
        targetId: 'c1',
        targetName: 'PT Satu',
        reason: 'NIB tidak terdaftar di OSS',
      }),
    );
    await executeTransactWrite(
      Audit.record(as(officer, Date.parse('2026-10-02T03:00:00Z')), {
        action: 'report.hide',
        targetType: 'vacancy',
        targetId: 'v1',
        reason: 'Meminta biaya pendaftaran',
      }),
    );
    const november = await Audit.list(ctx, { month: '2026-11' });
    expect(november.items.map((e) => e.action)).toEqual(['company.revoke', 'company.verify']);
    expect(november.items[0]).toMatchObject({
      byUserId: officer.userId,
      byName: 'Petugas Dewi',
      reason: 'NIB tidak terdaftar di OSS',
      targetName: 'PT Satu',
      at: '2026-11-21T03:00:00.000Z',
    });
    // This month by default (the clock says November).
    expect((await Audit.list(ctx, {})).items).toHaveLength(2);
    const history = await Audit.list(ctx, { targetType: 'vacancy', targetId: 'v1' });
    expect(history.items.map((e) => e.action)).toEqual(['report.hide']);
  });

  it('pages with a cursor that cannot be pointed at another partition', async () => {
    const ctx = as(officer, Date.parse('2026-09-10T03:00:00Z'));
    for (let i = 0; i < 32; i++)
      await executeTransactWrite(
        Audit.record(as(officer, Date.parse('2026-09-10T03:00:00Z') + i * 1000), {
          action: 'report.dismiss',
          targetType: 'report',
          targetId: `r${i}`,
        }),
      );
    const first = await Audit.list(ctx, { month: '2026-09' });
    expect(first.items).toHaveLength(30);
    expect(first.cursor).toBeDefined();
    const second = await Audit.list(ctx, { month: '2026-09', cursor: first.cursor });
    expect(second.items.map((e) => e.targetId)).toEqual(['r1', 'r0']);
    await expect(Audit.list(ctx, { month: '2026-11', cursor: first.cursor })).rejects.toMatchObject({
      code: 'request.invalid_cursor',
    });
  });

  it('lands with the action or not at all', async () => {
    const ctx = as(officer, Date.parse('2026-08-01T03:00:00Z'));
    const { AuditEntry } = auditEntities(db);
    // An action whose own condition fails: the transaction is cancelled, and no entry is written.
    const failing = AuditEntry.build(PutTransaction)
      .item({
        month: '2000-01',
        at: 'x',
        entryId: 'x',
        action: 'company.verify',
        targetType: 'company',
        targetId: 'x',
        byUserId: 'x',
        byName: 'x',
        gsi1pk: 'x',
        gsi1sk: 'x',
      })
      .options({ condition: { attr: 'entryId', exists: true } });
    const error = await executeTransactWrite(
      failing,
      Audit.record(ctx, { action: 'company.reject', targetType: 'company', targetId: 'c9', reason: 'x' }),
    ).catch((e) => e);
    expect(isConditionFailure(error)).toBe(true);
    expect((await Audit.list(ctx, { month: '2026-08' })).items).toEqual([]);
  });

  it('is for officers only, and says what is wrong with a filter', async () => {
    await expect(Audit.list(as(resident), {})).rejects.toMatchObject({ kind: 'forbidden', code: 'audit.officer_only' });
    await expect(Audit.list(as(undefined), {})).rejects.toMatchObject({ kind: 'forbidden' });
    expect(() =>
      Audit.record(as(undefined), { action: 'company.verify', targetType: 'company', targetId: 'c' }),
    ).toThrow();
    await expect(Audit.list(as(officer), { month: '2026-13' })).rejects.toMatchObject({
      kind: 'validation',
      fields: [{ path: 'month', code: 'audit.month' }],
    });
  });
});
