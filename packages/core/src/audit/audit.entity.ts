import { Entity, item, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * The office's append-only audit log (docs/data-model.md, "Audit").
 *   AuditEntry  pk = AUDIT#<yyyy-mm>   sk = <at>#<entryId>                  (a month, newest first)
 *               gsi1pk = AUDIT#<targetType>#<targetId>  gsi1sk = <at>#<entryId>   (one thing's history)
 * Written only inside the transaction of the officer action it records, on
 * condition that it does not exist; nothing updates or deletes it.
 */
export const ACTIONS = [
  'company.verify',
  'company.reject',
  'company.revoke',
  'vacancy.close',
  'vacancy.approve',
  'vacancy.reject',
  'badge.verify',
  'badge.reject',
  'badge.revoke',
  'badge.grant',
  'group.verify',
  'group.reject',
  'report.hide',
  'report.dismiss',
  'content.restore',
  'payout.mark',
  'programme.create',
  'cohort.create',
  'cohort.update',
  'participant.add',
  'participant.complete',
  'participant.remove',
] as const;
export type Action = (typeof ACTIONS)[number];

export const TARGETS = [
  'company',
  'vacancy',
  'shop',
  'product',
  'post',
  'comment',
  'group',
  'report',
  'payout',
  'programme',
  'cohort',
  'participant',
] as const;
export type TargetType = (typeof TARGETS)[number];

const build = (table: BursaTable) => ({
  AuditEntry: new Entity({
    name: 'AuditEntry',
    table,
    timestamps: false,
    schema: item({
      month: string().key(),
      at: string().key(),
      entryId: string().key(),
      action: string().enum(...ACTIONS),
      targetType: string().enum(...TARGETS),
      targetId: string(),
      /** What the target was called when the action was taken (a log outlives renames). */
      targetName: string().optional(),
      /** The officer. */
      byUserId: string(),
      byName: string(),
      reason: string().optional(),
      gsi1pk: string(),
      gsi1sk: string(),
    }),
    computeKey: ({ month, at, entryId }) => ({ pk: `AUDIT#${month}`, sk: `${at}#${entryId}` }),
  }),
});

export const auditEntities = (db: Db) => bindEntities(db, build);
export const targetPartition = (targetType: TargetType, targetId: string) => `AUDIT#${targetType}#${targetId}`;
