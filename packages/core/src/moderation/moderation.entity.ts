import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Reports and the office's moderation queue (docs/data-model.md, "Moderation").
 *   Report      pk = REPORT#<kind>#<targetId>   sk = BY#<userId>     (one open report per person per thing)
 *   ReportCase  pk = REPORT#<kind>#<targetId>   sk = CASE            (the thing's reports grouped: count, reasons)
 *               gsi1pk = REPORTS#open    gsi1sk = <firstAt>#<kind>#<targetId>     (reportQueue, oldest first)
 *               gsi1pk = REPORTS#hidden  gsi1sk = <decidedAt>#<kind>#<targetId>   (hiddenQueue: what may be restored)
 * A case is worked in rounds: a report belongs to the round it was made in;
 * dismissing or restoring ends the round (counts back to zero, out of the
 * queue), so a later report opens a new one. Decisions are conditional on the
 * case's status and round: two officers at once make one decision.
 */
export const REPORT_KINDS = ['vacancy', 'company', 'shop', 'product', 'post', 'comment'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_REASONS = ['scam', 'inappropriate', 'false_info', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const CASE_STATUSES = ['open', 'hidden', 'dismissed', 'restored'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const build = (table: BursaTable) => ({
  Report: new Entity({
    name: 'Report',
    table,
    timestamps: false,
    schema: item({
      kind: string().key(),
      targetId: string().key(),
      userId: string().key(),
      reason: string().enum(...REPORT_REASONS),
      note: string().optional(),
      /** The case round it counts in (absent on reports from before the queue: round 0). */
      round: number().optional(),
      createdAt: string(),
      updatedAt: string().optional(),
    }),
    computeKey: ({ kind, targetId, userId }) => ({ pk: `REPORT#${kind}#${targetId}`, sk: `BY#${userId}` }),
  }),
  ReportCase: new Entity({
    name: 'ReportCase',
    table,
    timestamps: false,
    schema: item({
      kind: string()
        .key()
        .enum(...REPORT_KINDS),
      targetId: string().key(),
      /** What the thing was called when last reported (a title, a name, a caption's start). */
      targetName: string(),
      /** Its page, where officers look and its owner reads why it was hidden. */
      link: string(),
      /** Where it lives and whose it is: for the hide's write and the owner's notification. */
      shopId: string().optional(),
      postId: string().optional(),
      companyId: string().optional(),
      authorId: string().optional(),
      status: string().enum(...CASE_STATUSES),
      /** Reports this round, in all and by reason. */
      count: number(),
      scam: number().optional(),
      inappropriate: number().optional(),
      false_info: number().optional(),
      other: number().optional(),
      lastNote: string().optional(),
      firstAt: string().optional(),
      lastAt: string(),
      round: number(),
      hiddenReason: string().optional(),
      decidedAt: string().optional(),
      decidedBy: string().optional(),
      decidedByName: string().optional(),
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
    }),
    computeKey: ({ kind, targetId }) => ({ pk: `REPORT#${kind}#${targetId}`, sk: 'CASE' }),
  }),
});

export const moderationEntities = (db: Db) => bindEntities(db, build);
export const queuePartition = (status: 'open' | 'hidden') => `REPORTS#${status}`;
