import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import type { Actor } from '../accounts/roles.ts';
import { registerUser } from '../accounts/user.ts';
import { createCompany } from '../companies/company.ts';
import type { Db } from '../db/client.ts';
import { saveRegency } from '../regions/region.ts';
import { todayInJakarta } from './vacancy.ts';
import {
  browseVacancies,
  closeVacancy,
  createVacancy,
  getVisibleVacancy,
  listCompanyVacancies,
  updateVacancy,
} from './vacancy-store.ts';

let db: Db;
let owner: Actor;
let stranger: Actor;
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
let companyId: string;
const inDays = (n: number) => todayInJakarta(Date.now() + n * 86_400_000);

const base = {
  title: 'Operator Produksi',
  description: 'Mengoperasikan mesin produksi garmen, shift pagi dan malam.',
  type: 'full_time',
  minEducation: 'SMA',
  skills: 'jahit, QC',
  districtCode: '36.71.01',
  salaryMin: '4.760.000',
  salaryMax: 5200000,
  openings: '10',
  closingDate: inDays(30),
  publish: true,
};

beforeAll(async () => {
  db = await createTestDb();
  await saveRegency(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      { code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] },
      { code: '36.71.04', name: 'Karawaci', villages: [{ code: '36.71.04.1001', name: 'Bugel' }] },
    ],
  });
  const u = await registerUser(db, { name: 'Budi', email: 'budi@pt-maju.co.id', password: 'rahasia123' });
  const s = await registerUser(db, { name: 'Sari', phone: '0812 1111 2222', password: 'rahasia123' });
  owner = { userId: u.id, name: u.name, roles: ['resident'] };
  stranger = { userId: s.id, name: s.name, roles: ['resident'] };
  const company = await createCompany(db, owner, '36.71', {
    name: 'PT Maju Garmen',
    sector: 'manufaktur',
    address: 'Jl. Gatot Subroto No. 5',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  companyId = company.id;
});

describe('vacancies', () => {
  it('publishes a vacancy that every matching filter lists, newest first', async () => {
    const first = await createVacancy(db, owner, '36.71', companyId, base);
    const second = await createVacancy(db, owner, '36.71', companyId, {
      ...base,
      title: 'Staf Gudang',
      type: 'contract',
      minEducation: 'SMP',
      districtCode: '36.71.04',
    });
    expect(first).toMatchObject({ status: 'open', salaryMin: 4760000, skills: ['jahit', 'QC'], openings: 10 });

    const all = await browseVacancies(db, {});
    expect(all.items.map((v) => v.id)).toEqual([second.id, first.id]);
    expect((await browseVacancies(db, { districtCode: '36.71.04' })).items.map((v) => v.id)).toEqual([second.id]);
    expect((await browseVacancies(db, { type: 'full_time', districtCode: '36.71.01' })).items.map((v) => v.id)).toEqual(
      [first.id],
    );
    // A job seeker with SMA sees jobs needing SMA or less; with SMP only the SMP one.
    expect((await browseVacancies(db, { education: 'SMK' })).items).toHaveLength(2);
    expect((await browseVacancies(db, { education: 'SMP' })).items.map((v) => v.id)).toEqual([second.id]);
    expect((await browseVacancies(db, { education: 'SD' })).items).toHaveLength(0);
  });

  it('pages with a cursor', async () => {
    const page1 = await browseVacancies(db, { limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.cursor).toBeDefined();
    const page2 = await browseVacancies(db, { limit: 1, cursor: page1.cursor });
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    await expect(browseVacancies(db, { cursor: 'garbage' })).rejects.toMatchObject({ code: 'request.invalid_cursor' });
  });

  it('rejects bad input with every offending field', async () => {
    await expect(
      createVacancy(db, owner, '36.71', companyId, {
        ...base,
        title: '',
        salaryMin: 9_000_000,
        salaryMax: 1_000_000,
        districtCode: '99.99.99',
        closingDate: '2020-01-01',
      }),
    ).rejects.toMatchObject({ code: 'request.invalid' });
    try {
      await createVacancy(db, owner, '36.71', companyId, {
        ...base,
        title: '',
        type: 'bogus',
        salaryMin: 9_000_000,
        salaryMax: 1_000_000,
      });
      expect.unreachable('invalid input was accepted');
    } catch (e) {
      // The salary check runs even though other fields are wrong (an unknown type aborts the
      // object's own checks): the form shows every mistake at once.
      expect((e as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        'salaryMax',
        'title',
        'type',
      ]);
    }
  });

  it('lets only members edit, and moves listings when the kecamatan changes', async () => {
    const v = await createVacancy(db, owner, '36.71', companyId, { ...base, title: 'Kasir' });
    await expect(updateVacancy(db, stranger, '36.71', v.id, base)).rejects.toMatchObject({
      code: 'company.not_member',
    });
    await expect(updateVacancy(db, undefined, '36.71', v.id, base)).rejects.toMatchObject({ code: 'auth.required' });
    const moved = await updateVacancy(db, owner, '36.71', v.id, {
      ...base,
      title: 'Kasir Senior',
      districtCode: '36.71.04',
    });
    expect(moved.version).toBe(2);
    expect(moved.publishedAt).toBe(v.publishedAt);
    const inKarawaci = await browseVacancies(db, { districtCode: '36.71.04' });
    expect(inKarawaci.items.find((i) => i.id === v.id)?.title).toBe('Kasir Senior');
    expect((await browseVacancies(db, { districtCode: '36.71.01' })).items.some((i) => i.id === v.id)).toBe(false);
  });

  it('refuses a stale concurrent update', async () => {
    const v = await createVacancy(db, owner, '36.71', companyId, { ...base, title: 'Satpam' });
    const results = await Promise.allSettled([
      updateVacancy(db, owner, '36.71', v.id, { ...base, title: 'Satpam A' }),
      updateVacancy(db, owner, '36.71', v.id, { ...base, title: 'Satpam B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'vacancy.changed' } });
  });

  it('hides drafts from the public, shows them to members', async () => {
    const draft = await createVacancy(db, owner, '36.71', companyId, { ...base, title: 'Draf', publish: false });
    await expect(getVisibleVacancy(db, undefined, draft.id)).rejects.toMatchObject({ code: 'vacancy.not_found' });
    await expect(getVisibleVacancy(db, stranger, draft.id)).rejects.toMatchObject({ code: 'vacancy.not_found' });
    expect((await getVisibleVacancy(db, owner, draft.id)).status).toBe('draft');
    expect((await browseVacancies(db, {})).items.some((i) => i.id === draft.id)).toBe(false);
  });

  it('closes: members freely, officers only with a reason, strangers never', async () => {
    const v = await createVacancy(db, owner, '36.71', companyId, { ...base, title: 'Penipuan?' });
    await expect(closeVacancy(db, stranger, v.id, {})).rejects.toMatchObject({ code: 'company.not_member' });
    await expect(closeVacancy(db, officer, v.id, {})).rejects.toMatchObject({ code: 'request.invalid' });
    const closed = await closeVacancy(db, officer, v.id, { reason: 'Meminta biaya pendaftaran.' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'officer', closedReason: 'Meminta biaya pendaftaran.' });
    expect((await browseVacancies(db, {})).items.some((i) => i.id === v.id)).toBe(false);
    await expect(closeVacancy(db, owner, v.id, {})).rejects.toMatchObject({ code: 'vacancy.closed' });
  });

  it('drops vacancies past their closing date from the list and counts them as closed', async () => {
    const v = await createVacancy(db, owner, '36.71', companyId, {
      ...base,
      title: 'Hari Ini Saja',
      closingDate: inDays(0),
    });
    expect((await browseVacancies(db, {})).items.some((i) => i.id === v.id)).toBe(true);
    const twoDaysLater = Date.now() + 2 * 86_400_000;
    expect((await browseVacancies(db, {}, twoDaysLater)).items.some((i) => i.id === v.id)).toBe(false);
    const mine = await listCompanyVacancies(db, owner, companyId);
    expect(mine.counts.draft).toBe(1);
    expect(mine.counts.closed).toBe(1);
    expect(mine.counts.open).toBeGreaterThanOrEqual(4);
    await expect(listCompanyVacancies(db, stranger, companyId)).rejects.toMatchObject({ code: 'company.not_member' });
  });
});
