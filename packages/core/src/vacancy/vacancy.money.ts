import type { Info as Company } from '../company/company.use-cases.ts';
import type { Config } from '../kernel/config.ts';
import type { HOLD_REASONS } from './vacancy.entity.ts';
import type { Stored } from './vacancy.use-cases.ts';

/**
 * Job scams ask applicants for money: a registration or "administration" fee,
 * paid training or medical check-up, a uniform, a deposit. A vacancy whose
 * title or description says any of these is held for an officer's review
 * whatever the company (vacancy.review.ts), with the phrases found kept on
 * it so the officer sees why. Phrases are matched whole-word on normalised
 * text (lowercase, accents and punctuation dropped, spaces collapsed), so
 * "Biaya-Pendaftaran" and "biaya  pendaftaran" both match, "DP" does not
 * match "dpr" and "deposit" does not match "depositori".
 */
export const MONEY_PHRASES = [
  'biaya pendaftaran',
  'biaya administrasi',
  'biaya admin',
  'biaya pelatihan',
  'biaya training',
  'biaya medical',
  'biaya medis',
  'biaya tes kesehatan',
  'biaya mcu',
  'medical check up berbayar',
  'medical checkup berbayar',
  'mcu berbayar',
  'biaya seragam',
  'biaya proses',
  'biaya pengurusan',
  'biaya penempatan',
  'biaya tiket',
  'transfer ke rekening',
  'transfer ke no rekening',
  'transfer ke nomor rekening',
  'kirim uang',
  'uang jaminan',
  'uang pendaftaran',
  'uang administrasi',
  'uang seragam',
  'uang pelatihan',
  'dana jaminan',
  'deposit',
  'dp',
  'down payment',
  'bayar di muka',
  'pembayaran di muka',
  'wajib membayar',
  'dikenakan biaya',
] as const;

/** Lowercase, no accents, words separated by single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The money phrases a vacancy's title and description contain, in list order. */
export function moneyPhrases(fields: { title: string; description: string }): string[] {
  const text = ` ${normaliseText(`${fields.title} ${fields.description}`)} `;
  return MONEY_PHRASES.filter((p) => text.includes(` ${p} `));
}

export type HoldReason = (typeof HOLD_REASONS)[number];
export type Hold = { reasons: HoldReason[]; phrases: string[]; at: string };

/**
 * Whether a vacancy about to be (or staying) open must wait for an officer,
 * and why. Unverified companies' vacancies are held when the deployment says
 * so (HOLD_UNVERIFIED_VACANCIES), unless an officer already approved this one;
 * money phrases are held whatever the company, except those an officer
 * already accepted on it (a bank's "deposit" teller, say).
 */
export function holdFor(
  input: {
    holdUnverified: boolean;
    companyVerified: boolean;
    fields: { title: string; description: string };
    approved?: { at?: string | undefined; phrases?: string[] | undefined };
  },
  at: string,
): Hold | undefined {
  const accepted = new Set(input.approved?.phrases ?? []);
  const phrases = moneyPhrases(input.fields);
  const reasons: HoldReason[] = [];
  if (input.holdUnverified && !input.companyVerified && !input.approved?.at) reasons.push('unverified');
  if (phrases.some((p) => !accepted.has(p))) reasons.push('money');
  return reasons.length ? { reasons, phrases, at } : undefined;
}

/** What `holdFor` needs: the deployment's setting, the company's status, the fields, a past approval. */
export function holdInput(
  ctx: { config: Config },
  company: Company,
  fields: { title: string; description: string },
  before?: Stored,
) {
  return {
    holdUnverified: ctx.config.holdUnverifiedVacancies,
    // Already open (published before the setting, or approved): only new money phrases hold it.
    companyVerified: company.status === 'verified' || before?.status === 'open',
    fields,
    approved: { at: before?.approvedAt, phrases: before?.approvedPhrases },
  };
}
