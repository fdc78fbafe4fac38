import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, outbox } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Notification from '../notification/index.ts';
import * as Profile from '../profile/index.ts';
import * as Region from '../region/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import * as Application from './index.ts';

let db: Db;
let settle: () => Promise<void>;
let stop: () => Promise<void>;
let employer: Actor;
let otherEmployer: Actor;
let seeker: Actor;
let seekers: Actor[];
const officer: Actor = { userId: 'officer-1', name: 'Petugas', roles: ['officer', 'resident'] };
let vacancyId: string;
let companyId: string;
// The company is verified only later (the subject of a test below): its vacancy opens at once, not held.
const as = (actor: Actor | undefined): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName, HOLD_UNVERIFIED_VACANCIES: 'false' }),
  actor,
});
const saveProfile = (actor: Actor) => Profile.save(as(actor), profile as never);

const profile = {
  birthYear: 1999,
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  education: 'SMK',
  skills: 'jahit, obras',
  languages: 'Indonesia',
};

async function person(name: string, email?: string): Promise<Actor> {
  const phone = `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const r = await Account.register(as(undefined), { name, ...(email ? { email } : { phone }), password: 'rahasia123' });
  return { userId: r.user.id, name, roles: ['resident'] };
}

beforeAll(async () => {
  db = await createTestDb();
  ({ settle, stop } = await startProjections(db));
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  employer = await person('Budi HRD', 'budi@garmen.co.id');
  otherEmployer = await person('Rina HRD');
  seeker = await person('Siti Jahit', 'siti@contoh.id');
  const company = await Company.create(as(employer), {
    name: 'PT Garmen Sukarasa',
    sector: 'manufaktur',
    address: 'Jl. Merdeka 1',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  companyId = company.id;
  employer.roles = ['employer', 'resident'];
  await Company.create(as(otherEmployer), {
    name: 'PT Lain',
    sector: 'jasa',
    address: 'Jl. Lain 2',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  const v = await Vacancy.create(as(employer), {
    companyId,
    title: 'Operator Jahit',
    description: 'Menjahit pakaian jadi sesuai standar mutu, shift pagi.',
    type: 'full_time',
    minEducation: 'SMA',
    districtCode: '36.71.01',
    openings: 2,
    closingDate: todayInJakarta(Date.now() + 20 * 86_400_000),
    questions: [
      { text: 'Bersedia kerja shift?', kind: 'yes_no' },
      { text: 'Berapa lama pengalaman menjahit?', kind: 'text' },
    ],
    publish: true,
  } as never);
  vacancyId = v.id;
  await saveProfile(seeker);
  seekers = [];
  for (let i = 0; i < 3; i++) {
    const s = await person(`Pelamar ${i}`);
    await saveProfile(s);
    seekers.push(s);
  }
});
afterAll(() => stop());

const answers = ['yes', '2 tahun di konveksi'];

describe('applying', () => {
  it('needs a minimum profile, and says what is missing', async () => {
    const bare = await person('Tanpa Profil');
    await expect(Application.apply(as(bare), { vacancyId, answers })).rejects.toMatchObject({
      code: 'application.profile_incomplete',
      details: { missing: expect.arrayContaining(['profile', 'skills']) },
    });
  });

  it('needs an answer to every question, yes/no ones with yes or no', async () => {
    await expect(Application.apply(as(seeker), { vacancyId, answers: ['mungkin'] })).rejects.toMatchObject({
      code: 'request.invalid',
      fields: [
        { path: 'answers.0', code: 'application.answer.yes_no' },
        { path: 'answers.1', code: 'application.answer.required' },
      ],
    });
  });

  it('50 parallel applications by one person make exactly one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        Application.apply(as(seeker), { vacancyId, answers, coverNote: 'Siap bekerja.' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(new Set(refused.map((r) => r.reason.code))).toEqual(new Set(['application.duplicate']));
    const app = await Application.find(db, vacancyId, seeker.userId);
    expect(app).toMatchObject({ stage: 'applied', meetsEducation: true, applicantName: 'Siti Jahit', hasCv: false });
    expect(app?.answers).toEqual([
      { question: 'Bersedia kerja shift?', answer: 'yes' },
      { question: 'Berapa lama pengalaman menjahit?', answer: '2 tahun di konveksi' },
    ]);
  });

  it('a member of the hiring company cannot apply to it', async () => {
    await saveProfile(employer);
    await expect(Application.apply(as(employer), { vacancyId, answers })).rejects.toMatchObject({
      code: 'application.own_company',
    });
  });
});

describe('the pipeline', () => {
  it('moves forward one checked step at a time; rejected must be reopened; hired is final', async () => {
    const s = seekers[0] as Actor;
    await Application.apply(as(s), { vacancyId, answers });
    const move = (to: string, extra: Record<string, unknown> = {}) =>
      Application.move(as(employer), { vacancyId, userId: s.userId, to, ...extra } as never);
    await expect(move('hired')).rejects.toMatchObject({ code: 'application.move.invalid' });
    await expect(move('rejected')).rejects.toMatchObject({ code: 'request.invalid' });
    await move('shortlisted');
    await move('rejected', { reason: 'qualifications' });
    await expect(move('interview')).rejects.toMatchObject({ code: 'application.move.invalid' });
    const reopened = await move('reopen');
    expect(reopened.stage).toBe('shortlisted');
    await move('interview');
    const hired = await move('hired');
    expect(hired.timeline.map((t) => t.stage)).toEqual([
      'applied',
      'shortlisted',
      'rejected',
      'shortlisted',
      'interview',
      'hired',
    ]);
    await expect(move('rejected', { reason: 'other' })).rejects.toMatchObject({ code: 'application.move.invalid' });
    await expect(Application.withdraw(as(s), { vacancyId, userId: s.userId })).rejects.toMatchObject({
      code: 'application.cannot_withdraw',
    });
  });

  it('a stale version is a 409, and parallel moves of one application make one change', async () => {
    const s = seekers[1] as Actor;
    const app = await Application.apply(as(s), { vacancyId, answers });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        Application.move(as(employer), { vacancyId, userId: s.userId, to: 'shortlisted', version: app.version }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(
      Application.move(as(employer), { vacancyId, userId: s.userId, to: 'interview', version: app.version }),
    ).rejects.toMatchObject({ code: 'application.changed', kind: 'conflict' });
  });

  it('only the company moves it; strangers and the other company see nothing (404), the applicant never sees the note', async () => {
    const s = seekers[2] as Actor;
    await Application.apply(as(s), { vacancyId, answers });
    await Application.setNote(as(employer), { vacancyId, userId: s.userId, note: 'Kandidat kuat, hubungi Senin.' });
    for (const actor of [otherEmployer, seeker]) {
      await expect(Application.view(as(actor), { vacancyId, userId: s.userId })).rejects.toMatchObject({
        code: 'application.not_found',
      });
      await expect(
        Application.move(as(actor), { vacancyId, userId: s.userId, to: 'shortlisted' }),
      ).rejects.toMatchObject({ code: 'application.not_found' });
    }
    await expect(Application.applicantsOf(as(otherEmployer), { vacancyId })).rejects.toMatchObject({
      code: 'application.not_member',
    });
    const own = await Application.view(as(s), { vacancyId, userId: s.userId });
    expect(own.application.employerNote).toBeUndefined();
    expect(own.can).toMatchObject({ withdraw: true, move: false, seeNote: false });
    const byOfficer = await Application.view(as(officer), { vacancyId, userId: s.userId });
    expect(byOfficer.can).toMatchObject({ move: false, seeApplicant: true });
    const byEmployer = await Application.applicant(as(employer), { vacancyId, userId: s.userId });
    expect(byEmployer.application.employerNote).toBe('Kandidat kuat, hubungi Senin.');
    expect(byEmployer.contact.phone).toMatch(/^\+62/);
    await Application.withdraw(as(s), { vacancyId, userId: s.userId });
  });

  it('the employer lists one page by stage with stream-kept counts; the applicant lists their own', async () => {
    await settle();
    const all = await Application.applicantsOf(as(employer), { vacancyId, limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.cursor).toBeDefined();
    const next = await Application.applicantsOf(as(employer), { vacancyId, limit: 2, cursor: all.cursor });
    expect(next.items.length).toBeGreaterThan(0);
    expect(new Set([...all.items, ...next.items].map((a) => a.userId)).size).toBe(all.items.length + next.items.length);
    const hired = await Application.applicantsOf(as(employer), { vacancyId, stage: 'hired' });
    expect(hired.items.map((a) => a.userId)).toEqual([seekers[0]?.userId]);
    expect(all.funnel).toMatchObject({
      applications: 4,
      shortlisted: 2,
      interviewed: 1,
      hired: 1,
      rejected: 1,
      withdrawn: 1,
    });
    expect(all.funnel.at).toMatchObject({ applied: 1, shortlisted: 1, hired: 1, withdrawn: 1, rejected: 0 });
    const many = await Application.funnelsOf(db, ['vacancy#nothing-yet', Application.vacancyScope(vacancyId)]);
    expect(many.get('vacancy#nothing-yet')).toMatchObject({ applications: 0, hired: 0 });
    expect(many.get(Application.vacancyScope(vacancyId))).toMatchObject({ applications: 4, hired: 1 });
    const mine = await Application.mine(as(seeker), {});
    expect(mine.items.map((a) => a.vacancyId)).toEqual([vacancyId]);
    await expect(
      Application.applicantsOf(as(employer), {
        vacancyId,
        cursor: Buffer.from('{"pk":"USER#x"}').toString('base64url'),
      }),
    ).rejects.toMatchObject({ code: 'request.invalid_cursor' });
  });
});

describe('notifications', () => {
  it('the company hears of new applicants, the applicant of stage changes, each once, with email where there is an address', async () => {
    await settle();
    const employerInbox = await Notification.inbox(as(employer), {});
    const newApplicants = employerInbox.items.filter((n) => n.kind === 'new_applicant');
    expect(newApplicants).toHaveLength(4);
    expect(await Notification.unreadCount(db, employer.userId)).toBe(4);
    const s = seekers[0] as Actor;
    const theirs = await Notification.inbox(as(s), {});
    // shortlisted, rejected, shortlisted (reopened), interview, hired: every company move.
    expect(theirs.items.map((n) => n.params.stage)).toEqual([
      'hired',
      'interview',
      'shortlisted',
      'rejected',
      'shortlisted',
    ]);
    expect(Notification.render(theirs.items[0] as never, 'id')).toContain('Diterima');
    expect(Notification.render(theirs.items[3] as never, 'en')).toContain('not successful');
    await Notification.markAllRead(as(employer), {});
    expect(await Notification.unreadCount(db, employer.userId)).toBe(0);
    // Emails only to people with an address: the employer (email), not the phone-only applicants.
    const mails = outbox().filter((m) => m.to === 'budi@garmen.co.id');
    expect(mails.filter((m) => m.subject.startsWith('Pelamar baru'))).toHaveLength(4);
  });

  it('the company hears when an officer verifies it or closes its vacancy', async () => {
    await Company.verify(as(officer), { id: companyId });
    await Vacancy.close(as(officer), { id: vacancyId, reason: 'Iklan meminta biaya pendaftaran.' });
    await settle();
    const kinds = (await Notification.inbox(as(employer), {})).items.map((n) => n.kind);
    expect(kinds.slice(0, 2)).toEqual(['vacancy_closed', 'company_verified']);
    const closed = (await Notification.inbox(as(employer), {})).items[0];
    expect(Notification.render(closed as never, 'id')).toContain('Iklan meminta biaya pendaftaran.');
    // The other company's employer heard nothing of it.
    expect((await Notification.inbox(as(otherEmployer), {})).items).toEqual([]);
  });

  it('a replayed stream record delivers nothing twice', async () => {
    const before = await Notification.unreadCount(db, seeker.userId);
    const event = {
      userId: seeker.userId,
      kind: 'stage_changed' as const,
      params: { stage: 'shortlisted' },
      link: '/x',
      at: '2026-11-24T01:00:00.000Z',
      source: 'seq-1',
    };
    expect(await Notification.deliver(db, event)).toBe(true);
    expect(await Notification.deliver(db, event)).toBe(false);
    expect(await Notification.unreadCount(db, seeker.userId)).toBe(before + 1);
  });
});
