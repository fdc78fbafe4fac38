import { Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { LEVELS } from '../education/index.ts';

/**
 * Vacancies and the listing items browse reads (docs/data-model.md, "Vacancy and VacancyListing").
 *   Vacancy         pk = VACANCY#<id>   sk = VACANCY
 *                   gsi1pk = COMPANY#<companyId>   gsi1sk = VACANCY#<id>   (byCompany, newest first)
 *   VacancyListing  pk = VACANCIES#d=<districtCode|*>#t=<type|*>#e=<education|*>   sk = <publishedAt>#<id>   (byFilter)
 * A vacancy write is one conditional write of the Vacancy item; listing items
 * are the stream projection functions/src/events/vacancy-listing.ts.
 * The vacancy's own `type` is stored as `vacancyType` (`type` names the entity on every item).
 */
export const VACANCY_TYPES = ['full_time', 'part_time', 'contract', 'apprenticeship', 'overseas'] as const;
export const VACANCY_STATUSES = ['draft', 'open', 'closed'] as const;
export const QUESTION_KINDS = ['yes_no', 'text'] as const;

const build = (table: BursaTable) => {
  const vacancySchema = item({
    id: string().key(),
    companyId: string(),
    // Copy of Company.name, refreshed by functions/src/events/company-renamed.ts.
    companyName: string(),
    title: string(),
    description: string(),
    type: string()
      .enum(...VACANCY_TYPES)
      .savedAs('vacancyType'),
    minEducation: string().enum(...LEVELS),
    skills: list(string()),
    regencyCode: string(),
    districtCode: string(),
    villageCode: string().optional(),
    salaryMin: number().optional(),
    salaryMax: number().optional(),
    openings: number(),
    closingDate: string(),
    /** Up to 5 screening questions applicants answer (yes/no or a short text). */
    questions: list(map({ text: string(), kind: string().enum(...QUESTION_KINDS) })).optional(),
    status: string().enum(...VACANCY_STATUSES),
    closedReason: string().optional(),
    closedBy: string().enum('company', 'officer', 'deadline').optional(),
    createdAt: string(),
    updatedAt: string(),
    publishedAt: string().optional(),
    version: number(),
  });
  return {
    Vacancy: new Entity({
      name: 'Vacancy',
      table,
      timestamps: false,
      schema: vacancySchema.and((s) => ({
        gsi1pk: string()
          .hidden()
          .link<typeof s>(({ companyId }) => `COMPANY#${companyId}`),
        gsi1sk: string()
          .hidden()
          .link<typeof s>(({ id }) => `VACANCY#${id}`),
      })),
      computeKey: ({ id }) => ({ pk: `VACANCY#${id}`, sk: 'VACANCY' }),
    }),
    VacancyListing: new Entity({
      name: 'VacancyListing',
      table,
      timestamps: false,
      schema: item({
        listing: string().key().savedAs('pk').hidden(),
        position: string().key().savedAs('sk').hidden(),
        id: string(),
        companyId: string(),
        companyName: string(),
        title: string(),
        type: string()
          .enum(...VACANCY_TYPES)
          .savedAs('vacancyType'),
        minEducation: string().enum(...LEVELS),
        districtCode: string(),
        salaryMin: number().optional(),
        salaryMax: number().optional(),
        openings: number(),
        closingDate: string(),
        publishedAt: string(),
        /** TTL: the end of the closing date (WIB). Reads skip expired items too: deletion is lazy. */
        expiresAt: number().hidden(),
      }),
    }),
  };
};

export const vacancyEntities = (db: Db) => bindEntities(db, build);
