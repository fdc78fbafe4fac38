import { $add, $append, $remove, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { applicationEntities, type RejectReason, type Stage } from './application.entity.ts';
import { ACTIVE, MOVES } from './application.policy.ts';
import { moveManySchema, moveSchema, withdrawSchema } from './application.schema.ts';
import { type Info, withCapabilities } from './application.use-cases.ts';

/*
 * An application's stages after it is sent: the applicant withdraws, the company
 * moves it along (one or many at a time), a booked interview moves it to interview.
 */

/** One checked, versioned stage change. */
async function transition(
  ctx: Ctx,
  app: Info,
  to: Stage | 'reopen',
  by: 'applicant' | 'company',
  options: { version?: number | undefined; reason?: RejectReason | undefined },
): Promise<Info> {
  const next: Stage = to === 'reopen' ? (app.stageBeforeRejection ?? 'applied') : to;
  const allowed =
    to === 'reopen'
      ? app.stage === 'rejected'
      : by === 'applicant'
        ? to === 'withdrawn' && ACTIVE.includes(app.stage)
        : MOVES[app.stage].includes(to);
  if (!allowed) {
    throw new DomainError('conflict', 'application.move.invalid', { params: { from: app.stage, to: next } });
  }
  const expected = options.version ?? app.version;
  if (expected !== app.version) throw conflict('application.changed');
  const now = new Date(nowOf(ctx)).toISOString();
  const step = {
    stage: next,
    at: now,
    by,
    ...(next === 'rejected' && options.reason ? { reason: options.reason } : {}),
  };
  try {
    await applicationEntities(ctx.db)
      .Application.build(UpdateItemCommand)
      .item({
        vacancyId: app.vacancyId,
        userId: app.userId,
        appliedAt: app.appliedAt,
        stage: next,
        timeline: $append([step]),
        rejectReason: next === 'rejected' ? options.reason : $remove(),
        stageBeforeRejection: next === 'rejected' ? app.stage : $remove(),
        updatedAt: now,
        version: app.version + 1,
      } as never)
      .options({ condition: { attr: 'version', eq: expected } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('application.changed');
    throw e;
  }
  const { rejectReason: _r, stageBeforeRejection: _s, ...rest } = app;
  return {
    ...rest,
    stage: next,
    ...(next === 'rejected' ? { rejectReason: options.reason, stageBeforeRejection: app.stage } : {}),
    timeline: [...app.timeline, step],
    updatedAt: now,
    version: app.version + 1,
  } as Info;
}

/** The applicant takes their application back (while it is still open: not hired, rejected or withdrawn). */
export const withdraw = fn(withdrawSchema, async ({ vacancyId, userId, version }, ctx) => {
  const { app, can } = await withCapabilities(ctx, vacancyId, userId);
  if (!can.withdraw)
    throw forbidden(app.userId === ctx.actor?.userId ? 'application.cannot_withdraw' : 'application.not_applicant');
  return transition(ctx, app, 'withdrawn', 'applicant', { version });
});

/**
 * A candidate booked an interview slot at a fair: a shortlisted application
 * moves to interview (by the applicant), one already there stays; for the
 * caller's transaction, conditional on the stage it was read in.
 */
export function interviewBookedWrite(db: Db, app: Info, at: string) {
  const { Application } = applicationEntities(db);
  const moving = app.stage === 'shortlisted';
  return Application.build(UpdateTransaction)
    .item({
      vacancyId: app.vacancyId,
      userId: app.userId,
      appliedAt: app.appliedAt,
      ...(moving ? { stage: 'interview', timeline: $append([{ stage: 'interview', at, by: 'applicant' }]) } : {}),
      updatedAt: at,
      version: $add(1),
    } as never)
    .options({ condition: { attr: 'stage', eq: app.stage } });
}

/** A company member moves one application (a rejection needs a reason from the fixed list). */
export const move = fn(moveSchema, async ({ vacancyId, userId, to, version, reason }, ctx) => {
  const { app, can } = await withCapabilities(ctx, vacancyId, userId);
  if (!can.seeNote) throw forbidden('application.not_member');
  return transition(ctx, app, to, 'company', { version, reason });
});

export type MoveResult = { userId: string; ok: boolean; code?: string };

/** The same move for many applicants of one vacancy; each succeeds or fails on its own (a stale one is reported, not forced). */
export const moveMany = fn(moveManySchema, async ({ vacancyId, to, reason, items }, ctx): Promise<MoveResult[]> => {
  if (to === 'rejected' && !reason)
    throw new ValidationError([{ path: 'reason', code: 'application.reason.required' }]);
  const results: MoveResult[] = [];
  for (const entry of items) {
    const [userId = '', v = ''] = entry.split(':');
    try {
      await move(ctx, { vacancyId, userId, to, version: Number(v), reason });
      results.push({ userId, ok: true });
    } catch (e) {
      if (!(e instanceof DomainError) || e.kind === 'unavailable') throw e;
      results.push({ userId, ok: false, code: e.code });
    }
  }
  return results;
});
