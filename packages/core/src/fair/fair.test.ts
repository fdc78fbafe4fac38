import { remindInterviews } from '@bursa/functions/jobs/expire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import * as Application from '../application/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig, todayInJakarta } from '../kernel/index.ts';
import * as Notification from '../notification/index.ts';
import * as Profile from '../profile/index.ts';
import * as Region from '../region/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import * as Fair from './index.ts';

/** Fairs, booths, tickets and slots against DynamoDB Local. */
let db: Db;
let projections: Awaited<ReturnType<typeof startProjections>>;
const officer: Actor = { userId: '0000000000officer001', name: 'Petugas Dewi', roles: ['officer', 'resident'] };
let employer: Actor;
let companyId: string;
let vacancyId: string;
const as = (actor: Actor | undefined, now?: number): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName }),
  actor,
  ...(now ? { now: () => now } : {}),
});
const day = (days: number) => todayInJakarta(Date.now() + days * 86_400_000);
const fields = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: 'Bursa kerja untuk warga Kota Tangerang.',
  startDate: day(3),
  endDate: day(4),
  opensAt: '08:00',
  closesAt: '16:00',
  mode: 'hybrid' as const,
  venue: 'Gedung Pemuda, Jl. Perintis Kemerdekaan',
  districtCode: '36.71.01',
  registrationQuota: 500,
  boothQuota: 50,
  ...extra,
});
let n = 0;
async function person(name: string): Promise<Actor> {
  n += 1;
  const r = await Account.register(as(undefined), {
    name,
    phone: `0818${String(Date.now() % 1e4).padStart(4, '0')}${String(n).padStart(4, '0')}`,
    password: 'rahasia123',
  });
  return { userId: r.user.id, name, roles: ['resident'] };
}
async function company(name: string, verified: boolean) {
  const owner = await person(`HRD ${name}`);
  const c = await Company.create(as(owner), {
    name,
    sector: 'manufaktur',
    address: 'Jl. Industri 5',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
  });
  owner.roles = ['employer', 'resident'];
  if (verified) await Company.verify(as(officer), { id: c.id });
  return { owner, id: c.id };
}
async function publishedFair(name: string, extra: Record<string, unknown> = {}) {
  const fair = await Fair.createFair(as(officer), fields(name, extra));
  return Fair.setFairStatus(as(officer), { fairId: fair.id, status: 'published' });
}
/** A job seeker with a complete profile, applied to the vacancy and shortlisted. */
async function shortlisted(name: string): Promise<Actor> {
  const s = await person(name);
  await Profile.save(as(s), {
    birthYear: 2000,
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    education: 'SMK',
    skills: 'jahit',
    languages: 'Indonesia',
  } as never);
  await Application.apply(as(s), { vacancyId });
  await Application.move(as(employer), { vacancyId, userId: s.userId, to: 'shortlisted' });
  return s;
}

afterAll(async () => {
  await projections.stop();
});

beforeAll(async () => {
  db = await createTestDb();
  projections = await startProjections(db);
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  const c = await company('PT Garmen Cisadane', true);
  employer = c.owner;
  companyId = c.id;
  const v = await Vacancy.create(as(employer), {
    companyId,
    title: 'Operator Jahit',
    description: 'Menjahit pakaian jadi sesuai standar mutu, shift pagi.',
    type: 'full_time',
    minEducation: 'SMA',
    districtCode: '36.71.01',
    openings: 5,
    closingDate: day(30),
    publish: true,
  } as never);
  vacancyId = v.id;
});

describe('fairs', () => {
  it('officers create them as drafts with a unique address; the public sees them once published', async () => {
    const resident = await person('Warga');
    await expect(Fair.createFair(as(resident), fields('Bursa Kerja Warga'))).rejects.toMatchObject({
      code: 'fair.officers_only',
    });
    await expect(Fair.createFair(as(officer), fields('Bkk', { mode: 'onsite', venue: '' }))).rejects.toMatchObject({
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'name', code: 'fair.name.length' }),
        { path: 'venue', code: 'fair.venue.required' },
      ]),
    });
    const fair = await Fair.createFair(as(officer), fields('Bursa Kerja Kota Tangerang Desember'));
    expect(fair).toMatchObject({ slug: 'bursa-kerja-kota-tangerang-desember', status: 'draft' });
    await expect(Fair.createFair(as(officer), fields('Bursa Kerja Kota Tangerang Desember'))).rejects.toMatchObject({
      code: 'fair.slug_taken',
    });
    await expect(Fair.bySlug(as(resident), { slug: fair.slug })).rejects.toMatchObject({ code: 'fair.not_found' });
    expect((await Fair.listFairs(as(undefined), {})).items.map((f) => f.id)).not.toContain(fair.id);
    expect((await Fair.listFairs(as(officer), {})).items.map((f) => f.id)).toContain(fair.id);
    await Fair.setFairStatus(as(officer), { fairId: fair.id, status: 'published' });
    expect((await Fair.bySlug(as(undefined), { slug: fair.slug })).fair.id).toBe(fair.id);
    expect((await Fair.listFairs(as(undefined), {})).items.map((f) => f.id)).toContain(fair.id);
  });
});

describe('booths', () => {
  it('verified companies only; approvals count against the booth quota under concurrency', async () => {
    const fair = await publishedFair('Bursa Kerja Kuota Booth', { boothQuota: 3 });
    const unverified = await company('PT Belum Terverifikasi', false);
    await expect(
      Fair.applyForBooth(as(unverified.owner), { fairId: fair.id, companyId: unverified.id }),
    ).rejects.toMatchObject({ code: 'fair.booth.unverified' });
    const companies = await Promise.all(Array.from({ length: 6 }, (_, i) => company(`PT Peserta ${i}`, true)));
    for (const c of companies) await Fair.applyForBooth(as(c.owner), { fairId: fair.id, companyId: c.id });
    await expect(
      Fair.applyForBooth(as(companies[0]?.owner as Actor), { fairId: fair.id, companyId: companies[0]?.id as string }),
    ).rejects.toMatchObject({ code: 'fair.booth.exists' });
    const results = await Promise.allSettled(
      companies.map((c) => Fair.decideBooth(as(officer), { fairId: fair.id, companyId: c.id, decision: 'approve' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : [])))).toEqual(
      new Set(['fair.booth.full']),
    );
    expect((await Fair.getFair(db, fair.id)).booths).toBe(3);
    expect((await Fair.boothsOf(as(undefined), { fairId: fair.id })).items).toHaveLength(3);
    await expect(
      Fair.decideBooth(as(officer), { fairId: fair.id, companyId: unverified.id, decision: 'decline' }),
    ).rejects.toMatchObject({ code: 'fair.booth.not_found' });
  });

  it('a booth brings the company’s open vacancies; applying there is the normal application, tagged with the fair', async () => {
    const fair = await publishedFair('Bursa Kerja Booth Lowongan');
    await Fair.applyForBooth(as(employer), { fairId: fair.id, companyId });
    await expect(Fair.updateBooth(as(employer), { fairId: fair.id, companyId, intro: 'Halo' })).rejects.toMatchObject({
      code: 'fair.booth.not_yours',
    });
    await Fair.decideBooth(as(officer), { fairId: fair.id, companyId, decision: 'approve' });
    const other = await company('PT Lain Lagi', true);
    await expect(
      Fair.updateBooth(as(other.owner), { fairId: fair.id, companyId, intro: 'Bukan booth saya' }),
    ).rejects.toMatchObject({ code: 'fair.booth.not_yours' });
    await Fair.updateBooth(as(employer), {
      fairId: fair.id,
      companyId,
      intro: 'Kami membuka 5 posisi operator jahit.',
      videoUrl: 'https://www.youtube.com/watch?v=garmen',
      vacancyIds: [vacancyId],
      recruiters: ['Budi (HRD)'],
    });
    const view = await Fair.viewBooth(as(undefined), { fairId: fair.id, companyId });
    expect(view.vacancies.map((v) => v.id)).toEqual([vacancyId]);
    const seeker = await person('Pelamar Booth');
    await Profile.save(as(seeker), {
      birthYear: 2001,
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      education: 'SMA',
      skills: 'jahit',
      languages: 'Indonesia',
    } as never);
    const app = await Fair.applyAtBooth(as(seeker), { fairId: fair.id, companyId, vacancyId });
    expect(app.fairId).toBe(fair.id);
  });
});

describe('tickets and check-in', () => {
  it('the registration quota holds when 20 register at once; registering twice gives the same ticket', async () => {
    const fair = await publishedFair('Bursa Kerja Kuota Pendaftar', { registrationQuota: 5 });
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Pendaftar ${i}`)));
    const results = await Promise.allSettled(people.map((p) => Fair.register(as(p), { fairId: fair.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : [])))).toEqual(
      new Set(['fair.full']),
    );
    const winner = people[results.findIndex((r) => r.status === 'fulfilled')] as Actor;
    const first = await Fair.myTicket(as(winner), { fairId: fair.id });
    const again = await Fair.register(as(winner), { fairId: fair.id });
    expect(again.code).toBe(first?.code);
    expect(first?.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect((await Fair.getFair(db, fair.id)).registered).toBe(5);
  });

  it('a ticket checks in once (by QR or short code), only at its own fair, only by an officer; tokens cannot be guessed', async () => {
    const fairA = await publishedFair('Bursa Kerja Gedung A');
    const fairB = await publishedFair('Bursa Kerja Gedung B');
    const visitor = await person('Rudi Hartono');
    const ticket = await Fair.register(as(visitor), { fairId: fairA.id });
    await expect(Fair.checkIn(as(visitor), { fairId: fairA.id, input: ticket.code })).rejects.toMatchObject({
      code: 'fair.officers_only',
    });
    const qr = Fair.qrPayload(ticket);
    await expect(Fair.checkIn(as(officer), { fairId: fairB.id, input: qr })).rejects.toMatchObject({
      code: 'fair.ticket.other_fair',
    });
    await expect(Fair.checkIn(as(officer), { fairId: fairB.id, input: ticket.code })).rejects.toMatchObject({
      code: 'fair.ticket.not_found',
    });
    const forged = `BURSA1.${fairA.id}.${'A'.repeat(43)}`;
    await expect(Fair.checkIn(as(officer), { fairId: fairA.id, input: forged })).rejects.toMatchObject({
      code: 'fair.ticket.not_found',
    });
    const done = await Fair.checkIn(as(officer), { fairId: fairA.id, input: ticket.code.toLowerCase() });
    expect(done).toMatchObject({ already: false, ticket: { name: 'Rudi Hartono', checkedInByName: 'Petugas Dewi' } });
    const twice = await Promise.all([
      Fair.checkIn(as(officer), { fairId: fairA.id, input: qr }),
      Fair.checkIn(as(officer), { fairId: fairA.id, input: ticket.code }),
    ]);
    expect(twice.map((t) => t.already)).toEqual([true, true]);
    expect(twice[0]?.ticket.checkedInAt).toBe(done.ticket.checkedInAt);
    expect((await Fair.getFair(db, fairA.id)).checkedIn).toBe(1);
  });
});

describe('interview slots', () => {
  it('a slot holds one candidate: of 50 shortlisted candidates racing, one books, and their application moves to interview', async () => {
    const fair = await publishedFair('Bursa Kerja Wawancara');
    await Fair.applyForBooth(as(employer), { fairId: fair.id, companyId });
    await Fair.decideBooth(as(officer), { fairId: fair.id, companyId, decision: 'approve' });
    await expect(
      Fair.publishSlots(as(employer), {
        fairId: fair.id,
        companyId,
        date: fair.startDate,
        start: '15:40',
        minutes: 15,
        count: 2,
        how: 'video',
        link: 'https://meet.google.com/abc-defg-hij',
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'start', code: 'fair.slot.outside_hours' }] });
    const slots = await Fair.publishSlots(as(employer), {
      fairId: fair.id,
      companyId,
      date: fair.startDate,
      start: '09:00',
      minutes: 15,
      count: 4,
      how: 'video',
      link: 'https://meet.google.com/abc-defg-hij',
    });
    expect(slots.map((s) => s.startsAt)).toEqual(
      ['02:00', '02:15', '02:30', '02:45'].map((t) => `${fair.startDate}T${t}:00.000Z`),
    );
    const first = slots[0] as Fair.Slot;
    // Not shortlisted: no booking.
    const stranger = await person('Belum Lolos');
    await expect(
      Fair.bookSlot(as(stranger), { fairId: fair.id, companyId, key: first.key, vacancyId }),
    ).rejects.toMatchObject({ code: 'fair.slot.not_shortlisted' });
    const racers = await Promise.all(Array.from({ length: 50 }, (_, i) => shortlisted(`Kandidat ${i}`)));
    const results = await Promise.allSettled(
      racers.map((r) => Fair.bookSlot(as(r), { fairId: fair.id, companyId, key: first.key, vacancyId })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : [])))).toEqual(
      new Set(['fair.slot.taken']),
    );
    const winner = racers[results.findIndex((r) => r.status === 'fulfilled')] as Actor;
    expect((await Application.find(db, vacancyId, winner.userId))?.stage).toBe('interview');
    // One slot per application: cancel first, then book another.
    const second = slots[1] as Fair.Slot;
    await expect(
      Fair.bookSlot(as(winner), { fairId: fair.id, companyId, key: second.key, vacancyId }),
    ).rejects.toMatchObject({ code: 'fair.slot.one_per_application' });
    await Fair.cancelBooking(as(winner), { fairId: fair.id, companyId, key: first.key });
    await Fair.bookSlot(as(winner), { fairId: fair.id, companyId, key: second.key, vacancyId });
    // Others see the slot as taken, not who took it; the booth sees the name.
    const publicView = await Fair.slotsOf(as(racers[0] === winner ? racers[1] : racers[0]), {
      fairId: fair.id,
      companyId,
    });
    expect(publicView.find((s) => s.key === second.key)).toMatchObject({ bookedBy: 'taken', bookedName: undefined });
    const boothView = await Fair.slotsOf(as(employer), { fairId: fair.id, companyId });
    expect(boothView.find((s) => s.key === second.key)?.bookedName).toBe(winner.name);
    await Fair.markAttendance(as(employer), { fairId: fair.id, companyId, key: second.key, attendance: 'attended' });
    await expect(
      Fair.markAttendance(as(employer), { fairId: fair.id, companyId, key: first.key, attendance: 'attended' }),
    ).rejects.toMatchObject({ code: 'fair.slot.not_booked' });
    // Too close to the slot: no more changes.
    const late = Date.parse(second.startsAt) - 3600_000;
    await expect(
      Fair.cancelBooking(as(winner, late), { fairId: fair.id, companyId, key: second.key }),
    ).rejects.toMatchObject({ code: 'fair.slot.too_late' });
  });
});

describe('the fair report', () => {
  it('counts registrations, check-ins, visits, applications, interviews and hires, by employer and kecamatan, from the stream', async () => {
    const fair = await publishedFair('Bursa Kerja Laporan');
    await Fair.applyForBooth(as(employer), { fairId: fair.id, companyId });
    await Fair.decideBooth(as(officer), { fairId: fair.id, companyId, decision: 'approve' });
    await Fair.updateBooth(as(employer), { fairId: fair.id, companyId, vacancyIds: [vacancyId] });
    const [slot] = await Fair.publishSlots(as(employer), {
      fairId: fair.id,
      companyId,
      date: fair.startDate,
      start: '10:00',
      minutes: 20,
      count: 1,
      how: 'onsite',
      table: 'Meja 4',
    });
    // Two visitors with profiles in Kecamatan Tangerang; one checks in, applies at the booth, is interviewed and hired.
    const [a, b] = await Promise.all([person('Ayu'), person('Bayu')]);
    for (const who of [a, b] as Actor[])
      await Profile.save(as(who), {
        birthYear: 2000,
        districtCode: '36.71.01',
        villageCode: '36.71.01.1001',
        education: 'SMK',
        skills: 'jahit',
        languages: 'Indonesia',
      } as never);
    const ticket = await Fair.register(as(a), { fairId: fair.id });
    await Fair.register(as(b), { fairId: fair.id });
    await Fair.checkIn(as(officer), { fairId: fair.id, input: ticket.code });
    await Fair.countVisit(db, fair.id, companyId);
    await Fair.countVisit(db, fair.id, companyId);
    await Fair.applyAtBooth(as(a), { fairId: fair.id, companyId, vacancyId });
    await Application.move(as(employer), { vacancyId, userId: (a as Actor).userId, to: 'shortlisted' });
    await Fair.bookSlot(as(a), { fairId: fair.id, companyId, key: (slot as Fair.Slot).key, vacancyId });
    await Fair.markAttendance(as(employer), {
      fairId: fair.id,
      companyId,
      key: (slot as Fair.Slot).key,
      attendance: 'attended',
    });
    await Application.move(as(employer), { vacancyId, userId: (a as Actor).userId, to: 'hired' });
    await projections.settle();
    const report = await Fair.fairReport(as(officer), { fairId: fair.id });
    expect(report.total).toMatchObject({
      registered: 2,
      checkedIn: 1,
      visits: 2,
      applications: 1,
      shortlisted: 1,
      interviewed: 1,
      attended: 1,
      hired: 1,
    });
    expect(report.byEmployer).toEqual([expect.objectContaining({ label: 'PT Garmen Cisadane', visits: 2, hired: 1 })]);
    expect(report.byVillage).toEqual([
      expect.objectContaining({ key: 'village#36.71.01.1001', registered: 2, hired: 1 }),
    ]);
    expect(report.byDistrict.find((r) => r.key === 'district#36.71.01')).toMatchObject({
      registered: 2,
      checkedIn: 1,
      applications: 1,
    });
    expect(Fair.reportCsv(report).split('\r\n')[1]).toBe('total,Bursa Kerja Laporan,2,1,2,1,1,1,1,1');
    // The employer sees their own booth; anyone else nothing.
    const own = await Fair.fairReport(as(employer), { fairId: fair.id, companyId });
    expect(own.byEmployer.map((r) => r.key)).toEqual([`company#${companyId}`]);
    expect(own.byDistrict).toEqual([]);
    expect(own.byVillage).toEqual([]);
    await expect(Fair.fairReport(as(a), { fairId: fair.id, companyId })).rejects.toMatchObject({
      code: 'fair.officers_only',
    });
  });
});

describe('after booking', () => {
  it('both sides are notified, the candidate gets a calendar file and, an hour before, one reminder', async () => {
    const fair = await publishedFair('Bursa Kerja Pengingat');
    await Fair.applyForBooth(as(employer), { fairId: fair.id, companyId });
    await Fair.decideBooth(as(officer), { fairId: fair.id, companyId, decision: 'approve' });
    const [slot] = await Fair.publishSlots(as(employer), {
      fairId: fair.id,
      companyId,
      date: fair.startDate,
      start: '13:00',
      minutes: 30,
      count: 1,
      how: 'video',
      link: 'https://meet.google.com/xyz-wxyz-abc',
    });
    const candidate = await shortlisted('Dina Kandidat');
    await Fair.bookSlot(as(candidate), { fairId: fair.id, companyId, key: (slot as Fair.Slot).key, vacancyId });
    await projections.settle();
    const kinds = async (who: Actor) => (await Notification.inbox(as(who), {})).items.map((n) => n.kind);
    expect(await kinds(candidate)).toContain('slot_booked');
    expect(await kinds(employer)).toContain('slot_booked_booth');
    const ics = await Fair.slotCalendar(as(candidate), { fairId: fair.id, companyId, key: (slot as Fair.Slot).key });
    expect(ics).toContain(`DTSTART:${fair.startDate.replace(/-/g, '')}T060000Z`);
    expect(ics).toContain('LOCATION:https://meet.google.com/xyz-wxyz-abc');
    await expect(
      Fair.slotCalendar(as(await person('Orang Lain')), { fairId: fair.id, companyId, key: (slot as Fair.Slot).key }),
    ).rejects.toMatchObject({ code: 'fair.slot.not_found' });
    const start = Date.parse((slot as Fair.Slot).startsAt);
    const config = loadConfig({ TABLE_NAME: db.tableName });
    expect(await remindInterviews(config, db, () => start - 3 * 3600_000)).toBe(0);
    expect(await remindInterviews(config, db, () => start - 60 * 60_000)).toBe(1);
    expect(await remindInterviews(config, db, () => start - 55 * 60_000)).toBe(0);
    const reminder = (await Notification.inbox(as(candidate), {})).items.find((n) => n.kind === 'slot_reminder');
    expect(Notification.render(reminder as never, 'id')).toBe(
      'Pengingat: wawancara dengan PT Garmen Cisadane pukul 13.00 WIB (Bursa Kerja Pengingat).',
    );
  });
});
