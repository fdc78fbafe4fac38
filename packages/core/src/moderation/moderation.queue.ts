import { $add, $remove, executeTransactWrite, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { moderationEntities, queuePartition, REPORT_REASONS, type ReportKind } from './moderation.entity.ts';
import { canModerate } from './moderation.policy.ts';
import { decideSchema, hideSchema, queueSchema } from './moderation.schema.ts';
import { moderate } from './moderation.targets.ts';
import { type Case, caseOf } from './moderation.use-cases.ts';

const PAGE = 20;

/**
 * Officers' queue (`reportQueue`): one item per reported thing with its count
 * and reasons, oldest first, one page with a cursor. `status: 'hidden'` lists
 * what officers hid (to restore), oldest decision first.
 */
export const queue = fn(queueSchema, async ({ status, cursor }, ctx): Promise<Page<Case>> => {
  if (!canModerate(ctx.actor)) throw forbidden('moderation.officer_only');
  const partition = queuePartition(status);
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(moderationEntities(ctx.db).ReportCase)
    .query({ index: 'gsi1', partition })
    .options({
      limit: PAGE,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === partition) } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  const items = (out.Items ?? []).map(({ gsi1pk: _p, gsi1sk: _s, ...c }) => c as Case);
  return { items, ...(next ? { cursor: next } : {}) };
});

/** A round's reasons, most reported first (what the queue shows beside the count). */
export const reasonsOf = (c: Case) =>
  REPORT_REASONS.map((reason) => ({ reason, count: Number(c[reason] ?? 0) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);

type Decision = 'hide' | 'dismiss' | 'restore';
const FROM: Record<Decision, Case['status']> = { hide: 'open', dismiss: 'open', restore: 'hidden' };
/** Each decision's audit action (audit.entity.ts): report.hide, report.dismiss, content.restore. */
const actionOf = (d: Decision): Audit.Action => (d === 'restore' ? 'content.restore' : `report.${d}`);

/** A round ends: counts back to zero and out of the queue, so a later report opens a new round. */
const endRound = () => ({
  round: $add(1),
  count: 0,
  ...Object.fromEntries(REPORT_REASONS.map((r) => [r, 0])),
  firstAt: $remove(),
  lastNote: $remove(),
  gsi1pk: $remove(),
  gsi1sk: $remove(),
});

/**
 * One decision, in one transaction: the case (on condition it is still in the
 * status and round the officer saw: of two officers at once, one wins and the
 * other gets 409 moderation.decided), the thing itself (hide sets its
 * moderation flag, restore removes it), and the audit entry.
 */
async function decide(ctx: Ctx, decision: Decision, kind: ReportKind, id: string, reason: string | undefined) {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canModerate(me)) throw forbidden('moderation.officer_only');
  if (!ID_PATTERN.test(id)) throw notFound('moderation.case_not_found');
  const c = await caseOf(ctx, kind, id);
  if (!c) throw notFound('moderation.case_not_found');
  if (c.status !== FROM[decision]) throw conflict('moderation.decided');
  const now = new Date(nowOf(ctx)).toISOString();
  const decided = { decidedAt: now, decidedBy: me.userId, decidedByName: me.name };
  const change =
    decision === 'hide'
      ? {
          status: 'hidden',
          hiddenReason: reason,
          ...decided,
          gsi1pk: queuePartition('hidden'),
          gsi1sk: `${now}#${kind}#${id}`,
        }
      : {
          status: decision === 'dismiss' ? 'dismissed' : 'restored',
          ...decided,
          ...endRound(),
          hiddenReason: $remove(),
        };
  const { ReportCase } = moderationEntities(ctx.db);
  const caseTx = ReportCase.build(UpdateTransaction)
    .item({ kind, targetId: id, ...change } as never)
    .options({
      condition: {
        and: [
          { attr: 'status', eq: c.status },
          { attr: 'round', eq: c.round },
        ],
      },
    });
  const audit = Audit.record(ctx, {
    action: actionOf(decision),
    targetType: kind,
    targetId: id,
    targetName: c.targetName,
    ...(reason ? { reason } : {}),
  });
  const target =
    decision === 'dismiss'
      ? undefined
      : moderate(ctx.db, c, decision === 'hide' ? { hiddenAt: now, reason: reason ?? '', by: me.userId } : undefined);
  try {
    await withConflictRetry(async () => {
      if (target) await executeTransactWrite(caseTx, target, audit);
      else await executeTransactWrite(caseTx, audit);
    });
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('moderation.decided');
    if (target && isConditionFailure(e, 1)) throw notFound('moderation.target_gone');
    throw e;
  }
  return { ...c, status: change.status as Case['status'] };
}

/** Hide the reported thing, with the reason its owner will read. */
export const hide = fn(hideSchema, async ({ kind, id, reason }, ctx) => decide(ctx, 'hide', kind, id, reason));
/** The reports are unfounded: the case leaves the queue, the thing stays. */
export const dismiss = fn(decideSchema, async ({ kind, id, reason }, ctx) => decide(ctx, 'dismiss', kind, id, reason));
/** Show hidden content again (action content.restore). */
export const restore = fn(decideSchema, async ({ kind, id, reason }, ctx) => decide(ctx, 'restore', kind, id, reason));
