import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig, newId, todayInJakarta, ValidationError } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Vacancy from './index.ts';

let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let owner: Actor;
let stranger: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
let companyId: string;
const inDays = (n: number) => todayInJakarta(Date.now() + n * 86_400_000);
const as = (actor: Actor | undefined, now?: number): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName }),
  actor,
  ...(now ? { now: () => now } : {}),
});
const browse = async (query: Vacancy.BrowseQuery, now?: number) => {
  await settle();
  return Vacancy.browse(as(undefined, now), query);
};
const ids = (page: { items: { id: string }[] }) => page.items.map((v) => v.id);

const base = {
  title: 'Operator Produksi',
  description: 'Mengoperasikan mesin produksi garmen, shift pagi dan malam.',
  type: 'full_time',
  minEducation: 'SMA',
  skills: 'jahit, QC',
  districtCode: '36.71.01',
  // At or above the UMK of Kota Tangerang (vacancy.fields.test.ts checks below it).
  salaryMin: '5.400.000',
  salaryMax: 6200000,
  openings: '10',
  closingDate: inDays(30),
  publish: true,
};
/** A published vacancy has every detail (a draft may have only a title): this tells the types so. */
function complete(v: Vacancy.Stored): Vacancy.Info {
  if (!Vacancy.isComplete(v)) throw new Error(`vacancy ${v.id} lacks details`);
  return v;
}
const post = (actor: Actor, input: Record<string, unknown> = {}) =>
  Vacancy.create(as(actor), { ...base, ...input, companyId } as never);

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      { code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] },
      { code: '36.71.04', name: 'Karawaci', villages: [{ code: '36.71.04.1001', name: 'Bugel' }] },
    ],
  });
  const u = await Account.register(as(undefined), {
    name: 'Budi',
    email: 'budi@pt-maju.co.id',
    password: 'rahasia123',
  });
  const s = await Account.register(as(undefined), { name: 'Sari', phone: '0812 1111 2222', password: 'rahasia123' });
  owner = { userId: u.user.id, name: u.user.name, roles: ['resident'] };
  stranger = { userId: s.user.id, name: s.user.name, roles: ['resident'] };
  const company = await Company.create(as(owner), {
    name: 'PT Maju Garmen',
    sector: 'manufaktur',
    address: 'Jl. Gatot Subroto No. 5',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  companyId = company.id;
  // Verified, as a real employer would be: its vacancies open at once (held ones: vacancy.review.test.ts).
  await Company.verify(as(officer), { id: companyId });
});
afterAll(() => stop());

describe('vacancies', () => {
  it('publishes a vacancy that every matching filter lists, newest first', async () => {
    const first = await post(owner);
    const second = await post(owner, {
      title: 'Staf Gudang',
      type: 'contract',
      minEducation: 'SMP',
      districtCode: '36.71.04',
    });
    expect(first).toMatchObject({ status: 'open', salaryMin: 5400000, skills: ['jahit', 'QC'], openings: 10 });

    expect(ids(await browse({}))).toEqual([second.id, first.id]);
    expect(ids(await browse({ districtCode: '36.71.04' }))).toEqual([second.id]);
    expect(ids(await browse({ type: 'full_time', districtCode: '36.71.01' }))).toEqual([first.id]);
    expect(ids(await browse({ type: 'contract', districtCode: '36.71.01' }))).toEqual([]);
    // A job seeker with SMA sees jobs needing SMA or less; with SMP only the SMP one.
    expect((await browse({ education: 'SMK' })).items).toHaveLength(2);
    expect(ids(await browse({ education: 'SMP' }))).toEqual([second.id]);
    expect((await browse({ education: 'SD' })).items).toHaveLength(0);
  });

  it('pages with a cursor', async () => {
    const page1 = await browse({ limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.cursor).toBeDefined();
    const page2 = await browse({ limit: 1, cursor: page1.cursor });
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    await expect(browse({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'request.invalid_cursor' });
  });

  it('rejects bad input with every offending field at once, as message keys', async () => {
    try {
      await post(owner, {
        title: '',
        type: 'bogus',
        salaryMin: 9_000_000,
        salaryMax: 1_000_000,
        districtCode: '99.99.99',
      });
      expect.unreachable('invalid input was accepted');
    } catch (e) {
      // The salary check runs even though other fields are wrong, and the kecamatan is
      // checked against the regency in the same answer: the form shows every mistake at once.
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
        'districtCode:region.district.invalid',
        'salaryMax:vacancy.salary.order',
        'title:vacancy.title.min',
        'type:vacancy.type.invalid',
      ]);
    }
    await expect(post(owner, { closingDate: '2020-01-01' })).rejects.toMatchObject({
      fields: [{ path: 'closingDate', code: 'vacancy.closing_date.past' }],
    });
  });

  it('lets only members edit, and moves listings when the kecamatan changes', async () => {
    const v = await post(owner, { title: 'Kasir' });
    await expect(Vacancy.update(as(stranger), { id: v.id, title: 'X' })).rejects.toMatchObject({
      code: 'company.not_member',
    });
    await expect(Vacancy.update(as(undefined), { id: v.id })).rejects.toMatchObject({ code: 'auth.required' });
    const moved = await Vacancy.update(as(owner), { id: v.id, title: 'Kasir Senior', districtCode: '36.71.04' });
    expect(moved.version).toBe(2);
    expect(moved.publishedAt).toBe(v.publishedAt);
    expect((await browse({ districtCode: '36.71.04' })).items.find((i) => i.id === v.id)?.title).toBe('Kasir Senior');
    expect(ids(await browse({ districtCode: '36.71.01' }))).not.toContain(v.id);
  });

  it('clears an optional field left blank, keeps fields left out (PATCH)', async () => {
    const v = await post(owner, { title: 'Sopir' });
    const after = await Vacancy.update(as(owner), { id: v.id, salaryMax: '' });
    expect(after.salaryMax).toBeUndefined();
    expect(after.salaryMin).toBe(5400000);
    const { vacancy } = await Vacancy.view(as(owner), { id: v.id });
    expect(vacancy.salaryMax).toBeUndefined();
    expect(vacancy.title).toBe('Sopir');
  });

  it('refuses a stale concurrent update', async () => {
    const v = await post(owner, { title: 'Satpam' });
    const results = await Promise.allSettled([
      Vacancy.update(as(owner), { id: v.id, title: 'Satpam A' }),
      Vacancy.update(as(owner), { id: v.id, title: 'Satpam B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'vacancy.changed' } });
  });

  it('hides drafts from the public, shows them to members and officers, with what each may do', async () => {
    const draft = await post(owner, { title: 'Draf', publish: false });
    await expect(Vacancy.view(as(undefined), { id: draft.id })).rejects.toMatchObject({ code: 'vacancy.not_found' });
    await expect(Vacancy.view(as(stranger), { id: draft.id })).rejects.toMatchObject({ code: 'vacancy.not_found' });
    const mine = await Vacancy.view(as(owner), { id: draft.id });
    expect(mine.vacancy.status).toBe('draft');
    expect(mine.can).toMatchObject({ edit: true, publish: true, close: true, closeNeedsReason: false });
    expect((await Vacancy.view(as(officer), { id: draft.id })).can).toMatchObject({
      edit: false,
      closeNeedsReason: true,
    });
    expect(ids(await browse({}))).not.toContain(draft.id);
  });

  it('closes: members freely, officers only with a reason, strangers never', async () => {
    const v = await post(owner, { title: 'Penipuan?' });
    await expect(Vacancy.close(as(stranger), { id: v.id })).rejects.toMatchObject({ code: 'company.not_member' });
    await expect(Vacancy.close(as(officer), { id: v.id })).rejects.toMatchObject({
      code: 'request.invalid',
      fields: [{ path: 'reason', code: 'vacancy.reason.required' }],
    });
    const closed = await Vacancy.close(as(officer), { id: v.id, reason: 'Meminta biaya pendaftaran.' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'officer', closedReason: 'Meminta biaya pendaftaran.' });
    expect(ids(await browse({}))).not.toContain(v.id);
    await expect(Vacancy.close(as(owner), { id: v.id, outcome: 'cancelled' })).rejects.toMatchObject({
      code: 'vacancy.closed',
    });
    await expect(Vacancy.update(as(owner), { id: v.id, title: 'Lagi' })).rejects.toMatchObject({
      code: 'vacancy.closed',
    });
    // What an officer closed, the company cannot reopen.
    await expect(Vacancy.reopen(as(owner), { id: v.id })).rejects.toMatchObject({
      code: 'vacancy.reopen.officer_closed',
    });
  });

  it('a member closes saying how it ended, may reopen until the closing date, and not after', async () => {
    const v = await post(owner, { title: 'Tukang Las', closingDate: inDays(3) });
    await expect(Vacancy.close(as(owner), { id: v.id })).rejects.toMatchObject({
      code: 'request.invalid',
      fields: [{ path: 'outcome', code: 'vacancy.outcome.required' }],
    });
    const closed = await Vacancy.close(as(owner), { id: v.id, outcome: 'filled_bursa' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'company', closedOutcome: 'filled_bursa' });
    // The public view does not say how it ended; the company does.
    expect((await Vacancy.view(as(undefined), { id: v.id })).vacancy.closedOutcome).toBeUndefined();
    expect((await Vacancy.view(as(owner), { id: v.id })).can.reopen).toBe(true);
    await expect(Vacancy.reopen(as(stranger), { id: v.id })).rejects.toMatchObject({ code: 'company.not_member' });
    const reopened = await Vacancy.reopen(as(owner), { id: v.id });
    expect(reopened.status).toBe('open');
    expect((await Vacancy.get(db, v.id)).closedOutcome).toBeUndefined();
    expect(ids(await browse({}))).toContain(v.id);
    // After the closing date it stays closed (the policy decides by the day in WIB).
    await Vacancy.close(as(owner), { id: v.id, outcome: 'cancelled' });
    const later = Date.now() + 5 * 86_400_000;
    expect(Vacancy.capabilities(await Vacancy.get(db, v.id), { actor: owner, member: true }, later).reopen).toBe(false);
    await expect(Vacancy.reopen(as(owner, later), { id: v.id })).rejects.toMatchObject({
      code: 'vacancy.reopen.too_late',
    });
  });

  it('drops vacancies past their closing date from the list and counts them as closed', async () => {
    const v = await post(owner, { title: 'Hari Ini Saja', closingDate: inDays(0) });
    expect(ids(await browse({}))).toContain(v.id);
    const twoDaysLater = Date.now() + 2 * 86_400_000;
    expect(ids(await browse({}, twoDaysLater))).not.toContain(v.id);
    // The counts are the stream's (VacancyCounts): once it has caught up, the same as the vacancies say.
    await settle();
    const today = await Vacancy.listByCompany(as(owner), { companyId });
    const mine = await Vacancy.listByCompany(as(owner, twoDaysLater), { companyId });
    expect(mine.counts.draft).toBe(1);
    // Past its closing day it counts as closed, as its card shows it, without any write.
    expect(mine.counts.closed).toBe(today.counts.closed + 1);
    expect(mine.counts.open).toBe(today.counts.open - 1);
    expect(mine.vacancies.find((x) => x.id === v.id)?.can.edit).toBe(false);
    await expect(Vacancy.listByCompany(as(stranger), { companyId })).rejects.toMatchObject({
      code: 'company.not_member',
    });
  });

  it("pages a company's vacancies and its public page, with counts kept by the stream (once per record)", async () => {
    const r = await Account.register(as(undefined), { name: 'Rina', phone: '0812 1111 3333', password: 'rahasia123' });
    const hrd: Actor = { userId: r.user.id, name: r.user.name, roles: ['resident'] };
    const other = await Company.create(as(hrd), {
      name: 'CV Banyak Lowongan',
      sector: 'manufaktur',
      address: 'Jl. Merdeka 1',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
    });
    await Company.verify(as(officer), { id: other.id });
    const mk = (title: string, input: Record<string, unknown> = {}) =>
      Vacancy.create(as(hrd), { ...base, title, ...input, companyId: other.id } as never);
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await mk(`Operator ${i}`));
    await mk('Draf Saja', { publish: false });
    await Vacancy.close(as(hrd), { id: opened[0]?.id as string, outcome: 'filled_elsewhere' });
    await settle();
    const first = await Vacancy.listByCompany(as(hrd), { companyId: other.id, limit: 4 });
    expect(first.vacancies).toHaveLength(4);
    expect(first.counts).toEqual({ draft: 1, review: 0, open: 4, closed: 1 });
    const second = await Vacancy.listByCompany(as(hrd), { companyId: other.id, limit: 4, cursor: first.cursor });
    expect(second.vacancies).toHaveLength(2);
    expect(second.cursor).toBeUndefined();
    expect(new Set([...first.vacancies, ...second.vacancies].map((v) => v.id)).size).toBe(6);
    // A cursor from another company's list is refused, not followed.
    await expect(Vacancy.listByCompany(as(owner), { companyId, cursor: first.cursor })).rejects.toMatchObject({
      code: 'request.invalid_cursor',
    });
    // The public page: only the open ones, newest first, a page at a time, from the company's own listing.
    const page1 = await Vacancy.listOpenByCompany(as(undefined), { companyId: other.id, limit: 3 });
    const page2 = await Vacancy.listOpenByCompany(as(undefined), {
      companyId: other.id,
      limit: 3,
      cursor: page1.cursor,
    });
    expect([...page1.items, ...page2.items].map((v) => v.title)).toEqual([
      'Operator 4',
      'Operator 3',
      'Operator 2',
      'Operator 1',
    ]);
    // A replayed stream record changes nothing; a real change moves two counters.
    const v = opened[1] as Vacancy.Stored;
    const closedImage = { ...v, status: 'closed' };
    expect(await Vacancy.countStatusChange(db, 'replay-1', v, closedImage)).toBe(true);
    expect(await Vacancy.countStatusChange(db, 'replay-1', v, closedImage)).toBe(false);
    expect(await Vacancy.countStatusChange(db, 'replay-2', { ...v, title: 'x' }, { ...v, title: 'y' })).toBe(false);
    expect(await Vacancy.statusCounts(db, other.id)).toEqual({ draft: 1, review: 0, open: 3, closed: 2 });
  });

  it('a company rename reaches its vacancies, their listing and every member, through the stream', async () => {
    const v = await post(owner, { title: 'Admin Gudang' });
    await Company.update(as(owner), { id: companyId, name: 'PT Maju Garmen Indonesia' });
    // The company is verified: its new name goes live once an officer approves it.
    await Company.verify(as(officer), { id: companyId });
    await settle();
    expect((await Vacancy.view(as(undefined), { id: v.id })).vacancy.companyName).toBe('PT Maju Garmen Indonesia');
    const listed = (await browse({})).items.filter((i) => i.companyId === companyId);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((i) => i.companyName))).toEqual(new Set(['PT Maju Garmen Indonesia']));
    expect(await Company.listMine(as(owner), {})).toEqual([
      { companyId, companyName: 'PT Maju Garmen Indonesia', role: 'owner' },
    ]);
  });

  it('lists an open vacancy three times; a rare filter pages through its kecamatan, every match once, in order', async () => {
    const v = complete(await post(owner, { title: 'Juru Masak' }));
    expect(Vacancy.listingItems(v).map((i) => i.listing)).toEqual([
      'VACANCIES#d=*',
      'VACANCIES#d=36.71.01',
      `VACANCIES#c=${companyId}`,
    ]);
    // 150 listed in one kecamatan, one in 30 a contract asking for SMP: the matches lie far apart.
    const t0 = Date.now() - 3_600_000;
    const made = Array.from({ length: 150 }, (_, i): Vacancy.Info => {
      const rare = i % 30 === 0;
      return {
        ...v,
        id: newId(t0 + i * 1000),
        districtCode: '36.71.09',
        type: rare ? 'contract' : 'full_time',
        minEducation: rare ? 'SMP' : 'S1',
        publishedAt: new Date(t0 + i * 1000).toISOString(),
      };
    });
    for (const x of made) await Vacancy.syncListing(db, undefined, x);
    const expected = made
      .filter((_, i) => i % 30 === 0)
      .map((x) => x.id)
      .reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await Vacancy.browse(as(undefined), {
        districtCode: '36.71.09',
        type: 'contract',
        education: 'SMA',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
    // Each filter alone: education SD meets none of them, S1 all 150.
    expect((await Vacancy.browse(as(undefined), { districtCode: '36.71.09', education: 'SD' })).items).toEqual([]);
    expect(ids(await Vacancy.browse(as(undefined), { districtCode: '36.71.09', education: 'S1', limit: 50 }))).toEqual(
      made
        .map((x) => x.id)
        .reverse()
        .slice(0, 50),
    );
  });

  it('relists a vacancy written before the listing changed shape (the migration): found again, once', async () => {
    const v = complete(await post(owner, { title: 'Penjahit Senior' }));
    await settle();
    // As a table from before: the vacancy is there, its items in today's partitions are not.
    await Vacancy.syncListing(db, v, undefined);
    expect(ids(await Vacancy.browse(as(undefined), { limit: 50 }))).not.toContain(v.id);
    expect(await Vacancy.relistAll(db)).toBeGreaterThan(0);
    expect(ids(await Vacancy.browse(as(undefined), { limit: 50 }))).toContain(v.id);
    expect(ids(await Vacancy.listOpenByCompany(as(undefined), { companyId, limit: 50 }))).toContain(v.id);
    // Again: nothing changes (the listing items are the same).
    await Vacancy.relistAll(db);
    expect(ids(await Vacancy.browse(as(undefined), { limit: 50 })).filter((id) => id === v.id)).toHaveLength(1);
  });

  it('an edit that changes nothing listed writes no listing items (the projection diffs old and new)', async () => {
    const v = complete(await post(owner, { title: 'Teknisi' }));
    await settle();
    const before = Vacancy.listingItems(v);
    const after = complete(
      await Vacancy.update(as(owner), { id: v.id, description: `${base.description} Gaji mingguan.` }),
    );
    expect(Vacancy.listingItems(after)).toEqual(before);
    expect(await Vacancy.syncListing(db, v, after)).toBe(0);
    // Replaying a change is harmless: it writes only what still differs.
    expect(await Vacancy.syncListing(db, undefined, after)).toBe(before.length);
    expect(await Vacancy.syncListing(db, after, after)).toBe(0);
  });

  it("the company's verified state reaches its vacancies and their listing items through the stream", async () => {
    const v = await post(owner, { title: 'Staf Gudang Berlisensi' });
    expect(v.companyVerified).toBe(true);
    const listed = async () => (await browse({ limit: 50 })).items.find((i) => i.id === v.id);
    expect((await listed())?.companyVerified).toBe(true);
    await Company.revoke(as(officer), { id: companyId, reason: 'Izin usaha sudah tidak berlaku.' });
    await settle();
    expect((await Vacancy.get(db, v.id)).companyVerified).toBeUndefined();
    expect(await listed()).toMatchObject({ id: v.id, companyName: (await Company.get(db, companyId)).name });
    expect((await listed())?.companyVerified).toBeUndefined();
    // Verified again (the company stays as it was for any test after this one).
    await Company.verify(as(officer), { id: companyId });
    await settle();
    expect((await Vacancy.get(db, v.id)).companyVerified).toBe(true);
    expect((await listed())?.companyVerified).toBe(true);
  });
});
