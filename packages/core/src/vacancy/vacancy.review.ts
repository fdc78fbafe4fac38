import { $remove, $set, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { get } from './vacancy.access.ts';
import { REVIEW_QUEUE, vacancyEntities } from './vacancy.entity.ts';
import { canReviewQueue, capabilities } from './vacancy.policy.ts';
import type { Info } from './vacancy.use-cases.ts';
import { write } from './vacancy.write.ts';

/**
 * Held vacancies (status `review`): the fraud guard's second half. A vacancy
 * is held instead of opening when its company is not verified (the deployment
 * setting HOLD_UNVERIFIED_VACANCIES, on by default) or its text asks
 * applicants for money (vacancy.money.ts); the company sees "waiting for
 * Disnaker's review" and why. It is never listed (the listing and the search
 * index take only `open`) nor public. Officers work a queue, oldest first
 * (`heldVacancies`, gsi2 `REVIEW#VACANCY`, sparse), and approve it (it opens
 * and is listed, with the phrases they accepted remembered) or send it back
 * to draft with a reason the company sees. Each decision and its audit entry
 * are one transaction.
 */
const queueSchema = z.object({
  cursor: optionalField(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
const approveSchema = z.object({ id: z.string() });
const rejectSchema = z.object({
  id: z.string(),
  reason: z
    .string('vacancy.review.reason')
    .check(z.trim(), z.minLength(5, 'vacancy.review.reason'), z.maxLength(500, 'vacancy.reason.max')),
});

/** The officers' queue of held vacancies, oldest first, a page per call. */
export const reviewQueue = fn(queueSchema, async ({ cursor, limit }, ctx): Promise<Page<Info>> => {
  if (!canReviewQueue(ctx.actor)) throw forbidden('vacancy.review.officer_only');
  const { Vacancy } = vacancyEntities(ctx.db);
  const { Items = [], LastEvaluatedKey } = await ctx.db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi2', partition: REVIEW_QUEUE })
    .options({ limit, exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi2pk === REVIEW_QUEUE) })
    .send();
  const next = encodeCursor(LastEvaluatedKey);
  return { items: Items as Info[], ...(next ? { cursor: next } : {}) };
});

async function held(ctx: Ctx, id: string): Promise<Info> {
  Account.requireSignedIn(ctx.actor);
  if (!canReviewQueue(ctx.actor)) throw forbidden('vacancy.review.officer_only');
  const vacancy = await get(ctx.db, id);
  // Held vacancies were checked in full when published (`status === 'review'` also tells the types so).
  if (vacancy.status !== 'review' || !capabilities(vacancy, { actor: ctx.actor, member: false }, nowOf(ctx)).review)
    throw conflict('vacancy.review.not_held');
  return vacancy;
}

/** Officers approve a held vacancy: it opens and is listed (after the projections). */
export const approve = fn(approveSchema, async ({ id }, ctx): Promise<Info> => {
  const before = await held(ctx, id);
  const now = new Date(nowOf(ctx)).toISOString();
  const phrases = before.hold?.phrases ?? [];
  const change = {
    status: 'open' as const,
    publishedAt: before.publishedAt ?? now,
    approvedAt: now,
    approvedPhrases: phrases,
    updatedAt: now,
  };
  await write(
    ctx.db,
    before,
    // The list replaced whole ($set): a plain array would update it element by element.
    {
      ...change,
      approvedPhrases: $set(phrases),
      hold: $remove(),
      reviewNote: $remove(),
      gsi2pk: $remove(),
      gsi2sk: $remove(),
    },
    Audit.record(ctx, {
      action: 'vacancy.approve',
      targetType: 'vacancy',
      targetId: id,
      targetName: before.title,
      ...(phrases.length ? { reason: phrases.join(', ') } : {}),
    }),
  );
  const { hold: _h, reviewNote: _r, ...after } = before;
  return { ...after, ...change, version: before.version + 1 };
});

/** Officers send a held vacancy back to draft with a reason the company sees; published again, it is checked again. */
export const reject = fn(rejectSchema, async ({ id, reason }, ctx): Promise<Info> => {
  const before = await held(ctx, id);
  const now = new Date(nowOf(ctx)).toISOString();
  const change = { status: 'draft' as const, reviewNote: reason, updatedAt: now };
  await write(
    ctx.db,
    before,
    { ...change, hold: $remove(), gsi2pk: $remove(), gsi2sk: $remove() },
    Audit.record(ctx, {
      action: 'vacancy.reject',
      targetType: 'vacancy',
      targetId: id,
      targetName: before.title,
      reason,
    }),
  );
  const { hold: _h, ...after } = before;
  return { ...after, ...change, version: before.version + 1 };
});
