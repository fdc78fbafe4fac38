import { PutObjectCommand } from '@aws-sdk/client-s3';
import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError, newId } from '@bursa/core/kernel';
import { mediaClient } from '@bursa/core/media-client';
import * as Profile from '@bursa/core/profile';
import * as Region from '@bursa/core/region';
import * as Vacancy from '@bursa/core/vacancy';
import { DEMO_PASSWORD, type DemoEmployers, demoLogins } from './demo.ts';
import { inParallel } from './parallel.ts';
import { makeCvPdf } from './pdf.ts';

/**
 * About 30 job seekers across Kota Tangerang's kelurahan with realistic
 * profiles (half with a PDF CV), applying to the demo vacancies, and the
 * employers moving those applications through every stage, so the pipeline,
 * the funnel counters and the inboxes have something to show on first start.
 * The demo resident (README) gets a full profile, a CV, an interview and a hire.
 * Idempotent: people, profiles and applications that exist are left alone.
 */
const FIRST = [
  'Siti',
  'Dewi',
  'Rina',
  'Nur',
  'Putri',
  'Ayu',
  'Wulan',
  'Indah',
  'Budi',
  'Agus',
  'Joko',
  'Rizky',
  'Dimas',
  'Fajar',
  'Hendra',
];
const LAST = [
  'Aminah',
  'Lestari',
  'Hidayat',
  'Saputra',
  'Kurniawan',
  'Rahmawati',
  'Setiawan',
  'Maulana',
  'Permata',
  'Susanti',
];
const TRACKS = [
  {
    skills: ['Menjahit', 'Obras', 'Pola'],
    major: 'Tata Busana',
    education: 'SMK',
    cert: ['blk', 'BLK Kota Tangerang', 'Menjahit'],
    job: 'Operator Jahit',
  },
  {
    skills: ['Kasir', 'Pelayanan pelanggan'],
    major: undefined,
    education: 'SMA',
    cert: undefined,
    job: 'Kasir Minimarket',
  },
  {
    skills: ['Gudang', 'Forklift', 'Microsoft Excel'],
    major: 'Teknik Mesin',
    education: 'SMK',
    cert: ['lpks', 'LPKS Karya Mandiri', 'Operator Forklift'],
    job: 'Helper Gudang',
  },
  {
    skills: ['Tata Boga', 'Barista'],
    major: 'Tata Boga',
    education: 'SMK',
    cert: ['blk', 'BLK Kota Tangerang', 'Tata Boga'],
    job: 'Cook Helper',
  },
  {
    skills: ['Mengemudi (SIM B1)', 'Perawatan kendaraan'],
    major: undefined,
    education: 'SMP',
    cert: undefined,
    job: 'Sopir Ekspedisi',
  },
  {
    skills: ['Administrasi', 'Microsoft Excel', 'Arsip'],
    major: 'Akuntansi',
    education: 'D3',
    cert: ['kemnaker', 'Kemnaker', 'Administrasi Perkantoran'],
    job: 'Staf Administrasi',
  },
] as const;
/** What happens to each application, by its position: every stage appears, most stay early, as in a real fair. */
const PLAN = [
  'applied',
  'applied',
  'applied',
  'shortlisted',
  'shortlisted',
  'interview',
  'hired',
  'rejected',
  'applied',
  'withdrawn',
] as const;
const PATHS: Record<(typeof PLAN)[number], string[]> = {
  applied: [],
  shortlisted: ['shortlisted'],
  interview: ['shortlisted', 'interview'],
  hired: ['shortlisted', 'interview', 'hired'],
  rejected: ['rejected'],
  withdrawn: [],
};

export async function seedSeekers(db: Db, config: Config, employers: DemoEmployers, count = 30) {
  if (employers.length === 0) return { seekers: 0, applications: 0, actors: [] as Actor[] };
  const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
  const regency = await Region.get(db, config.homeRegency);
  const villages = regency.districts.flatMap((d) => d.villages.map((v) => ({ district: d.code, village: v.code })));
  // Open vacancies of the demo employers, read from each company (the listing may still be projecting).
  const vacancies: { vacancy: Vacancy.Info; employer: Actor }[] = [];
  for (const { companyId, employer } of employers) {
    const list = await Vacancy.listByCompany(as(employer), { companyId });
    // Open ones have every detail (isComplete tells the types so).
    for (const v of list.vacancies)
      if (v.effectiveStatus === 'open' && Vacancy.isComplete(v)) vacancies.push({ vacancy: v, employer });
  }
  let applications = 0;
  const people = Array.from({ length: count }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    phone: `0813 ${String(5100 + i).padStart(4, '0')} ${String(2200 + i * 3).padStart(4, '0')}`,
  }));
  const demoResident = { name: 'Andi Pratama', phone: demoLogins[2].login };
  const seekers: Actor[] = [];
  await inParallel([demoResident, ...people], 4, async (person, i) => {
    const seeker = await ensureSeeker(as(undefined), person.name, person.phone);
    seekers[i] = seeker;
    const track = TRACKS[i % TRACKS.length] as (typeof TRACKS)[number];
    const place = villages[(i * 13) % villages.length] as { district: string; village: string };
    if (!(await Profile.find(db, seeker.userId))) {
      await Profile.save(as(seeker), {
        birthYear: 1988 + (i % 16),
        gender: FIRST.indexOf(person.name.split(' ')[0] ?? '') < 8 ? 'female' : 'male',
        districtCode: place.district,
        villageCode: place.village,
        education: track.education,
        ...(track.major ? { major: track.major } : {}),
        skills: [...track.skills],
        languages: i % 4 === 0 ? ['Indonesia', 'Inggris'] : ['Indonesia'],
        experience:
          i % 3 === 0
            ? []
            : [
                {
                  title: track.job,
                  employer: i % 2 ? 'UD Maju Jaya' : 'CV Berkah Abadi',
                  startYear: 2019 + (i % 4),
                  endYear: 2024,
                },
              ],
        certificates: track.cert
          ? [{ programme: track.cert[0], institution: track.cert[1], track: track.cert[2], year: 2021 + (i % 3) }]
          : [],
        ...(i % 3 === 1 ? { ak1: `3671${2023 + (i % 3)}${String(10000 + i).padStart(8, '0')}` } : {}),
        openToWork: true,
      } as never);
      if (config.s3Endpoint && i % 2 === 0) await uploadCv(as(seeker), person.name, track);
    }
    // Two applications each, to vacancies spread over every demo employer.
    for (const k of [0, 1]) {
      const target = vacancies[(i * 3 + k * 5) % vacancies.length];
      if (!target) continue;
      if (await Application.find(db, target.vacancy.id, seeker.userId)) continue;
      const answers = (target.vacancy.questions ?? []).map((q) =>
        q.kind === 'yes_no' ? 'yes' : '2 tahun di konveksi',
      );
      try {
        await Application.apply(as(seeker), {
          vacancyId: target.vacancy.id,
          answers,
          ...(k === 0 ? { coverNote: 'Saya siap bekerja dan bisa mulai segera.' } : {}),
        });
      } catch (e) {
        if (e instanceof DomainError && e.kind !== 'unavailable') continue; // their own company, or already applied
        throw e;
      }
      applications++;
      const plan = i === 0 ? (k === 0 ? 'hired' : 'interview') : PLAN[(i + k * 3) % PLAN.length];
      if (!plan) continue;
      const key = { vacancyId: target.vacancy.id, userId: seeker.userId };
      if (plan === 'withdrawn') await Application.withdraw(as(seeker), key);
      for (const to of PATHS[plan]) {
        await Application.move(as(target.employer), {
          ...key,
          to,
          ...(to === 'rejected' ? { reason: 'qualifications' } : {}),
        } as never);
      }
    }
  });
  return { seekers: people.length + 1, applications, actors: seekers };
}

async function ensureSeeker(ctx: Ctx, name: string, phone: string): Promise<Actor> {
  const id = Account.parseIdentifier(phone);
  if (!id) throw new Error(`Bad demo phone ${phone}`);
  let userId = await Account.findUserId(ctx.db, id);
  if (!userId) {
    try {
      userId = (await Account.register(ctx, { name, phone, password: DEMO_PASSWORD })).user.id;
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'conflict')) throw e;
      userId = await Account.findUserId(ctx.db, id);
    }
  }
  if (!userId) throw new Error(`Could not create demo job seeker ${phone}`);
  const user = await Account.getUser(ctx.db, userId);
  return { userId, name: user.name, roles: user.roles };
}

/** A small real PDF CV, put where a browser upload would land, then checked and attached like one. */
async function uploadCv(ctx: Ctx, name: string, track: (typeof TRACKS)[number]) {
  const userId = ctx.actor?.userId as string;
  const key = `private/cv/${userId}/${newId()}.pdf`;
  const body = makeCvPdf([
    `Curriculum Vitae: ${name}`,
    `Keahlian: ${track.skills.join(', ')}`,
    `Pendidikan: ${track.education}${track.major ? ` ${track.major}` : ''}`,
    `Pengalaman: ${track.job}`,
    'Domisili: Kota Tangerang',
  ]);
  await mediaClient(ctx.config).send(
    new PutObjectCommand({ Bucket: ctx.config.mediaBucket, Key: key, Body: body, ContentType: 'application/pdf' }),
  );
  await Profile.attachCv(ctx, { key });
}
