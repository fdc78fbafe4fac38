import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { LEVELS } from '../education/index.ts';

/**
 * Applications and the funnel counters (docs/data-model.md, "Application", "Funnel").
 *   Application  pk = VACANCY#<vacancyId>   sk = APPLICATION#<userId>      one per person per vacancy (the key is the guard)
 *                gsi1pk = APPLICANTS#<vacancyId>           gsi1sk = <appliedAt>#<userId>   (applicantsOf: every stage, by date)
 *                gsi2pk = APPLICANTS#<vacancyId>#<stage>   gsi2sk = <appliedAt>#<userId>   (applicantsAt: one stage, by date)
 *                gsi3pk = APPLICATIONS#<userId>            gsi3sk = <appliedAt>#<vacancyId> (applicationsOf: "Lamaran saya")
 *   Funnel       pk = FUNNEL#<scope>   sk = FUNNEL   counters kept by the stream (functions/src/events/application-funnel.ts);
 *                scope = vacancy#<id> | company#<id> | village#<code>#<YYYY-MM-DD> | regency#<code>#<YYYY-MM-DD>
 *   (the funnel projection counts each stream record once: db/projected.ts)
 */
export const STAGES = ['applied', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];
export const REJECT_REASONS = ['qualifications', 'position_filled', 'unreachable', 'no_show', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Counted once per application when it first reaches a stage (the office's funnel). */
export const FUNNEL_EVENTS = ['applications', 'shortlisted', 'interviewed', 'hired', 'rejected', 'withdrawn'] as const;
export type FunnelEvent = (typeof FUNNEL_EVENTS)[number];

const build = (table: BursaTable) => {
  const schema = item({
    vacancyId: string().key(),
    userId: string().key(),
    companyId: string(),
    vacancyTitle: string(),
    companyName: string(),
    /** What the employer's list shows and filters on, copied when applying (the profile may change later). */
    applicantName: string(),
    education: string().enum(...LEVELS),
    meetsEducation: boolean(),
    districtCode: string(),
    villageCode: string(),
    hasCv: boolean(),
    hasAk1: boolean(),
    coverNote: string().optional(),
    /** Applied from a booth at this fair: the fair's report counts it. */
    fairId: string().optional(),
    answers: list(map({ question: string(), answer: string() })),
    stage: string().enum(...STAGES),
    rejectReason: string()
      .enum(...REJECT_REASONS)
      .optional(),
    /** Where a rejected application returns when reopened. */
    stageBeforeRejection: string()
      .enum(...STAGES)
      .optional(),
    /** The company's private note: members only (application.policy.ts). */
    employerNote: string().optional(),
    timeline: list(
      map({
        stage: string().enum(...STAGES),
        at: string(),
        by: string().enum('applicant', 'company'),
        reason: string()
          .enum(...REJECT_REASONS)
          .optional(),
      }),
    ),
    appliedAt: string(),
    updatedAt: string(),
    version: number(),
  });
  return {
    Application: new Entity({
      name: 'Application',
      table,
      timestamps: false,
      schema: schema.and((s) => ({
        gsi1pk: string()
          .hidden()
          .link<typeof s>(({ vacancyId }) => `APPLICANTS#${vacancyId}`),
        gsi1sk: string()
          .hidden()
          .link<typeof s>(({ appliedAt, userId }) => `${appliedAt}#${userId}`),
        // Also on UpdateItem: a stage move re-files the application under its new stage.
        gsi2pk: string()
          .hidden()
          .link<typeof s>(({ vacancyId, stage }) => `APPLICANTS#${vacancyId}#${stage}`)
          .updateLink(((item: { vacancyId: string; stage?: unknown }) =>
            typeof item.stage === 'string' ? `APPLICANTS#${item.vacancyId}#${item.stage}` : undefined) as never),
        gsi2sk: string()
          .hidden()
          .link<typeof s>(({ appliedAt, userId }) => `${appliedAt}#${userId}`),
        gsi3pk: string()
          .hidden()
          .link<typeof s>(({ userId }) => `APPLICATIONS#${userId}`),
        gsi3sk: string()
          .hidden()
          .link<typeof s>(({ appliedAt, vacancyId }) => `${appliedAt}#${vacancyId}`),
      })),
      computeKey: ({ vacancyId, userId }) => ({ pk: `VACANCY#${vacancyId}`, sk: `APPLICATION#${userId}` }),
    }),
    Funnel: new Entity({
      name: 'Funnel',
      table,
      timestamps: false,
      schema: item({
        scope: string().key(),
        applications: number().optional(),
        shortlisted: number().optional(),
        interviewed: number().optional(),
        hired: number().optional(),
        rejected: number().optional(),
        withdrawn: number().optional(),
        /** How many are at each stage now (the pipeline's tabs). */
        at_applied: number().optional(),
        at_shortlisted: number().optional(),
        at_interview: number().optional(),
        at_hired: number().optional(),
        at_rejected: number().optional(),
        at_withdrawn: number().optional(),
      }),
      computeKey: ({ scope }) => ({ pk: `FUNNEL#${scope}`, sk: 'FUNNEL' }),
    }),
  };
};

export const applicationEntities = (db: Db) => bindEntities(db, build);
