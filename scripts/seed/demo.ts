import * as Account from '@bursa/core/account';
import * as Company from '@bursa/core/company';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError, type Role, todayInJakarta } from '@bursa/core/kernel';
import * as Vacancy from '@bursa/core/vacancy';

/**
 * Demo data for Kota Tangerang: employers (verified and not) with realistic
 * vacancies across kecamatan, types and education levels, an officer and a
 * resident. Idempotent: existing accounts, companies and vacancies (matched by
 * email, name and title) are reused, never duplicated. Fictional companies.
 */
export const DEMO_PASSWORD = 'bursa2026';

export const demoLogins = [
  { role: 'officer', login: 'petugas@disnaker.tangerangkota.go.id' },
  { role: 'employer', login: 'hrd@sinargarmen.co.id' },
  { role: 'job seeker', login: '0812 3456 7890' },
  { role: 'seller', login: '0812 9000 1001' },
  { role: 'group member', login: '0812 9000 2001' },
] as const;

type DemoVacancy = {
  title: string;
  description: string;
  type: 'full_time' | 'part_time' | 'contract' | 'apprenticeship' | 'overseas';
  minEducation: 'SD' | 'SMP' | 'SMA' | 'SMK' | 'D3' | 'S1' | 'S2';
  skills: string[];
  salaryMin?: number;
  salaryMax?: number;
  openings: number;
  closesInDays: number;
  /**
   * Warnings the employer confirmed when publishing (vacancy.fields.ts): a part-time wage below the UMK.
   * Full-time and contract wages are at or above the UMK of Kota Tangerang (Rp5.399.405 in 2026).
   */
  confirm?: Vacancy.Confirmation[];
  questions?: { text: string; kind: 'yes_no' | 'text' }[];
  /**
   * Held vacancies (an unverified company's, or one asking for money) are approved by the
   * demo officer unless this is set: then it waits in the office's review queue (/kantor/tinjauan).
   */
  leaveHeld?: true;
};

type DemoEmployer = {
  contact: { name: string; email: string };
  verified: boolean;
  company: {
    name: string;
    sector: (typeof Company.SECTORS)[number];
    address: string;
    villageCode: string;
    contactPhone: string;
    nib?: string;
    description: string;
  };
  vacancies: DemoVacancy[];
};

const employers: DemoEmployer[] = [
  {
    contact: { name: 'Rina Marlina', email: 'hrd@sinargarmen.co.id' },
    verified: true,
    company: {
      name: 'PT Sinar Garmen Tangerang',
      sector: 'manufaktur',
      address: 'Jl. Industri Raya No. 12, Kawasan Industri Jatake',
      villageCode: '36.71.02.1002',
      contactPhone: '021-5901234',
      nib: '9120001234567',
      description: 'Produsen pakaian jadi untuk ekspor sejak 2004, 1.200 karyawan.',
    },
    vacancies: [
      {
        title: 'Operator Jahit',
        description:
          'Menjahit pakaian jadi sesuai standar mutu ekspor. Sistem kerja shift, target harian, lingkungan kerja ber-AC.',
        type: 'full_time',
        minEducation: 'SMP',
        skills: ['menjahit', 'mesin jahit industri'],
        salaryMin: 5_400_000,
        salaryMax: 5_900_000,
        openings: 25,
        closesInDays: 30,
        questions: [
          { text: 'Bersedia kerja shift malam?', kind: 'yes_no' },
          { text: 'Sudah berapa lama Anda menjahit dengan mesin industri?', kind: 'text' },
        ],
      },
      {
        title: 'Quality Control Garmen',
        description: 'Memeriksa hasil jahitan dan ukuran produk, mencatat cacat produksi, dan melapor ke kepala lini.',
        type: 'contract',
        minEducation: 'SMK',
        skills: ['QC', 'teliti'],
        salaryMin: 5_450_000,
        salaryMax: 6_000_000,
        openings: 4,
        closesInDays: 21,
      },
      {
        title: 'Admin Produksi',
        description:
          'Mengelola data produksi harian, laporan stok bahan, dan koordinasi dengan gudang. Menguasai Excel.',
        type: 'full_time',
        minEducation: 'D3',
        skills: ['Microsoft Excel', 'administrasi'],
        salaryMin: 5_600_000,
        salaryMax: 6_500_000,
        openings: 1,
        closesInDays: 14,
      },
    ],
  },
  {
    contact: { name: 'Agus Salim', email: 'rekrutmen@dapurnusantara.id' },
    verified: true,
    company: {
      name: 'CV Dapur Nusantara',
      sector: 'makanan_minuman',
      address: 'Jl. Imam Bonjol No. 88, Karawaci',
      villageCode: '36.71.07.1001',
      contactPhone: '0813 1122 3344',
      description: 'Rumah makan dan katering masakan Nusantara dengan tiga cabang di Kota Tangerang.',
    },
    vacancies: [
      {
        title: 'Juru Masak',
        description:
          'Menyiapkan menu harian dan pesanan katering, menjaga kebersihan dapur sesuai standar keamanan pangan.',
        type: 'full_time',
        minEducation: 'SMK',
        skills: ['memasak', 'tata boga'],
        salaryMin: 5_400_000,
        salaryMax: 6_000_000,
        openings: 3,
        closesInDays: 20,
      },
      {
        title: 'Kasir Paruh Waktu',
        description: 'Melayani pembayaran tunai dan QRIS di kasir, akhir pekan dan sore hari. Cocok untuk mahasiswa.',
        type: 'part_time',
        minEducation: 'SMA',
        skills: ['pelayanan pelanggan'],
        salaryMin: 2_000_000,
        salaryMax: 2_500_000,
        openings: 2,
        closesInDays: 10,
        // Part-time below the UMK: the employer confirmed it matches the shorter hours.
        confirm: ['below_umk'],
      },
      {
        title: 'Magang Barista',
        description:
          'Program magang tiga bulan: belajar menyeduh kopi, melayani tamu, dan mengelola stok bar. Uang saku dan sertifikat.',
        type: 'apprenticeship',
        minEducation: 'SMA',
        skills: ['kopi'],
        salaryMin: 1_500_000,
        openings: 4,
        closesInDays: 25,
      },
    ],
  },
  {
    contact: { name: 'Hendra Wijaya', email: 'hr@logistikcipta.co.id' },
    verified: true,
    company: {
      name: 'PT Logistik Cipta Mandiri',
      sector: 'logistik',
      address: 'Jl. Marsekal Suryadarma No. 3, Batuceper',
      villageCode: '36.71.03.1003',
      contactPhone: '021-5523344',
      nib: '9120007654321',
      description: 'Jasa pengiriman dan pergudangan dekat Bandara Soekarno-Hatta.',
    },
    vacancies: [
      {
        title: 'Sopir Pengiriman (SIM B1)',
        description: 'Mengantar barang ke pelanggan di Jabodetabek dengan truk engkel. Wajib memiliki SIM B1 aktif.',
        type: 'contract',
        minEducation: 'SMA',
        skills: ['SIM B1', 'mengemudi'],
        salaryMin: 5_500_000,
        salaryMax: 6_500_000,
        openings: 6,
        closesInDays: 28,
      },
      {
        title: 'Staf Gudang',
        description: 'Bongkar muat, menyusun barang, dan mencatat keluar masuk barang dengan pemindai.',
        type: 'full_time',
        minEducation: 'SMP',
        skills: ['bongkar muat'],
        salaryMin: 5_400_000,
        openings: 10,
        closesInDays: 18,
      },
    ],
  },
  {
    contact: { name: 'Dewi Lestari', email: 'penempatan@binakaryamigran.co.id' },
    verified: true,
    company: {
      name: 'PT Bina Karya Migran',
      sector: 'jasa',
      address: 'Jl. Daan Mogot Km. 21 No. 7, Tangerang',
      villageCode: '36.71.01.1001',
      contactPhone: '021-5578899',
      nib: '9120001112223',
      description:
        'Perusahaan penempatan pekerja migran Indonesia (P3MI) berizin, bekerja sama dengan Disnaker dan BP2MI.',
    },
    vacancies: [
      {
        title: 'Perawat Lansia (Kaigo) di Jepang',
        description:
          'Penempatan tiga tahun di panti lansia di Jepang. Pelatihan bahasa Jepang N4 dibiayai. Tanpa biaya penempatan.',
        type: 'overseas',
        minEducation: 'D3',
        skills: ['keperawatan', 'bahasa Jepang'],
        salaryMin: 17_000_000,
        salaryMax: 20_000_000,
        openings: 15,
        closesInDays: 45,
      },
      {
        title: 'Operator Pabrik di Korea Selatan',
        description:
          'Program G to G, penempatan di industri manufaktur. Wajib lulus EPS-TOPIK. Tanpa biaya penempatan.',
        type: 'overseas',
        minEducation: 'SMA',
        skills: ['bahasa Korea'],
        salaryMin: 25_000_000,
        openings: 20,
        closesInDays: 40,
      },
    ],
  },
  {
    contact: { name: 'dr. Yuni Kartika', email: 'sdm@kliniksehatcibodas.id' },
    verified: false,
    company: {
      name: 'Klinik Sehat Cibodas',
      sector: 'kesehatan',
      address: 'Jl. Prabu Kian Santang No. 21, Cibodas',
      villageCode: '36.71.09.1001',
      contactPhone: '0857 7788 9900',
      description: 'Klinik pratama dengan layanan umum, gigi, dan KIA.',
    },
    vacancies: [
      {
        title: 'Perawat Klinik',
        description:
          'Membantu dokter di poli umum, pemeriksaan awal pasien, dan administrasi rekam medis. Memiliki STR aktif.',
        type: 'full_time',
        minEducation: 'D3',
        skills: ['STR', 'keperawatan'],
        salaryMin: 5_400_000,
        salaryMax: 6_000_000,
        openings: 2,
        closesInDays: 15,
      },
      {
        title: 'Asisten Apoteker',
        description:
          'Menyiapkan obat sesuai resep, mencatat stok apotek klinik, dan melayani pasien. Lulusan D3 Farmasi.',
        type: 'full_time',
        minEducation: 'D3',
        skills: ['farmasi', 'stok obat'],
        salaryMin: 5_400_000,
        openings: 1,
        closesInDays: 25,
        leaveHeld: true,
      },
    ],
  },
  {
    contact: { name: 'Fajar Nugroho', email: 'karier@kotadigital.id' },
    verified: false,
    company: {
      name: 'PT Teknologi Kota Digital',
      sector: 'teknologi',
      address: 'Jl. KH Hasyim Ashari No. 45, Cipondoh',
      villageCode: '36.71.05.1001',
      contactPhone: '0819 2233 4455',
      description: 'Perusahaan rintisan pembuat aplikasi layanan publik dan UMKM.',
    },
    vacancies: [
      {
        title: 'Magang Web Developer',
        description: 'Magang enam bulan membangun aplikasi web dengan mentor. Terbuka untuk lulusan SMK RPL/TKJ.',
        type: 'apprenticeship',
        minEducation: 'SMK',
        skills: ['HTML', 'JavaScript'],
        salaryMin: 2_000_000,
        openings: 3,
        closesInDays: 30,
      },
      {
        title: 'Staf IT Support',
        description:
          'Merawat perangkat kantor klien, memasang jaringan, dan membantu pengguna. Bersedia mobile di Kota Tangerang.',
        type: 'contract',
        minEducation: 'D3',
        skills: ['jaringan', 'Windows'],
        openings: 2,
        closesInDays: 12,
      },
      {
        // A scam's pattern, for the office's review queue: held for its money phrases.
        title: 'Telemarketing Aplikasi',
        description:
          'Menawarkan aplikasi kasir ke UMKM lewat telepon. Peserta wajib membayar biaya pelatihan Rp250.000, transfer ke rekening perusahaan sebelum mulai.',
        type: 'part_time',
        minEducation: 'SMA',
        skills: ['komunikasi'],
        salaryMin: 1_500_000,
        openings: 10,
        closesInDays: 20,
        confirm: ['below_umk'],
        leaveHeld: true,
      },
    ],
  },
];

async function ensureUser(ctx: Ctx, name: string, login: string, roles: Role[]): Promise<Actor> {
  const { db } = ctx;
  const id = Account.parseIdentifier(login);
  if (!id) throw new Error(`Bad demo login ${login}`);
  let userId = await Account.findUserId(db, id);
  if (!userId) {
    try {
      userId = (await Account.register(ctx, { name, [id.kind]: login, password: DEMO_PASSWORD })).user.id;
    } catch (e) {
      // Another seed run raced us to it: use theirs.
      if (!(e instanceof DomainError && e.kind === 'conflict')) throw e;
      userId = await Account.findUserId(db, id);
    }
  }
  if (!userId) throw new Error(`Could not create demo user ${login}`);
  for (const role of roles) await Account.grantRole(db, userId, role);
  const user = await Account.getUser(db, userId);
  return { userId, name: user.name, roles: user.roles };
}

/** Runs the demo's steps as the people who would take them, through the same use cases as the product. */
export type DemoEmployers = { companyId: string; employer: Actor }[];

export async function seedDemo(
  db: Db,
  config: Config,
): Promise<{ companies: number; vacancies: number; employers: DemoEmployers }> {
  if (config.homeRegency !== '36.71') return { companies: 0, vacancies: 0, employers: [] }; // the demo is Kota Tangerang's
  const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
  const officer = await ensureUser(as(undefined), 'Siti Rahmawati (Disnaker)', demoLogins[0].login, ['officer']);
  await ensureUser(as(undefined), 'Andi Pratama', demoLogins[2].login, []);
  let vacancies = 0;
  const seeded: DemoEmployers = [];
  for (const e of employers) {
    const employer = await ensureUser(as(undefined), e.contact.name, e.contact.email, []);
    const mine = await Company.listMine(as(employer), {});
    const companyId =
      mine.find((m) => m.companyName === e.company.name)?.companyId ??
      (
        await Company.create(as(employer), {
          ...e.company,
          districtCode: e.company.villageCode.slice(0, 8),
        })
      ).id;
    seeded.push({ companyId, employer });
    if (e.verified && (await Company.get(db, companyId)).status !== 'verified')
      await Company.verify(as(officer), { id: companyId });
    // Vacancies seeded before cards showed the badge carry no copy of it: bring them in step (writes only what differs).
    const { name: companyName, status } = await Company.get(db, companyId);
    await Vacancy.refreshCompanyCopies(db, companyId, { companyName, companyVerified: status === 'verified' });
    const existing = new Set((await Vacancy.listByCompany(as(employer), { companyId })).vacancies.map((v) => v.title));
    for (const v of e.vacancies) {
      if (existing.has(v.title)) continue;
      const { closesInDays, leaveHeld, ...input } = v;
      const created = await Vacancy.create(as(employer), {
        companyId,
        ...input,
        districtCode: e.company.villageCode.slice(0, 8),
        closingDate: todayInJakarta(Date.now() + closesInDays * 86_400_000),
        publish: true,
      });
      // Unverified companies' vacancies are held for review (HOLD_UNVERIFIED_VACANCIES): the officer has looked at most.
      if (created.status === 'review' && !leaveHeld) await Vacancy.approve(as(officer), { id: created.id });
      vacancies++;
    }
  }
  return { companies: employers.length, vacancies, employers: seeded };
}
