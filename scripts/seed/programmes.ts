import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError } from '@bursa/core/kernel';
import * as Programme from '@bursa/core/programme';
import { demoLogins } from './demo.ts';
import { DEMO_SELLER } from './shops.ts';

type DemoCohort = {
  name: string;
  track: string;
  startDate: string;
  endDate: string;
  villageCode?: string;
  institution?: string;
  instructor: string;
  capacity: number;
  /** name, phone, completed */
  people: [string, string, boolean][];
};
type DemoProgramme = { kind: Programme.ProgrammeKind; name: string; description: string; cohorts: DemoCohort[] };

const seeker = (i: number) => `0813 ${String(5100 + i).padStart(4, '0')} ${String(2200 + i * 3).padStart(4, '0')}`;

/**
 * The office's demo programmes, with cohorts in the past year whose lists hold
 * demo sellers (seed/shops.ts) and job seekers (seed/seekers.ts), some marked
 * completed: their shops show the graduate badge, and Wati's waiting badge
 * request shows her on a cohort list in the officers' queue. Rizky (Batik
 * Cisadane) is enrolled but not yet marked completed, so his shop has no badge
 * until an officer marks him (the office browser test does). A few numbers have
 * no account yet (linked when they register).
 */
const PROGRAMMES: DemoProgramme[] = [
  {
    kind: 'blk',
    name: 'Pelatihan Tata Boga BLK Kelurahan Cibodas',
    description: 'Pelatihan memasak dan mengemas makanan untuk dijual, 12 minggu di BLK kelurahan.',
    cohorts: [
      {
        name: 'Tata Boga Angkatan 1 2026',
        track: 'Tata Boga',
        startDate: '2026-02-02',
        endDate: '2026-04-24',
        institution: 'BLK Kelurahan Cibodas',
        instructor: 'Bu Sri Wahyuni',
        capacity: 20,
        people: [
          ['Ani Suryani', DEMO_SELLER, true],
          ['Siti Aminah', '0812 9000 1005', true],
          ['Andi Pratama', demoLogins[2].login, true],
          ['Lestari Handayani', seeker(0), false],
          ['Putri Ayu', '0857 7000 3001', false],
        ],
      },
    ],
  },
  {
    kind: 'wirausaha_baru',
    name: 'Wirausaha Baru 2025',
    description: 'Pendampingan usaha baru: pembukuan, foto produk dan berjualan daring.',
    cohorts: [
      {
        name: 'WUB Angkatan 3',
        track: 'Kewirausahaan',
        startDate: '2025-12-01',
        endDate: '2026-01-30',
        institution: 'Disnaker Kota Tangerang',
        instructor: 'Pak Hadi Santoso',
        capacity: 30,
        people: [
          ['Dedi Kurniawan', '0812 9000 1002', true],
          ['Rizky Maulana', '0812 9000 1004', false],
          ['Rina Marlina', '0812 9000 1009', false],
        ],
      },
    ],
  },
  {
    kind: 'tkm',
    name: 'TKM Menjahit',
    description: 'Tenaga Kerja Mandiri: menjahit busana muslim dan rajutan, dengan bantuan alat.',
    cohorts: [
      {
        name: 'Menjahit Angkatan 2026',
        track: 'Menjahit',
        startDate: '2026-05-04',
        endDate: '2026-07-31',
        institution: 'LPKS Karya Mandiri',
        instructor: 'Bu Dewi Anggraini',
        capacity: 16,
        people: [
          ['Maya Lestari', '0812 9000 1003', true],
          ['Nur Hasanah', '0812 9000 1007', true],
          ['Eka Rahmawati', '0812 9000 2001', false],
          ['Wati Susanti', '0812 9000 1011', false],
        ],
      },
    ],
  },
  {
    kind: 'pemagangan',
    name: 'Pemagangan',
    description: 'Pemagangan di perusahaan mitra, tiga bulan, dengan uang saku.',
    cohorts: [
      {
        name: 'Pemagangan Manufaktur 2026',
        track: 'Operator Produksi',
        startDate: '2026-08-03',
        endDate: '2026-10-30',
        institution: 'PT Sinar Garmen Indonesia',
        instructor: 'Pak Joko Susilo',
        capacity: 25,
        people: [1, 2, 3, 4, 5, 6].map((i) => [`Peserta Magang ${i}`, seeker(i), i <= 3] as [string, string, boolean]),
      },
    ],
  },
];

const csvOf = (people: DemoCohort['people']) =>
  `nama,hp\n${people.map(([name, phone]) => `"${name}",${phone}`).join('\n')}\n`;

/**
 * Loads the demo programmes idempotently: a programme or cohort with the same
 * name is reused, the CSV import skips numbers already listed, and a
 * completion already made is left alone. `small`: the first two programmes only.
 */
export async function seedProgrammes(
  db: Db,
  config: Config,
  options: { small?: boolean } = {},
): Promise<{ programmes: number; cohorts: number; participants: number }> {
  const officerId = await Account.findUserId(db, { kind: 'email', value: demoLogins[0].login });
  if (!officerId) return { programmes: 0, cohorts: 0, participants: 0 };
  const officer: Actor = { userId: officerId, name: 'Siti Rahmawati (Disnaker)', roles: ['officer'] };
  const ctx: Ctx = { db, config, actor: officer };
  const existing = (await Programme.listProgrammes(ctx, {})).items;
  let cohorts = 0;
  let participants = 0;
  const wanted = options.small ? PROGRAMMES.slice(0, 2) : PROGRAMMES;
  for (const p of wanted) {
    const programme =
      existing.find((x) => x.name === p.name) ??
      (await Programme.createProgramme(ctx, { kind: p.kind, name: p.name, description: p.description }));
    const known = (await Programme.programmeView(ctx, { id: programme.id })).cohorts.items;
    for (const c of p.cohorts) {
      const { people, ...fields } = c;
      const cohort =
        known.find((x) => x.name === c.name) ??
        (await Programme.createCohort(ctx, { ...fields, programmeId: programme.id }));
      cohorts++;
      await Programme.importParticipants(ctx, { cohortId: cohort.id, csv: csvOf(people) });
      participants += people.length;
      for (const [, phone, completed] of people) {
        if (!completed) continue;
        try {
          await Programme.completeParticipant(ctx, { cohortId: cohort.id, phone: Account.normalizePhone(phone) ?? '' });
        } catch (e) {
          if (!(e instanceof DomainError && e.code === 'programme.participant.completed')) throw e;
        }
      }
    }
  }
  return { programmes: wanted.length, cohorts, participants };
}
