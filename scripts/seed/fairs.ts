import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import type { Db } from '@bursa/core/db';
import * as Fair from '@bursa/core/fair';
import { type Actor, type Config, type Ctx, DomainError, todayInJakarta } from '@bursa/core/kernel';
import * as Vacancy from '@bursa/core/vacancy';
import type { DemoEmployers } from './demo.ts';

const DAY = 86_400_000;

/**
 * Demo job fairs: one past (ended, with booths, registrations and check-ins),
 * one live today and tomorrow (booths with vacancies and interview slots,
 * registrations, some checked in, one booked slot), one coming up next month
 * (published, booths waiting for the office). Through the use cases, as the
 * office and the employers would; idempotent (a fair whose address exists is
 * left alone).
 */
export async function seedFairs(db: Db, config: Config, employers: DemoEmployers, seekers: Actor[]): Promise<number> {
  if (employers.length === 0) return 0;
  const officerId = await Account.findUserId(db, { kind: 'email', value: 'petugas@disnaker.tangerangkota.go.id' });
  if (!officerId) return 0;
  const officer: Actor = { userId: officerId, name: 'Petugas Disnaker', roles: ['officer', 'resident'] };
  const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
  const day = (offset: number) => todayInJakarta(Date.now() + offset * DAY);
  const plans = [
    {
      name: 'Job Fair Kota Tangerang Oktober 2026',
      start: -45,
      end: -44,
      end_status: 'ended' as const,
      mode: 'hybrid' as const,
    },
    {
      name: 'Virtual Job Fair Kota Tangerang Desember 2026',
      start: 0,
      end: 1,
      end_status: 'live' as const,
      mode: 'hybrid' as const,
    },
    {
      name: 'Bursa Kerja Kecamatan Karawaci Januari 2027',
      start: 30,
      end: 30,
      end_status: 'published' as const,
      mode: 'onsite' as const,
    },
  ];
  let made = 0;
  for (const [i, plan] of plans.entries()) {
    let fair: Fair.Info;
    try {
      fair = await Fair.createFair(as(officer), {
        name: plan.name,
        description:
          'Bursa kerja Dinas Ketenagakerjaan Kota Tangerang: temui perusahaan di booth, lamar di tempat, dan ikuti wawancara langsung atau lewat video.',
        startDate: day(plan.start),
        endDate: day(plan.end),
        opensAt: '08:00',
        closesAt: '16:00',
        mode: plan.mode,
        venue: i === 2 ? 'Aula Kecamatan Karawaci' : 'Gedung Pusat Pemerintahan Kota Tangerang',
        districtCode: i === 2 ? '36.71.04' : '36.71.01',
        registrationQuota: i === 2 ? 300 : 2000,
        boothQuota: 40,
      });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'fair.slug_taken') continue; // seeded before
      throw e;
    }
    made++;
    await Fair.setFairStatus(as(officer), { fairId: fair.id, status: 'published' });
    // Booths for the verified demo employers (the upcoming fair's wait for the office).
    for (const { companyId, employer } of employers) {
      const booth = await Fair.applyForBooth(as(employer), { fairId: fair.id, companyId }).catch((e) => {
        if (e instanceof DomainError && e.code === 'fair.booth.unverified') return undefined;
        throw e;
      });
      if (!booth || i === 2) continue;
      await Fair.decideBooth(as(officer), { fairId: fair.id, companyId, decision: 'approve' });
      const open = (await Vacancy.listOpenForBooth(as(employer), { companyId })).filter(
        (v) => Vacancy.effectiveStatus(v) === 'open',
      );
      await Fair.updateBooth(as(employer), {
        fairId: fair.id,
        companyId,
        intro: `${booth.companyName} membuka lowongan untuk warga Kota Tangerang. Datang ke booth kami, bawa CV dan kartu AK1.`,
        vacancyIds: open.slice(0, 3).map((v) => v.id),
        recruiters: ['Tim HRD'],
        sessions: [
          {
            title: 'Sesi info: cara melamar dan tahapan seleksi',
            at: `${fair.startDate}T03:00:00.000Z`,
            where: 'Ruang 2',
          },
        ],
      });
      if (i === 1)
        await Fair.publishSlots(as(employer), {
          fairId: fair.id,
          companyId,
          date: fair.endDate,
          start: '09:00',
          minutes: 15,
          count: 8,
          how: 'video',
          link: 'https://meet.google.com/bursa-demo-wawancara',
        });
    }
    // Registrations (the past fair: most checked in; the live one: a few so far).
    if (i === 2) continue;
    if (plan.end_status === 'ended' || plan.end_status === 'live')
      await Fair.setFairStatus(as(officer), { fairId: fair.id, status: 'live' });
    const visitors = seekers.slice(0, i === 0 ? 20 : 12);
    for (const [k, seeker] of visitors.entries()) {
      const ticket = await Fair.register(as(seeker), { fairId: fair.id });
      if (k % (i === 0 ? 5 : 3) !== 4 && (i === 0 || k < 5))
        await Fair.checkIn(as(officer), { fairId: fair.id, input: ticket.code });
    }
    if (plan.end_status === 'ended') await Fair.setFairStatus(as(officer), { fairId: fair.id, status: 'ended' });
    // The live fair: a shortlisted demo applicant books a slot.
    if (i === 1) {
      for (const { companyId } of employers) {
        const slots = await Fair.slotsOf(as(officer), { fairId: fair.id, companyId }).catch(() => []);
        const free = slots.find((s) => !s.bookedBy);
        if (!free) continue;
        for (const seeker of seekers) {
          const apps = await Application.mine(as(seeker), {}).catch(() => undefined);
          const app = apps?.items.find((a) => a.companyId === companyId && a.stage === 'shortlisted');
          if (!app) continue;
          await Fair.bookSlot(as(seeker), {
            fairId: fair.id,
            companyId,
            key: free.key,
            vacancyId: app.vacancyId,
          }).catch(() => undefined);
          break;
        }
        break;
      }
    }
  }
  return made;
}
