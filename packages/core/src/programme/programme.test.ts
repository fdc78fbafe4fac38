import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Programme from './index.ts';

let db: Db;
const officer: Actor = { userId: 'officer-1', name: 'Petugas Rina', roles: ['officer'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
let n = 0;
const phone = () => `0813${String(20_000_000 + ++n * 7919).padStart(8, '0')}`;
const plus62 = (p: string) => `+62${p.slice(1)}`;
async function person(name: string, withPhone = phone()): Promise<Actor & { phone: string }> {
  const r = await Account.register(as(undefined), { name, phone: withPhone, password: 'rahasia123' });
  return { userId: r.user.id, name, roles: ['resident'], phone: withPhone };
}
/** An item as the stream would carry it (attribute names as stored). */
async function image(pk: string, sk: string) {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk, sk } }));
  return Item as Record<string, unknown>;
}
async function cohort(name = 'Angkatan 1 Tata Boga', capacity = 10) {
  const p = await Programme.createProgramme(as(officer), { kind: 'blk', name: 'Pelatihan Tata Boga BLK Cibodas' });
  return Programme.createCohort(as(officer), {
    programmeId: p.id,
    name,
    track: 'Tata Boga',
    startDate: '2026-02-02',
    endDate: '2026-04-30',
    villageCode: '36.71.01.1001',
    instructor: 'Bu Sari',
    capacity,
  });
}
const auditOf = async (targetType: 'shop' | 'participant' | 'programme' | 'cohort', targetId: string) =>
  (await Audit.list(as(officer), { targetType, targetId })).items.map((e) => e.action);

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
});

describe('programmes and cohorts', () => {
  it('are for officers only, and each creation is audited', async () => {
    const resident = await person('Warga Biasa');
    await expect(Programme.createProgramme(as(resident), { kind: 'tkm', name: 'TKM Menjahit' })).rejects.toMatchObject({
      code: 'programme.officer_only',
    });
    await expect(Programme.listProgrammes(as(resident), {})).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(Programme.listProgrammes(as(undefined), {})).rejects.toMatchObject({ kind: 'unauthenticated' });
    const c = await cohort();
    await expect(Programme.cohortPage(as(resident), { cohortId: c.id })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      Programme.addParticipant(as(resident), { cohortId: c.id, name: 'Siapa', phone: phone() }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await auditOf('programme', c.programmeId)).toEqual(['programme.create']);
    expect(await auditOf('cohort', c.id)).toEqual(['cohort.create']);
    const view = await Programme.programmeView(as(officer), { id: c.programmeId });
    expect(view.cohorts.items.map((x) => x.id)).toEqual([c.id]);
    const list = await Programme.listProgrammes(as(officer), {});
    expect(list.items.map((p) => p.id)).toContain(c.programmeId);
  });

  it('refuse a cohort without a place or with dates the wrong way round, every field at once', async () => {
    const p = await Programme.createProgramme(as(officer), { kind: 'pemagangan', name: 'Pemagangan 2026' });
    const wrong = Programme.createCohort(as(officer), {
      programmeId: p.id,
      name: 'A1',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      capacity: 0,
    });
    await expect(wrong).rejects.toMatchObject({
      fields: expect.arrayContaining([
        { path: 'name', code: 'programme.cohort.name.length', params: { min: 3 } },
        expect.objectContaining({ path: 'capacity', code: 'programme.cohort.capacity' }),
      ]),
    });
  });
});

describe('cohort changes', () => {
  it('keep capacity above the participants, refuse a stale version, and are audited', async () => {
    const c = await cohort('Angkatan Ubah', 5);
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Lia', phone: phone() });
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Mira', phone: phone() });
    const change = {
      cohortId: c.id,
      startDate: c.startDate,
      endDate: c.endDate,
      institution: 'BLK Cibodas',
      instructor: 'Pak Ujang',
    };
    await expect(Programme.updateCohort(as(officer), { ...change, version: 3, capacity: 1 })).rejects.toMatchObject({
      fields: [{ path: 'capacity', code: 'programme.cohort.capacity_below', params: { n: 2 } }],
    });
    const resident = await person('Bukan Petugas');
    await expect(Programme.updateCohort(as(resident), { ...change, version: 3, capacity: 8 })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const updated = await Programme.updateCohort(as(officer), { ...change, version: 3, capacity: 8 });
    expect(updated).toMatchObject({ capacity: 8, instructor: 'Pak Ujang', participants: 2, version: 4 });
    expect(updated.villageCode).toBeUndefined();
    expect(await Programme.getCohort(db, c.id)).toMatchObject({ capacity: 8, instructor: 'Pak Ujang', version: 4 });
    await expect(Programme.updateCohort(as(officer), { ...change, version: 3, capacity: 9 })).rejects.toMatchObject({
      code: 'programme.changed',
    });
    expect(await auditOf('cohort', c.id)).toEqual(['cohort.update', 'cohort.create']);
  });
});

describe('participants', () => {
  it('added by phone are linked to the account with that number, and audited', async () => {
    const c = await cohort();
    const ani = await person('Ani');
    const added = await Programme.addParticipant(as(officer), {
      cohortId: c.id,
      name: 'Ani',
      phone: ani.phone.replace(/^0813/, '+62 813-'),
    });
    expect(added).toMatchObject({ userId: ani.userId, phone: plus62(ani.phone) });
    expect(await Programme.cohortsOfUser(db, ani.userId)).toEqual([
      { programmeId: c.programmeId, cohortId: c.id, completed: false },
    ]);
    await expect(
      Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Ani lagi', phone: ani.phone }),
    ).rejects.toMatchObject({ code: 'programme.participant.exists' });
    expect(await auditOf('participant', `${c.id}.${plus62(ani.phone)}`)).toEqual(['participant.add']);
    expect((await Programme.getCohort(db, c.id)).participants).toBe(1);
  });

  it('without an account are linked when that number registers (the Login projection), once', async () => {
    const c = await cohort();
    const number = phone();
    const added = await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Budi', phone: number });
    expect(added.userId).toBeUndefined();
    const budi = await person('Budi', number);
    const login = await image(`LOGIN#phone#${plus62(number)}`, 'LOGIN');
    expect(await Programme.linkRegistered(db, undefined, login)).toBe(1);
    expect(await Programme.linkRegistered(db, undefined, login)).toBe(0); // a replay
    expect(await Programme.cohortsOfUser(db, budi.userId)).toEqual([
      { programmeId: c.programmeId, cohortId: c.id, completed: false },
    ]);
  });

  it('import from CSV: every bad row at once, the same file twice adds nobody twice, capacity holds', async () => {
    const c = await cohort('Angkatan CSV', 3);
    const bad = 'nama,hp\nCitra,0813 1111 2222\nX,0813 1111 3333\n\nDedi,12345\n';
    const refused = await Programme.importParticipants(as(officer), { cohortId: c.id, csv: bad }).catch((e) => e);
    expect(refused.fields).toEqual([
      { path: 'line.3.name', code: 'programme.participant.name.length', params: { line: 3 } },
      { path: 'line.5.phone', code: 'programme.participant.phone.invalid', params: { line: 5 } },
    ]);
    expect((await Programme.getCohort(db, c.id)).participants).toBe(0);
    const good = 'Nama;No HP\n"Citra, S.Pd";0813 1111 2222\nEka;+62 813 1111 4444\n';
    expect(await Programme.importParticipants(as(officer), { cohortId: c.id, csv: good })).toEqual({
      added: 2,
      skipped: 0,
    });
    expect(await Programme.importParticipants(as(officer), { cohortId: c.id, csv: good })).toEqual({
      added: 0,
      skipped: 2,
    });
    const more = `${good}Fajar;0813 1111 5555\nGita;0813 1111 6666\n`;
    await expect(Programme.importParticipants(as(officer), { cohortId: c.id, csv: more })).rejects.toMatchObject({
      code: 'programme.cohort.full',
      params: { capacity: 3, left: 1 },
    });
    const page = await Programme.cohortPage(as(officer), { cohortId: c.id });
    expect(page.participants.map((p) => p.name).sort()).toEqual(['Citra, S.Pd', 'Eka']);
    expect(page.cohort.participants).toBe(2);
  });

  it('removal frees the place and is audited', async () => {
    const c = await cohort('Angkatan Hapus', 1);
    const number = phone();
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Hana', phone: number });
    await expect(
      Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Indra', phone: phone() }),
    ).rejects.toMatchObject({ code: 'programme.cohort.full' });
    await Programme.removeParticipant(as(officer), { cohortId: c.id, phone: plus62(number) });
    expect((await Programme.getCohort(db, c.id)).participants).toBe(0);
    expect(await auditOf('participant', `${c.id}.${plus62(number)}`)).toEqual([
      'participant.remove',
      'participant.add',
    ]);
  });
});
