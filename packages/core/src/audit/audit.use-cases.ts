import { PutTransaction, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { nowOf } from '../kernel/ctx.ts';
import { forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { newId } from '../kernel/ids.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { type Action, auditEntities, TARGETS, type TargetType, targetPartition } from './audit.entity.ts';
import { canReadAudit } from './audit.policy.ts';

export type Entry = {
  at: string;
  entryId: string;
  action: Action;
  targetType: TargetType;
  targetId: string;
  targetName?: string;
  byUserId: string;
  byName: string;
  reason?: string;
};

export type Recorded = {
  action: Action;
  targetType: TargetType;
  targetId: string;
  targetName?: string;
  reason?: string;
};

/**
 * The audit entry for an officer action, as a transaction item: pass it to
 * `executeTransactWrite` beside the action's own write, so the action and its
 * record land together or not at all. The officer is the context's actor.
 */
export function record(ctx: Ctx, what: Recorded) {
  const me = Account.requireSignedIn(ctx.actor);
  const at = new Date(nowOf(ctx)).toISOString();
  const entryId = newId(nowOf(ctx));
  return auditEntities(ctx.db)
    .AuditEntry.build(PutTransaction)
    .item({
      month: at.slice(0, 7),
      at,
      entryId,
      ...what,
      ...(what.reason ? { reason: what.reason.slice(0, 500) } : { reason: undefined }),
      byUserId: me.userId,
      byName: me.name,
      gsi1pk: targetPartition(what.targetType, what.targetId),
      gsi1sk: `${at}#${entryId}`,
    })
    .options({ condition: { attr: 'entryId', exists: false } });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const listSchema = z.object({
  month: optionalField(z.string().check(z.regex(MONTH, 'audit.month'))),
  targetType: optionalField(z.enum(TARGETS, 'audit.target')),
  targetId: optionalField(z.string().check(z.maxLength(60, 'audit.target'))),
  cursor: optionalField(z.string().check(z.maxLength(600))),
});

const PAGE = 30;

/**
 * Officers read the log newest first, one page: a month's entries (this month
 * by default), or one thing's whole history (targetType + targetId).
 */
export const list = fn(listSchema, async (input, ctx): Promise<Page<Entry> & { month?: string }> => {
  if (!canReadAudit(ctx.actor)) throw forbidden('audit.officer_only');
  const { AuditEntry } = auditEntities(ctx.db);
  const byTarget = input.targetType && input.targetId ? targetPartition(input.targetType, input.targetId) : undefined;
  const month = input.month ?? new Date(nowOf(ctx)).toISOString().slice(0, 7);
  const partition = byTarget ?? `AUDIT#${month}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(AuditEntry)
    .query(byTarget ? { index: 'gsi1', partition } : { partition })
    .options({
      reverse: true,
      limit: PAGE,
      ...(input.cursor
        ? {
            exclusiveStartKey: decodeCursor(input.cursor, (k) =>
              byTarget ? k.gsi1pk === partition : k.pk === partition,
            ),
          }
        : {}),
    })
    .send();
  const items = (out.Items ?? []).map(strip);
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items, ...(next ? { cursor: next } : {}), ...(byTarget ? {} : { month }) };
});

function strip(i: Record<string, unknown>): Entry {
  const { month: _m, gsi1pk: _p, gsi1sk: _s, ...entry } = i;
  return entry as Entry;
}
