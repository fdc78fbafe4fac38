import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import {
  type Actor,
  type Ctx,
  DomainError,
  loadConfig,
  todayInJakarta,
  type ValidationError,
} from '../kernel/index.ts';
import { translate } from '../messages/index.ts';
import * as Region from '../region/index.ts';
import * as Vacancy from './index.ts';
import { addMonths } from './vacancy.fields.ts';

/**
 * The vacancy form's rules (vacancy.fields.ts): every problem in one answer,
 * drafts that need only a title, the minimum wage (UMK), the warnings a
 * publisher confirms, and how to apply.
 */
let db: Db;
let owner: Actor;
let companyId: string;
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
const DAY = 86_400_000;
/** Noon WIB on a day: the clock the checks read (ctx.now). */
const on = (day: string) => Date.parse(`${day}T12:00:00+07:00`);
const as = (actor: Actor | undefined, now?: number): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName }),
  actor,
  ...(now ? { now: () => now } : {}),
});
const inDays = (n: number, from = Date.now()) => todayInJakarta(from + n * DAY);

const full = {
  title: 'Operator Produksi',
  description: 'Mengoperasikan mesin produksi garmen, shift pagi dan malam.',
  type: 'full_time',
  minEducation: 'SMA',
  districtCode: '36.71.01',
  openings: 2,
  publish: true,
};
const post = (input: Record<string, unknown>, now?: number) =>
  Vacancy.create(as(owner, now), {
    ...full,
    closingDate: inDays(30, now),
    ...input,
    companyId,
  } as never);
/** The refusal, as `path:code` of each field and the codes of the warnings. */
async function refusal(pending: Promise<unknown>) {
  const e = await pending.then(
    () => expect.unreachable('accepted'),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  const err = e as DomainError & { fields?: { path: string; code: string }[]; warnings?: { code: string }[] };
  return {
    code: err.code,
    fields: (err.fields ?? []).map((f) => `${f.path}:${f.code}`).sort(),
    warnings: (err.warnings ?? []).map((w) => w.code),
    error: err,
  };
}

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      { code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] },
      { code: '36.71.04', name: 'Karawaci', villages: [{ code: '36.71.04.1001', name: 'Bugel' }] },
    ],
  });
  const u = await Account.register(as(undefined), {
    name: 'Rina',
    email: 'rina@pt-sejahtera.co.id',
    password: 'rahasia123',
  });
  owner = { userId: u.user.id, name: 'Rina', roles: ['resident'] };
  const company = await Company.create(as(owner), {
    name: 'PT Sejahtera Abadi',
    sector: 'manufaktur',
    address: 'Jl. Daan Mogot No. 9',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  companyId = company.id;
  await Company.verify(as(officer), { id: companyId });
});

describe('one pass: every problem in one answer', () => {
  it('reports salary order, a past closing date, a kelurahan outside the kecamatan and the warnings together', async () => {
    const r = await refusal(
      post({
        title: 'AB',
        salaryMin: 9_000_000,
        salaryMax: 8_000_000,
        closingDate: '2020-01-01',
        villageCode: '36.71.04.1001',
        openings: 1500,
      }),
    );
    expect(r.code).toBe('request.invalid');
    expect(r.fields).toEqual([
      'closingDate:vacancy.closing_date.past',
      'salaryMax:vacancy.salary.order',
      'title:vacancy.title.min',
      'villageCode:region.village.invalid',
    ]);
    expect(r.warnings).toEqual(['many_openings']);
  });
});

describe('drafts need only a title', () => {
  it('saves a draft with only a title, checks the format of what is filled, and publishing checks everything', async () => {
    const draft = await Vacancy.create(as(owner), { companyId, title: 'Staf Gudang' });
    expect(draft).toMatchObject({ status: 'draft', title: 'Staf Gudang', skills: [] });
    expect(draft).not.toHaveProperty('description');
    const { vacancy } = await Vacancy.view(as(owner), { id: draft.id });
    expect(vacancy).toMatchObject({ status: 'draft', title: 'Staf Gudang' });
    expect(Vacancy.isComplete(vacancy)).toBe(false);
    const mine = await Vacancy.listByCompany(as(owner), { companyId });
    expect(mine.vacancies.find((v) => v.id === draft.id)?.effectiveStatus).toBe('draft');

    // What is filled in must be well formed; what is missing is only unfinished.
    const badFormat = await refusal(
      Vacancy.create(as(owner), {
        companyId,
        title: 'Staf Gudang',
        type: 'bogus',
        salaryMin: 'banyak',
        description: 'x',
      }),
    );
    expect(badFormat.fields).toEqual(['salaryMin:vacancy.salary.number', 'type:vacancy.type.invalid']);
    await expect(Vacancy.create(as(owner), { companyId, title: '' })).rejects.toMatchObject({
      fields: [{ path: 'title', code: 'vacancy.title.min' }],
    });

    const publishing = await refusal(Vacancy.update(as(owner), { id: draft.id, publish: true }));
    expect(publishing.fields).toEqual([
      'closingDate:vacancy.closing_date.invalid',
      'description:vacancy.description.min',
      'districtCode:vacancy.district.required',
      'minEducation:vacancy.education.invalid',
      'openings:vacancy.openings.number',
      'type:vacancy.type.invalid',
    ]);

    // A draft edited with a detail cleared keeps no trace of it; publishing with all of it opens it.
    const edited = await Vacancy.update(as(owner), { id: draft.id, description: full.description, openings: '3' });
    const cleared = await Vacancy.update(as(owner), { id: draft.id, openings: '' });
    expect(edited.openings).toBe(3);
    expect(cleared).not.toHaveProperty('openings');
    expect((await Vacancy.get(db, draft.id)).openings).toBeUndefined();
    const opened = await Vacancy.update(as(owner), {
      id: draft.id,
      ...full,
      closingDate: inDays(20),
    });
    expect(opened).toMatchObject({ status: 'open', type: 'full_time', openings: 2 });
    expect(opened.publishedAt).toBeDefined();
  });
});

describe('the minimum wage (UMK)', () => {
  it('refuses a full-time or contract salary below the UMK, naming it and its year', async () => {
    const in2025 = on('2025-06-02');
    const low = await refusal(post({ salaryMin: 4_000_000, salaryMax: 5_000_000 }, in2025));
    expect(low.fields).toEqual(['salaryMax:vacancy.salary.below_umk']);
    const issue = (low.error as ValidationError).fields[0];
    expect(translate('vacancy.salary.below_umk', 'id', issue?.params)).toMatch(
      /^Gaji di bawah UMK Kota Tangerang 2025 \(Rp5\.069\.708\)/,
    );
    // Only a minimum given: that is the monthly salary checked.
    expect((await refusal(post({ type: 'contract', salaryMin: 4_900_000 }, in2025))).fields).toEqual([
      'salaryMin:vacancy.salary.below_umk',
    ]);
    // 2026's decree raised it; a year not recorded yet uses the latest recorded, and says which.
    const in2026 = await refusal(post({ salaryMax: 5_300_000 }, on('2026-03-02')));
    expect(in2026.error).toMatchObject({ fields: [{ params: { year: 2026, umk: 'Rp5.399.405' } }] });
    const in2030 = await refusal(post({ salaryMax: 5_300_000 }, on('2030-03-04')));
    expect(in2030.error).toMatchObject({ fields: [{ params: { year: 2026 } }] });
  });

  it('accepts the UMK itself, no salary, apprenticeships and overseas placements', async () => {
    const in2025 = on('2025-06-02');
    expect((await post({ salaryMin: 5_069_708 }, in2025)).status).toBe('open');
    expect((await post({ title: 'Operator Tanpa Gaji' }, in2025)).status).toBe('open');
    expect((await post({ type: 'apprenticeship', salaryMin: 1_500_000 }, in2025)).status).toBe('open');
    expect((await post({ type: 'overseas', salaryMin: 1_000_000 }, in2025)).status).toBe('open');
  });

  it('asks to confirm a part-time salary below the UMK', async () => {
    const r = await refusal(post({ type: 'part_time', salaryMin: 2_000_000 }));
    expect(r).toMatchObject({ code: 'vacancy.confirm_required', fields: [], warnings: ['below_umk'] });
    const ok = await post({ type: 'part_time', salaryMin: 2_000_000, confirm: ['below_umk'] });
    expect(ok.status).toBe('open');
  });
});

describe('warnings to confirm', () => {
  it('a closing date more than 6 months away and more than 1,000 openings, each confirmed', async () => {
    const far = addMonths(todayInJakarta(), 7);
    const both = await refusal(post({ closingDate: far, openings: 1001 }));
    expect(both).toMatchObject({ code: 'vacancy.confirm_required', warnings: ['far_closing', 'many_openings'] });
    // Confirming one is not confirming both.
    const one = await refusal(post({ closingDate: far, openings: 1001, confirm: ['far_closing'] }));
    expect(one.error).toMatchObject({
      code: 'vacancy.confirm_required',
      warnings: [
        { code: 'far_closing', confirmed: true },
        { code: 'many_openings', confirmed: false },
      ],
    });
    const v = await post({ closingDate: far, openings: 1001, confirm: 'far_closing,many_openings' });
    expect(v.status).toBe('open');
    // An edit does not ask again for what it was published with, only for a new warning.
    expect((await Vacancy.update(as(owner), { id: v.id, title: 'Operator Produksi Shift' })).version).toBe(2);
    const more = await refusal(Vacancy.update(as(owner), { id: v.id, type: 'part_time', salaryMin: 1_000_000 }));
    expect(more.warnings).toEqual(['below_umk']);
    await expect(post({ confirm: ['nonsense'] })).rejects.toMatchObject({ fields: [{ path: 'confirm.0' }] });
  });

  it('6 months is counted in calendar months, to the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('a draft is never asked: warnings come with publishing', async () => {
    const draft = await Vacancy.create(as(owner), { companyId, title: 'Draf Ramai', openings: 5000, publish: false });
    expect(draft.status).toBe('draft');
  });
});

describe('how to apply', () => {
  it('is in Bursa by default; with Bursa off it needs a contact, kept as +62…', async () => {
    const v = await post({});
    expect(v.applyInBursa).toBe(true);
    const none = await refusal(post({ applyInBursa: false }));
    expect(none.fields).toEqual(['applyInBursa:vacancy.apply.none']);
    const bad = await refusal(post({ applyInBursa: 'false', contactPhone: '12', contactEmail: 'bukan-email' }));
    expect(bad.fields).toEqual(['contactEmail:account.email.invalid', 'contactPhone:account.contact_phone.invalid']);
    const byPhone = await post({ applyInBursa: false, contactPhone: '0812-3456-7890' });
    expect(byPhone).toMatchObject({ applyInBursa: false, contactPhone: '+6281234567890' });
    const both = await post({ contactEmail: 'HRD@Sejahtera.co.id' });
    expect(both).toMatchObject({ applyInBursa: true, contactEmail: 'hrd@sejahtera.co.id' });
    // A draft may leave it for later.
    expect((await Vacancy.create(as(owner), { companyId, title: 'Draf Kontak', applyInBursa: false })).status).toBe(
      'draft',
    );
  });
});
