import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Vacancy from './index.ts';
import { moneyPhrases } from './vacancy.money.ts';

let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let owner: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
let unverified: string;
let verified: string;
const as = (actor: Actor | undefined, env: Record<string, string> = {}): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName, ...env }),
  actor,
});
const base = {
  title: 'Staf Gudang',
  description: 'Menyusun barang masuk dan keluar gudang, shift pagi.',
  type: 'full_time',
  minEducation: 'SMA',
  districtCode: '36.71.01',
  openings: 2,
  closingDate: todayInJakarta(Date.now() + 30 * 86_400_000),
  publish: true,
};
const post = (companyId: string, input: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
  Vacancy.create(as(owner, env), { ...base, ...input, companyId } as never);
const listed = async () => {
  await settle();
  return (await Vacancy.browse(as(undefined), { limit: 50 })).items.map((v) => v.id);
};
const queued = async () => (await Vacancy.reviewQueue(as(officer), { limit: 50 })).items.map((v) => v.id);
const audited = async (id: string) =>
  (await Audit.list(as(officer), { targetType: 'vacancy', targetId: id })).items.map((e) => [e.action, e.reason]);

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  const u = await Account.register(as(undefined), { name: 'Budi', email: 'budi@contoh.id', password: 'rahasia123' });
  owner = { userId: u.user.id, name: u.user.name, roles: ['resident'] };
  const company = (name: string) =>
    Company.create(as(owner), {
      name,
      sector: 'logistik',
      address: 'Jl. Daan Mogot No. 12',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
    });
  unverified = (await company('PT Baru Berdiri')).id;
  verified = (await company('PT Sudah Diperiksa')).id;
  await Company.verify(as(officer), { id: verified });
});
afterAll(() => stop());

describe('money phrases', () => {
  it.each([
    ['Ada biaya pendaftaran Rp150.000', ['biaya pendaftaran']],
    ['BIAYA-ADMINISTRASI dan biaya seragam ditanggung pelamar', ['biaya administrasi', 'biaya seragam']],
    ['Transfer ke rekening BCA sebagai uang jaminan', ['transfer ke rekening', 'uang jaminan']],
    ['Wajib DP 500 ribu', ['dp']],
    ['Medical check up berbayar di klinik kami', ['medical check up berbayar']],
    ['Gaji UMR, BPJS, makan siang', []],
    ['Pengalaman di DPRD atau depositori', []],
  ])('%s', (text, found) => expect(moneyPhrases({ title: 'Lowongan', description: text })).toEqual(found));
});

describe('held vacancies', () => {
  it('holds an unverified company’s vacancy by default; the setting off lists it at once', async () => {
    const held = await post(unverified, { title: 'Kurir Motor' });
    expect(held.status).toBe('review');
    expect(held.hold).toMatchObject({ reasons: ['unverified'], phrases: [] });
    const off = await post(unverified, { title: 'Kurir Mobil' }, { HOLD_UNVERIFIED_VACANCIES: 'false' });
    expect(off.status).toBe('open');
    const fine = await post(verified, { title: 'Admin Gudang' });
    expect(fine.status).toBe('open');
    const ids = await listed();
    expect(ids).toEqual(expect.arrayContaining([off.id, fine.id]));
    expect(ids).not.toContain(held.id);
    expect(await queued()).toContain(held.id);
    // Not public: like a draft, only its company and officers see it.
    await expect(Vacancy.view(as(undefined), { id: held.id })).rejects.toMatchObject({ kind: 'not_found' });
    expect((await Vacancy.view(as(owner), { id: held.id })).vacancy.hold?.reasons).toEqual(['unverified']);
  });

  it('holds a vacancy that asks for money whatever the company, with the phrases found', async () => {
    const v = await post(verified, {
      title: 'Operator Pabrik',
      description: 'Pelamar membayar biaya pelatihan dan uang jaminan sebelum mulai bekerja.',
    });
    expect(v.status).toBe('review');
    expect(v.hold).toMatchObject({ reasons: ['money'], phrases: ['biaya pelatihan', 'uang jaminan'] });
    expect(await listed()).not.toContain(v.id);
  });

  it('approve opens and lists it, audited; the accepted phrases are not held again on edit', async () => {
    const v = await post(verified, {
      title: 'Teller Bank',
      description: 'Melayani setoran deposit nasabah di kantor cabang.',
    });
    expect(v.hold?.phrases).toEqual(['deposit']);
    await expect(Vacancy.approve(as(owner), { id: v.id })).rejects.toMatchObject({ kind: 'forbidden' });
    const approved = await Vacancy.approve(as(officer), { id: v.id });
    expect(approved).toMatchObject({ status: 'open', approvedPhrases: ['deposit'] });
    expect(await listed()).toContain(v.id);
    expect(await queued()).not.toContain(v.id);
    expect(await audited(v.id)).toEqual([['vacancy.approve', 'deposit']]);
    await expect(Vacancy.approve(as(officer), { id: v.id })).rejects.toMatchObject({ code: 'vacancy.review.not_held' });
    // An edit keeping the accepted phrase stays open; a new money phrase holds it again.
    const same = await Vacancy.update(as(owner), { id: v.id, openings: 3 });
    expect(same.status).toBe('open');
    const worse = await Vacancy.update(as(owner), {
      id: v.id,
      description: 'Melayani setoran deposit nasabah. Ada biaya seragam untuk pelamar.',
    });
    expect(worse).toMatchObject({ status: 'review', hold: { reasons: ['money'] } });
    expect(await listed()).not.toContain(v.id);
  });

  it('reject sends it back to draft with the reason the company sees, audited; publishing again re-checks', async () => {
    const v = await post(unverified, { title: 'Sales Lapangan', description: 'Ada biaya administrasi Rp100.000.' });
    expect(v.hold?.reasons).toEqual(['unverified', 'money']);
    await expect(Vacancy.reject(as(officer), { id: v.id, reason: 'x' })).rejects.toMatchObject({ kind: 'validation' });
    const rejected = await Vacancy.reject(as(officer), { id: v.id, reason: 'Meminta biaya dari pelamar.' });
    expect(rejected).toMatchObject({ status: 'draft', reviewNote: 'Meminta biaya dari pelamar.' });
    expect(await queued()).not.toContain(v.id);
    expect((await Vacancy.view(as(owner), { id: v.id })).vacancy.reviewNote).toBe('Meminta biaya dari pelamar.');
    expect(await audited(v.id)).toEqual([['vacancy.reject', 'Meminta biaya dari pelamar.']]);
    const again = await Vacancy.update(as(owner), { id: v.id, publish: true });
    expect(again).toMatchObject({ status: 'review', hold: { reasons: ['unverified', 'money'] } });
    expect(again.reviewNote).toBeUndefined();
  });

  it('editing a held vacancy re-checks the phrases', async () => {
    const v = await post(verified, { title: 'Satpam', description: 'Wajib membayar biaya seragam saat diterima.' });
    expect(v.hold?.phrases).toEqual(['biaya seragam', 'wajib membayar']);
    const still = await Vacancy.update(as(owner), { id: v.id, description: 'Ada biaya seragam, dipotong gaji.' });
    expect(still).toMatchObject({ status: 'review', hold: { phrases: ['biaya seragam'] } });
    const clean = await Vacancy.update(as(owner), { id: v.id, description: 'Seragam disediakan perusahaan, gratis.' });
    expect(clean.status).toBe('open');
    expect(clean.hold).toBeUndefined();
    expect(await listed()).toContain(v.id);
    expect(await queued()).not.toContain(v.id);
  });

  it('an officer closing a vacancy is audited with it; the company closing is not', async () => {
    const mine = await post(verified, { title: 'Kasir Toko' });
    await Vacancy.close(as(owner), { id: mine.id, outcome: 'filled_elsewhere' });
    expect(await audited(mine.id)).toEqual([]);
    const theirs = await post(verified, { title: 'Pramuniaga' });
    await Vacancy.close(as(officer), { id: theirs.id, reason: 'Lowongan palsu.' });
    expect(await audited(theirs.id)).toEqual([['vacancy.close', 'Lowongan palsu.']]);
  });

  it('the queue is for officers only, oldest first', async () => {
    await expect(Vacancy.reviewQueue(as(owner), {})).rejects.toMatchObject({ kind: 'forbidden' });
    const page = await Vacancy.reviewQueue(as(officer), { limit: 50 });
    const held = page.items.map((v) => v.hold?.at ?? '');
    expect(held).toEqual([...held].sort());
    expect(page.items.every((v) => v.status === 'review')).toBe(true);
  });
});
