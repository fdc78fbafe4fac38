import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  DeleteItemCommand,
  executeBatchGet,
  PutItemCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { DomainError } from '../kernel/errors.ts';
import { accountEntities } from './account.entity.ts';

/**
 * Failed sign-ins are counted per account and per client address in fixed
 * windows, stored in DynamoDB with TTL so every Lambda sees the same counts.
 */
export type Limit = { scope: string; subject: string; max: number; windowSeconds: number };

/** Throws 429 auth.too_many_attempts if any limit is used up, saying when to try again. */
export async function assertUnderLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const { RateCounter } = accountEntities(db);
  const out = await executeBatchGet(
    db.table
      .build(BatchGetCommand)
      .requests(...limits.map((l) => RateCounter.build(BatchGetRequest).key({ scope: l.scope, subject: l.subject }))),
  );
  const nowS = Math.floor(now / 1000);
  let retryAfter = 0;
  (out.Responses?.[0] ?? []).forEach((counter, i) => {
    const limit = limits[i];
    if (counter && limit && counter.windowEnds > nowS && counter.count >= limit.max) {
      retryAfter = Math.max(retryAfter, counter.windowEnds - nowS);
    }
  });
  if (retryAfter > 0) {
    throw new DomainError('rate_limited', 'auth.too_many_attempts', {
      params: { minutes: Math.ceil(retryAfter / 60) },
      details: { retryAfterSeconds: retryAfter },
    });
  }
}

/** Counts one failure against each limit: an atomic ADD inside the window, a fresh window after it. */
export async function recordFailure(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const { RateCounter } = accountEntities(db);
  const nowS = Math.floor(now / 1000);
  await Promise.all(
    limits.map(async ({ scope, subject, windowSeconds }) => {
      try {
        await RateCounter.build(UpdateItemCommand)
          .item({ scope, subject, count: $add(1) })
          .options({ condition: { attr: 'windowEnds', gt: nowS } })
          .send();
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // No window yet, or the old one has ended. Two racing failures may both start one: harmless (at most one lost count).
        const windowEnds = nowS + windowSeconds;
        await RateCounter.build(PutItemCommand)
          .item({ scope, subject, count: 1, windowEnds, expiresAt: windowEnds })
          .send();
      }
    }),
  );
}

export async function clearLimit(db: Db, limit: Pick<Limit, 'scope' | 'subject'>): Promise<void> {
  await accountEntities(db).RateCounter.build(DeleteItemCommand).key(limit).send();
}
