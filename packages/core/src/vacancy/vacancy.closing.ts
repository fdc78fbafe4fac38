import { $remove } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { withCapabilities } from './vacancy.access.ts';
import { notMember } from './vacancy.policy.ts';
import { closeSchema, idSchema } from './vacancy.schema.ts';
import type { Info } from './vacancy.use-cases.ts';
import { write } from './vacancy.write.ts';

/**
 * Members close their vacancy and say how it ended (filled through Bursa,
 * filled elsewhere, cancelled: the office's outcome figures count each);
 * officers close any, and must say why (moderation).
 */
export const close = fn(closeSchema, async ({ id, reason, outcome }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, can, member } = await withCapabilities(ctx, id);
  if (!member && !can.closeNeedsReason) throw notMember();
  if (!can.close) throw conflict('vacancy.closed');
  // An officer who also works for the company closes it as the company.
  const closedBy = can.closeNeedsReason ? 'officer' : 'company';
  const missing = [
    ...(closedBy === 'officer' && !reason ? [{ path: 'reason', code: 'vacancy.reason.required' }] : []),
    ...(closedBy === 'company' && !outcome ? [{ path: 'outcome', code: 'vacancy.outcome.required' }] : []),
  ];
  if (missing.length) throw new ValidationError(missing);
  const now = new Date(nowOf(ctx)).toISOString();
  const change = {
    status: 'closed',
    closedBy,
    ...(reason ? { closedReason: reason } : {}),
    ...(closedBy === 'company' && outcome ? { closedOutcome: outcome } : {}),
    closedAt: now,
    updatedAt: now,
  } as const;
  // A held vacancy that is closed leaves the officers' queue; an officer's close is audited with it.
  const audit =
    closedBy === 'officer'
      ? [
          Audit.record(ctx, {
            action: 'vacancy.close',
            targetType: 'vacancy',
            targetId: id,
            targetName: before.title,
            ...(reason ? { reason } : {}),
          }),
        ]
      : [];
  await write(ctx.db, before, { ...change, gsi2pk: $remove(), gsi2sk: $remove() }, ...audit);
  // The stored vacancy with the change (a draft is never closed with an outcome, but Info is a union).
  return { ...before, ...change, version: before.version + 1 } as Info;
});

/**
 * A member reopens a vacancy the company closed, until its closing date: it is
 * listed again and its outcome no longer counts (the stream takes it back).
 */
export const reopen = fn(idSchema, async ({ id }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, can, member } = await withCapabilities(ctx, id);
  if (!member) throw notMember();
  if (!can.reopen)
    throw conflict(
      before.status !== 'closed'
        ? 'vacancy.reopen.not_closed'
        : before.closedBy !== 'company' || !before.publishedAt
          ? 'vacancy.reopen.officer_closed'
          : 'vacancy.reopen.too_late',
    );
  const change = {
    status: 'open',
    closedBy: $remove(),
    closedOutcome: $remove(),
    closedReason: $remove(),
    closedAt: $remove(),
    updatedAt: new Date(nowOf(ctx)).toISOString(),
  } as const;
  await write(ctx.db, before, change);
  const { closedBy: _b, closedOutcome: _o, closedReason: _r, closedAt: _a, ...rest } = before;
  return { ...rest, status: 'open', updatedAt: change.updatedAt, version: before.version + 1 } as Info;
});
