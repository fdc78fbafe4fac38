import {
  $remove,
  $set,
  executeTransactWrite,
  QueryCommand,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { check, checkedInside, optionalField, validField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { PROGRAMMES } from '../profile/profile.entity.ts';
import { graduateOf } from '../programme/programme.graduates.ts';
import { grantBadgeTransaction } from './shop.badge-grant.ts';
import { shopEntities } from './shop.entity.ts';
import { canReviewBadges, capabilities } from './shop.policy.ts';
import { type Badge, get, type Info, roleIn } from './shop.use-cases.ts';

/**
 * The programme-graduate badge: the seller states the programme and cohort
 * they completed (BLK kelurahan, LPKS, TKM, Wirausaha Baru, …); an officer
 * verifies or rejects it (with a reason) from a queue; a verified badge shows
 * on the shop and its products. Asking again replaces the request and puts the
 * shop back in the queue. A seller on the office's cohort lists as having
 * completed that programme is verified at once (programme/programme.graduates.ts).
 */
const QUEUE = 'BADGES#pending';

const requestSchema = z.object({
  shopId: z.string().check(z.maxLength(40)),
  programme: z.enum(PROGRAMMES, 'shop.badge.programme'),
  cohort: z
    .string('shop.badge.cohort')
    .check(z.trim(), z.minLength(3, 'shop.badge.cohort'), z.maxLength(120, 'shop.badge.cohort')),
  year: z.coerce
    .number('shop.badge.year')
    .check(z.multipleOf(1, 'shop.badge.year'), z.minimum(1990, 'shop.badge.year'), z.maximum(2100, 'shop.badge.year')),
});
const decideSchema = z
  .object({
    shopId: z.string().check(z.maxLength(40)),
    decision: z.enum(['verify', 'reject'], 'request.field.invalid'),
    reason: optionalField(z.string().check(z.trim(), z.maxLength(300, 'shop.badge.reason'))),
  })
  .check(
    z.refine((d) => d.decision !== 'reject' || d.reason, {
      message: 'shop.badge.reason',
      path: ['reason'],
      ...whenValid('decision', 'reason'),
    }),
  );
const queueSchema = z.object({ cursor: optionalField(z.string().check(z.maxLength(600))) });

export const requestBadge = fn(checkedInside(requestSchema), async (input, ctx): Promise<Badge> => {
  const me = Account.requireSignedIn(ctx.actor);
  const shopId = String(input.shopId ?? '');
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).edit) throw forbidden('shop.not_owner');
  const now = new Date(nowOf(ctx)).toISOString();
  // The fields and a year not in the future (by the request's clock), checked together: one answer.
  const { data, issues } = check(requestSchema, input);
  const typedYear = validField(requestSchema, input, 'year');
  if (typedYear !== undefined && typedYear > new Date(nowOf(ctx)).getUTCFullYear())
    issues.push({ path: 'year', code: 'shop.badge.year' });
  if (issues.length || !data) throw new ValidationError(issues);
  const { programme, cohort, year } = data;
  // Resolved against the office's cohort lists first: a completed participant
  // of this programme is verified at once, as the list states it (audited as
  // the officer who marked completion).
  const graduate = await graduateOf(ctx.db, me.userId, programme);
  if (graduate) {
    const { programme: p, cohort: c, year: y, officer } = graduate;
    const granted = { programme: p, cohort: c, year: y, status: 'verified' as const, requestedAt: now };
    const verified = { ...granted, decidedBy: officer.userId, decidedAt: now };
    await executeTransactWrite(
      grantBadgeTransaction(ctx.db, shopId, verified),
      Audit.record(
        { ...ctx, actor: { ...officer, roles: ['officer'] } },
        { action: 'badge.grant', targetType: 'shop', targetId: shopId, targetName: shop.name, reason: c },
      ),
    );
    return verified;
  }
  const badge: Badge = { programme, cohort, year, status: 'pending', requestedAt: now };
  await shopEntities(ctx.db)
    .Shop.build(UpdateItemCommand)
    .item({ id: shopId, badge: $set(badge), gsi3pk: QUEUE, gsi3sk: `${now}#${shopId}` })
    .options({ condition: { attr: 'id', exists: true } })
    .send();
  return badge;
});

/** Officers' queue: badges waiting, oldest first, a page of 20. */
export const badgeQueue = fn(queueSchema, async ({ cursor }, ctx): Promise<Page<Info>> => {
  if (!canReviewBadges(ctx.actor)) throw forbidden('shop.badge.officer_only');
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(shopEntities(ctx.db).Shop)
    .query({ index: 'gsi3', partition: QUEUE })
    .options({
      limit: 20,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi3pk === QUEUE) } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Info[], ...(next ? { cursor: next } : {}) };
});

/**
 * An officer verifies or rejects a waiting badge (a rejection needs a reason
 * the seller reads). Conditional on it still waiting, so two officers deciding
 * at once cannot both win; the shop leaves the queue.
 */
export const decideBadge = fn(decideSchema, async ({ shopId, decision, reason }, ctx): Promise<Badge> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canReviewBadges(me)) throw forbidden('shop.badge.officer_only');
  const shop = await get(ctx.db, shopId);
  const pending = shop.badge?.status === 'pending' ? shop.badge : undefined;
  if (!pending) throw conflict('shop.badge.not_pending');
  const badge: Badge = {
    ...pending,
    status: decision === 'verify' ? 'verified' : 'rejected',
    decidedBy: me.userId,
    decidedAt: new Date(nowOf(ctx)).toISOString(),
    ...(decision === 'reject' && reason ? { reason } : {}),
  };
  try {
    // The decision and its audit entry: one transaction (retried on TransactionConflict, the loser then gets the 409).
    const audit = Audit.record(ctx, {
      action: decision === 'verify' ? 'badge.verify' : 'badge.reject',
      targetType: 'shop',
      targetId: shopId,
      targetName: shop.name,
      ...(decision === 'reject' && reason ? { reason } : {}),
    });
    await withConflictRetry(() =>
      executeTransactWrite(
        shopEntities(ctx.db)
          .Shop.build(UpdateTransaction)
          .item({ id: shopId, badge: $set(badge), gsi3pk: $remove(), gsi3sk: $remove() })
          .options({
            condition: {
              and: [
                { attr: 'badge.status', eq: 'pending' },
                { attr: 'badge.requestedAt', eq: pending.requestedAt },
              ],
            },
          }),
        audit,
      ),
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('shop.badge.not_pending');
    throw e;
  }
  return badge;
});
