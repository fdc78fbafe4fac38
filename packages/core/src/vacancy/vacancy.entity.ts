import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { LEVELS } from '../education/index.ts';

/**
 * Vacancies and the listing items browse reads (docs/data-model.md, "Vacancy and VacancyListing").
 *   Vacancy         pk = VACANCY#<id>   sk = VACANCY
 *                   gsi1pk = COMPANY#<companyId>   gsi1sk = VACANCY#<id>   (byCompany, newest first)
 *                   gsi2pk = REVIEW#VACANCY   gsi2sk = <heldAt>#<id>   (heldVacancies: only while status = review)
 *   VacancyListing  pk = VACANCIES#d=<districtCode|*>   sk = <publishedAt>#<id>   (byFilter; type and education filtered on the read)
 *                   pk = VACANCIES#c=<companyId>   sk = <publishedAt>#<id>   (byCompanyOpen: the company page)
 *   VacancyCounts   pk = COMPANY#<companyId>   sk = VACANCYCOUNTS   (a company's vacancies per stored status: vacancy.counts.ts)
 *   VacancyDayCounts pk = COMPANY#<companyId>  sk = VACANCYCOUNTS#<closingDate>   (open and held ones by closing day)
 * A vacancy write is one conditional write of the Vacancy item; listing items
 * are the stream projection functions/src/events/vacancy-listing.ts.
 * The vacancy's own `type` is stored as `vacancyType` (`type` names the entity on every item).
 */
export const VACANCY_TYPES = ['full_time', 'part_time', 'contract', 'apprenticeship', 'overseas'] as const;
/** `review`: held for an officer before it is listed (vacancy.review.ts); never listed nor public. */
export const VACANCY_STATUSES = ['draft', 'review', 'open', 'closed'] as const;
/** How the company says a vacancy ended when it closes it: the office's outcome figures count each. */
export const CLOSE_OUTCOMES = ['filled_bursa', 'filled_elsewhere', 'cancelled'] as const;
/** Why a vacancy is held: its company is not verified, or its text asks applicants for money. */
export const HOLD_REASONS = ['unverified', 'money'] as const;
/** The officers' queue of held vacancies (gsi2, sparse: only while held), oldest first. */
export const REVIEW_QUEUE = 'REVIEW#VACANCY';
export const reviewKeys = (heldAt: string, id: string) => ({ gsi2pk: REVIEW_QUEUE, gsi2sk: `${heldAt}#${id}` });
export const QUESTION_KINDS = ['yes_no', 'text'] as const;

const build = (table: BursaTable) => {
  const vacancySchema = item({
    id: string().key(),
    companyId: string(),
    // Copy of Company.name, refreshed by functions/src/events/company-renamed.ts.
    companyName: string(),
    /** Copy: the company is verified (the badge on cards), refreshed by functions/src/events/company-renamed.ts. */
    companyVerified: boolean().optional(),
    title: string(),
    // A draft needs only its title: the details below are optional until it is published (vacancy.fields.ts).
    description: string().optional(),
    type: string()
      .enum(...VACANCY_TYPES)
      .savedAs('vacancyType')
      .optional(),
    minEducation: string()
      .enum(...LEVELS)
      .optional(),
    skills: list(string()),
    regencyCode: string(),
    districtCode: string().optional(),
    villageCode: string().optional(),
    salaryMin: number().optional(),
    salaryMax: number().optional(),
    openings: number().optional(),
    closingDate: string().optional(),
    /** How to apply: through Bursa (absent on older vacancies: yes) and/or the contact below. */
    applyInBursa: boolean().optional(),
    /** A contact for applications: +62… (a mobile number is offered as a WhatsApp chat), an email. */
    contactPhone: string().optional(),
    contactEmail: string().optional(),
    /** Up to 5 screening questions applicants answer (yes/no or a short text). */
    questions: list(map({ text: string(), kind: string().enum(...QUESTION_KINDS) })).optional(),
    status: string().enum(...VACANCY_STATUSES),
    closedReason: string().optional(),
    closedBy: string().enum('company', 'officer', 'deadline').optional(),
    /** The company's answer when it closed the vacancy (filled through Bursa, elsewhere, cancelled). */
    closedOutcome: string()
      .enum(...CLOSE_OUTCOMES)
      .optional(),
    /** When it was closed (by the company or an officer): the month the outcome counts in. */
    closedAt: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    publishedAt: string().optional(),
    /** Why it is held for review (vacancy.review.ts): the reasons and the money phrases found. */
    hold: map({ reasons: list(string().enum(...HOLD_REASONS)), phrases: list(string()), at: string() }).optional(),
    /** An officer's reason for sending a held vacancy back (the company's members see it). */
    reviewNote: string().optional(),
    /** Set when an officer approved it: the phrases they accepted are not held again on edit. */
    approvedAt: string().optional(),
    approvedPhrases: list(string()).optional(),
    gsi2pk: string().optional().hidden(),
    gsi2sk: string().optional().hidden(),
    /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
    moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
    /** Copy: its company is hidden by an officer (functions/src/events/moderation-company.ts refreshes it). */
    companyHidden: boolean().optional(),
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
    VacancyCounts: new Entity({
      name: 'VacancyCounts',
      table,
      timestamps: false,
      schema: item({
        companyId: string().key(),
        draft: number().optional(),
        review: number().optional(),
        open: number().optional(),
        closed: number().optional(),
      }),
      computeKey: ({ companyId }) => ({ pk: `COMPANY#${companyId}`, sk: 'VACANCYCOUNTS' }),
    }),
    VacancyDayCounts: new Entity({
      name: 'VacancyDayCounts',
      table,
      timestamps: false,
      schema: item({
        companyId: string().key(),
        day: string().key(),
        review: number().optional(),
        open: number().optional(),
      }),
      computeKey: ({ companyId, day }) => ({ pk: `COMPANY#${companyId}`, sk: `VACANCYCOUNTS#${day}` }),
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
        companyVerified: boolean().optional(),
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
