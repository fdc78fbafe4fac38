import {
  $add,
  $get,
  $remove,
  BatchGetCommand,
  BatchGetRequest,
  executeBatchGet,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as Limit from '../limit/index.ts';
import { type CaseStatus, moderationEntities, queuePartition, type ReportKind } from './moderation.entity.ts';
import { canReport } from './moderation.policy.ts';
import { reportSchema } from './moderation.schema.ts';
import { resolve, unavailable } from './moderation.targets.ts';

/** The reports on one thing, grouped: one queue item per thing (moderation.queue.ts reads and decides them). */
export type Case = {
  kind: ReportKind;
  targetId: string;
  targetName: string;
  link: string;
  shopId?: string;
  postId?: string;
  companyId?: string;
  authorId?: string;
  status: CaseStatus;
  count: number;
  scam?: number;
  inappropriate?: number;
  false_info?: number;
  other?: number;
  lastNote?: string;
  firstAt?: string;
  lastAt: string;
  round: number;
  hiddenReason?: string;
  decidedAt?: string;
  decidedBy?: string;
  decidedByName?: string;
};

type Report = { reason: string; note?: string; round?: number };

/**
 * Anyone signed in reports a vacancy, company, shop, product, post or comment
 * with a reason and an optional note. One open report per person per thing:
 * reporting again while the case is open updates the note (and reason), not
 * the count. The report and its case change in one transaction; the case is
 * conditional on its round and status, so a report never lands in a case an
 * officer just closed (409 moderation.changed: try again).
 */
export const report = fn(reportSchema, async ({ reason, note, ...ref }, ctx): Promise<{ updated: boolean }> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canReport(me)) throw unavailable();
  const target = await resolve(ctx, ref);
  if (target.hidden) throw unavailable();
  await Limit.take(ctx.db, Limit.RULES.reportPerAccount, me.userId, nowOf(ctx));
  const { Report, ReportCase } = moderationEntities(ctx.db);
  const key = { kind: target.kind, targetId: target.id };
  const out = await executeBatchGet(
    ctx.db.table
      .build(BatchGetCommand)
      .requests(
        ReportCase.build(BatchGetRequest).key(key),
        Report.build(BatchGetRequest).key({ ...key, userId: me.userId }),
      ),
  );
  const [kase, mine] = (out.Responses?.[0] ?? []) as [Case | undefined, Report | undefined];
  if (kase?.status === 'hidden') throw unavailable();
  const round = kase?.round ?? 0;
  const now = new Date(nowOf(ctx)).toISOString();
  const again = Boolean(mine && (mine.round ?? 0) === round && kase?.status === 'open');
  try {
    if (again && mine) {
      const moved = mine.reason !== reason;
      await withConflictRetry(() =>
        executeTransactWrite(
          Report.build(UpdateTransaction)
            .item({ ...key, userId: me.userId, reason, note: note ?? $remove(), updatedAt: now } as never)
            .options({ condition: { attr: 'round', eq: round } }),
          ReportCase.build(UpdateTransaction)
            .item({
              ...key,
              ...(moved ? { [mine.reason]: $add(-1), [reason]: $add(1) } : {}),
              ...(note ? { lastNote: note } : {}),
              lastAt: now,
            } as never)
            .options({
              condition: {
                and: [
                  { attr: 'round', eq: round },
                  { attr: 'status', eq: 'open' },
                ],
              },
            }),
        ),
      );
      return { updated: true };
    }
    const firstAt = kase?.status === 'open' ? (kase.firstAt ?? now) : now;
    await withConflictRetry(() =>
      executeTransactWrite(
        Report.build(PutTransaction)
          .item({ ...key, userId: me.userId, reason, ...(note ? { note } : {}), round, createdAt: now })
          .options({
            condition: {
              or: [
                { attr: 'userId', exists: false },
                { attr: 'round', exists: false },
                { attr: 'round', lt: round },
              ],
            },
          }),
        ReportCase.build(UpdateTransaction)
          .item({
            ...key,
            targetName: target.targetName,
            link: target.link,
            ...(target.shopId ? { shopId: target.shopId } : {}),
            ...(target.postId ? { postId: target.postId } : {}),
            ...(target.companyId ? { companyId: target.companyId } : {}),
            ...(target.authorId ? { authorId: target.authorId } : {}),
            status: 'open',
            count: $add(1),
            [reason]: $add(1),
            ...(note ? { lastNote: note } : {}),
            firstAt: $get('firstAt', now),
            lastAt: now,
            round,
            gsi1pk: queuePartition('open'),
            gsi1sk: `${firstAt}#${target.kind}#${target.id}`,
          } as never)
          .options({
            condition: {
              or: [
                { attr: 'round', exists: false },
                {
                  and: [
                    { attr: 'round', eq: round },
                    { attr: 'status', ne: 'hidden' },
                  ],
                },
              ],
            },
          }),
      ),
    );
    return { updated: false };
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('moderation.changed');
    throw e;
  }
});

/** One thing's case (GetItem), or undefined: for the queue's decisions and the owner's pages. */
export async function caseOf(ctx: Pick<Ctx, 'db'>, kind: ReportKind, targetId: string): Promise<Case | undefined> {
  const { Item } = await moderationEntities(ctx.db).ReportCase.build(GetItemCommand).key({ kind, targetId }).send();
  return Item as Case | undefined;
}
