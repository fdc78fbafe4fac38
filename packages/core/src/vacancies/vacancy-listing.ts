import { type Education, levelsMeeting } from '../education/education.ts';
import { closingEpochSeconds, type Vacancy, type VacancyType } from './vacancy.ts';

/**
 * How open vacancies are browsed without a Scan. Each open vacancy writes one
 * small listing item into every filter partition it belongs to: kecamatan
 * (or any) × type (or any) × education level that meets its minimum (or any).
 *   pk = VACANCIES#d=<districtCode|*>#t=<type|*>#e=<education|*>
 *   sk = <publishedAt>#<vacancyId>        (descending Query = newest first)
 * So every filter combination is one Query on one partition, paged by cursor.
 * A vacancy needing SD fans out to 2 × 2 × 8 = 32 items; one needing S2 to 12.
 * Items carry expiresAt = end of the closing date (TTL); reads also skip
 * expired items, since TTL deletion is lazy.
 */
export type VacancyFilter = { districtCode?: string; type?: VacancyType; education?: Education };

export const listingPk = (f: VacancyFilter) =>
  `VACANCIES#d=${f.districtCode ?? '*'}#t=${f.type ?? '*'}#e=${f.education ?? '*'}`;

/** What a browse page shows for each vacancy: no description, to keep items and pages small. */
export type VacancySummary = Pick<
  Vacancy,
  | 'id'
  | 'companyId'
  | 'companyName'
  | 'title'
  | 'type'
  | 'minEducation'
  | 'districtCode'
  | 'salaryMin'
  | 'salaryMax'
  | 'openings'
  | 'closingDate'
> & { publishedAt: string };

export function listingItems(v: Vacancy): Record<string, unknown>[] {
  if (v.status !== 'open' || !v.publishedAt) return [];
  const summary: VacancySummary = {
    id: v.id,
    companyId: v.companyId,
    companyName: v.companyName,
    title: v.title,
    type: v.type,
    minEducation: v.minEducation,
    districtCode: v.districtCode,
    ...(v.salaryMin !== undefined ? { salaryMin: v.salaryMin } : {}),
    ...(v.salaryMax !== undefined ? { salaryMax: v.salaryMax } : {}),
    openings: v.openings,
    closingDate: v.closingDate,
    publishedAt: v.publishedAt,
  };
  const sk = `${v.publishedAt}#${v.id}`;
  // `type` names the entity on every item, so the vacancy's own type is stored as vacancyType.
  const { type: vacancyType, ...rest } = summary;
  const items: Record<string, unknown>[] = [];
  for (const districtCode of [v.districtCode, undefined]) {
    for (const type of [v.type, undefined]) {
      for (const education of [...levelsMeeting(v.minEducation), undefined]) {
        items.push({
          pk: listingPk({
            ...(districtCode ? { districtCode } : {}),
            ...(type ? { type } : {}),
            ...(education ? { education } : {}),
          }),
          sk,
          type: 'VacancyListing',
          ...rest,
          vacancyType,
          expiresAt: closingEpochSeconds(v.closingDate),
        });
      }
    }
  }
  return items;
}

/** A listing item read back as the summary it carries. */
export function toSummary(item: Record<string, unknown>): VacancySummary {
  const { pk: _pk, sk: _sk, type: _t, expiresAt: _e, vacancyType, ...rest } = item;
  return { ...(rest as Omit<VacancySummary, 'type'>), type: vacancyType as VacancyType };
}

export const listingKeys = (v: Vacancy) => listingItems(v).map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
