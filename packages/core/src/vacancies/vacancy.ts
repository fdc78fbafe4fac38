import { z } from 'zod';
import { EDUCATION_LEVELS, type Education } from '../education/education.ts';

/**
 * A job vacancy posted by a company. Statuses: draft (only members see it),
 * open (listed), closed (by its company, or by an officer with a reason).
 * An open vacancy past its closing date counts as closed: see effectiveStatus.
 */
export const VACANCY_TYPES = ['full_time', 'part_time', 'contract', 'apprenticeship', 'overseas'] as const;
export type VacancyType = (typeof VACANCY_TYPES)[number];
export type VacancyStatus = 'draft' | 'open' | 'closed';

export type Vacancy = {
  id: string;
  companyId: string;
  companyName: string;
  title: string;
  description: string;
  type: VacancyType;
  minEducation: Education;
  skills: string[];
  regencyCode: string;
  districtCode: string;
  villageCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  openings: number;
  /** Last day applications are taken, YYYY-MM-DD in WIB. */
  closingDate: string;
  status: VacancyStatus;
  closedReason?: string;
  closedBy?: 'company' | 'officer' | 'deadline';
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  /** Incremented on every write: updates are conditional on it (optimistic concurrency). */
  version: number;
};

/** Today's date in Jakarta (WIB, UTC+7), YYYY-MM-DD. */
export function todayInJakarta(now = Date.now()): string {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The end of the closing date in WIB, as epoch seconds: when the listing expires. */
export function closingEpochSeconds(closingDate: string): number {
  return Math.floor(Date.parse(`${closingDate}T23:59:59+07:00`) / 1000) + 1;
}

export function effectiveStatus(v: Pick<Vacancy, 'status' | 'closingDate'>, now = Date.now()): VacancyStatus {
  if (v.status === 'open' && v.closingDate < todayInJakarta(now)) return 'closed';
  return v.status;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const rupiah = z.preprocess(
  (v) =>
    typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[.\s]/g, '').replace(/^Rp/i, ''))) : v,
  z
    .number('Tulis angka rupiah, contoh 4500000.')
    .int('Rupiah ditulis tanpa sen.')
    .min(0, 'Gaji tidak boleh negatif.')
    .max(1_000_000_000, 'Gaji terlalu besar.')
    .optional(),
);

export const vacancyInputSchema = z
  .object({
    title: z.string().trim().min(3, 'Judul minimal 3 huruf.').max(120, 'Judul maksimal 120 huruf.'),
    description: z
      .string()
      .trim()
      .min(20, 'Deskripsi minimal 20 huruf: tulis tugas dan syaratnya.')
      .max(5000, 'Deskripsi maksimal 5.000 huruf.'),
    type: z.enum(VACANCY_TYPES, 'Pilih jenis pekerjaan.'),
    minEducation: z.enum(EDUCATION_LEVELS, 'Pilih pendidikan minimal.'),
    skills: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.split(',') : v),
        z
          .array(z.string().trim().max(40, 'Setiap keahlian maksimal 40 huruf.'))
          .transform((list) => [...new Set(list.filter(Boolean))])
          .pipe(z.array(z.string()).max(15, 'Maksimal 15 keahlian.')),
      )
      .default([]),
    districtCode: z.string().trim().min(1, 'Pilih kecamatan.'),
    villageCode: z.preprocess(blank, z.string().trim().optional()),
    salaryMin: rupiah,
    salaryMax: rupiah,
    openings: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z
        .number('Tulis jumlah lowongan.')
        .int('Jumlah lowongan harus bilangan bulat.')
        .min(1, 'Minimal 1 orang.')
        .max(10_000, 'Maksimal 10.000 orang.'),
    ),
    closingDate: z.iso.date('Tulis tanggal penutupan (TTTT-BB-HH).'),
  })
  .refine((v) => typeof v.salaryMin !== 'number' || typeof v.salaryMax !== 'number' || v.salaryMin <= v.salaryMax, {
    message: 'Gaji minimum tidak boleh lebih besar dari gaji maksimum.',
    path: ['salaryMax'],
    // Also when other fields are wrong, so a form shows every mistake at once.
    when: (payload) => payload.issues.every((i) => i.path?.[0] !== 'salaryMin' && i.path?.[0] !== 'salaryMax'),
  });

export type VacancyInput = z.input<typeof vacancyInputSchema>;
