import * as Company from '@bursa/core/company';
import type { Db } from '@bursa/core/db';
import type { Actor, Config, Ctx } from '@bursa/core/kernel';
import * as Moderation from '@bursa/core/moderation';
import * as Vacancy from '@bursa/core/vacancy';
import type { DemoEmployers } from './demo.ts';

/**
 * Reports waiting in the office's queue (/kantor/laporan) on first start:
 * two residents report an open vacancy of a company Disnaker has not verified
 * (asked to pay for a uniform over WhatsApp), one reports the company itself.
 * Idempotent: a person's second report on the same thing updates it.
 */
export async function seedReports(db: Db, config: Config, employers: DemoEmployers, residents: Actor[]) {
  const [first, second] = residents;
  if (!first || !second) return 0;
  const as = (actor: Actor): Ctx => ({ db, config, actor });
  for (const { companyId, employer } of employers) {
    if ((await Company.get(db, companyId)).status === 'verified') continue;
    const { vacancies } = await Vacancy.listByCompany(as(employer), { companyId });
    const open = vacancies.find((v) => v.effectiveStatus === 'open');
    if (!open) continue;
    await Moderation.report(as(first), {
      kind: 'vacancy',
      id: open.id,
      reason: 'scam',
      note: 'Setelah melamar, saya diminta transfer Rp150.000 untuk seragam lewat WhatsApp.',
    });
    await Moderation.report(as(second), { kind: 'vacancy', id: open.id, reason: 'scam' });
    await Moderation.report(as(second), {
      kind: 'company',
      id: companyId,
      reason: 'false_info',
      note: 'Alamat kantornya ternyata rumah kosong.',
    });
    return 3;
  }
  return 0;
}
