import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Notification from '../notification/index.ts';
import * as Region from '../region/index.ts';
import { writeCompany } from './company.review.ts';
import * as Company from './index.ts';

let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let owner: Actor;
let stranger: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Agus Petugas', roles: ['officer', 'resident'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
const history = async (id: string) =>
  (await Audit.list(as(officer), { targetType: 'company', targetId: id })).items.map((e) => [
    e.action,
    e.byName,
    e.reason,
  ]);
const register = (name: string) =>
  Company.create(as(owner), {
    name,
    sector: 'logistik',
    address: 'Jl. Daan Mogot No. 12',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    nib: '1234567890123',
  });

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  const u = await Account.register(as(undefined), { name: 'Rina', email: 'rina@contoh.id', password: 'rahasia123' });
  const s = await Account.register(as(undefined), { name: 'Sari', email: 'sari@contoh.id', password: 'rahasia123' });
  owner = { userId: u.user.id, name: u.user.name, roles: ['resident'] };
  stranger = { userId: s.user.id, name: s.user.name, roles: ['resident', 'employer'] };
});
afterAll(() => stop());

describe('verification with evidence', () => {
  it('records who verified, when and why on the company and in the audit log, in one transaction', async () => {
    const c = await register('PT Angkut Cepat');
    const verified = await Company.verify(as(officer), { id: c.id });
    expect(verified.status).toBe('verified');
    expect(verified.decision).toMatchObject({ action: 'verify', byUserId: officer.userId, byName: 'Agus Petugas' });
    expect(await history(c.id)).toEqual([['company.verify', 'Agus Petugas', undefined]]);
    // The decision is for officers: members and the public do not get it.
    expect((await Company.view(as(owner), { id: c.id })).company.decision).toBeUndefined();
    expect((await Company.view(as(officer), { id: c.id })).company.decision?.action).toBe('verify');
  });

  it('rejects with a reason, audited; pending changes too', async () => {
    const c = await register('PT Kirim Kilat');
    await expect(Company.reject(as(officer), { id: c.id, reason: 'x' })).rejects.toMatchObject({
      kind: 'validation',
    });
    const rejected = await Company.reject(as(officer), { id: c.id, reason: 'NIB tidak cocok dengan OSS.' });
    expect(rejected).toMatchObject({ status: 'rejected', reviewNote: 'NIB tidak cocok dengan OSS.' });
    expect(await history(c.id)).toEqual([['company.reject', 'Agus Petugas', 'NIB tidak cocok dengan OSS.']]);
  });

  it('revokes a verified company: unverified again, members notified, audited', async () => {
    const c = await register('PT Gudang Makmur');
    await Company.verify(as(officer), { id: c.id });
    await expect(Company.revoke(as(officer), { id: c.id } as never)).rejects.toMatchObject({ kind: 'validation' });
    const revoked = await Company.revoke(as(officer), { id: c.id, reason: 'Dilaporkan meminta biaya pendaftaran.' });
    expect(revoked).toMatchObject({ status: 'unverified', reviewNote: 'Dilaporkan meminta biaya pendaftaran.' });
    expect(revoked.verifiedAt).toBeUndefined();
    expect(revoked.decision).toMatchObject({ action: 'revoke', reason: 'Dilaporkan meminta biaya pendaftaran.' });
    // Back in the officers' queue of companies to verify.
    const queue = await Company.verificationQueue(as(officer), { queue: 'unverified', limit: 50 });
    expect(queue.items.map((i) => i.id)).toContain(c.id);
    expect((await history(c.id)).map(([a]) => a)).toEqual(['company.revoke', 'company.verify']);
    // Only a verified company's verification can be revoked.
    await expect(Company.revoke(as(officer), { id: c.id, reason: 'Sekali lagi.' })).rejects.toMatchObject({
      code: 'company.not_verified',
    });
    await settle();
    const inbox = await Notification.inbox(as(owner), {});
    expect(inbox.items.map((n) => n.kind)).toContain('company_revoked');
  });

  it('only officers decide', async () => {
    const c = await register('PT Armada Jaya');
    for (const who of [owner, stranger, undefined]) {
      await expect(Company.verify(as(who), { id: c.id })).rejects.toMatchObject({
        kind: who ? 'forbidden' : 'unauthenticated',
      });
    }
    await Company.verify(as(officer), { id: c.id });
    for (const who of [owner, stranger]) {
      await expect(Company.revoke(as(who), { id: c.id, reason: 'Saya tidak suka.' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
    }
    expect((await history(c.id)).map(([a]) => a)).toEqual(['company.verify']);
  });

  it('a decision whose condition fails writes no audit entry', async () => {
    const c = await register('PT Truk Sejahtera');
    // Someone edits the company after the officer read it: the officer's write is stale.
    await Company.update(as(owner), { id: c.id, description: 'Angkutan barang antarkota.' });
    await expect(
      writeCompany(
        db,
        c,
        { status: 'verified' },
        Audit.record(as(officer), { action: 'company.verify', targetType: 'company', targetId: c.id }),
      ),
    ).rejects.toMatchObject({ code: 'company.changed' });
    expect(await history(c.id)).toEqual([]);
    expect((await Company.get(db, c.id)).status).toBe('unverified');
  });
});
