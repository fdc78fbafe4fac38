import { BatchGetCommand, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.ts';
import { DomainError } from '../kernel/errors.ts';

/**
 * Failed sign-ins are counted per account and per client address in fixed
 * windows, stored in DynamoDB with TTL so every Lambda sees the same counts.
 *   pk = RATE#<scope>#<subject>   sk = RATE   count, windowEnds, expiresAt
 */
export type Limit = { scope: string; subject: string; max: number; windowSeconds: number };

const rateKey = (l: Pick<Limit, 'scope' | 'subject'>) => ({ pk: `RATE#${l.scope}#${l.subject}`, sk: 'RATE' });

/** Throws 429 auth.too_many_attempts if any limit is used up, saying when to try again. */
export async function assertUnderLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const out = await db.doc.send(
    new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: limits.map(rateKey) } } }),
  );
  const nowS = Math.floor(now / 1000);
  let retryAfter = 0;
  for (const item of out.Responses?.[db.tableName] ?? []) {
    const limit = limits.find((l) => rateKey(l).pk === item.pk);
    if (limit && (item.windowEnds as number) > nowS && (item.count as number) >= limit.max) {
      retryAfter = Math.max(retryAfter, (item.windowEnds as number) - nowS);
    }
  }
  if (retryAfter > 0) {
    const minutes = Math.ceil(retryAfter / 60);
    throw new DomainError(
      'rate_limited',
      'auth.too_many_attempts',
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
      { retryAfterSeconds: retryAfter },
    );
  }
}

/** Counts one failure against each limit: an atomic ADD inside the window, a fresh window after it. */
export async function recordFailure(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  const nowS = Math.floor(now / 1000);
  await Promise.all(
    limits.map(async (l) => {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: rateKey(l),
            UpdateExpression: 'ADD #count :one',
            ConditionExpression: 'windowEnds > :now',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':now': nowS },
          }),
        );
      } catch (e) {
        if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
        // No window yet, or the old one has ended. Two racing failures may both start one: harmless (at most one lost count).
        const windowEnds = nowS + l.windowSeconds;
        await db.doc.send(
          new PutCommand({
            TableName: db.tableName,
            Item: { ...rateKey(l), type: 'RateCounter', count: 1, windowEnds, expiresAt: windowEnds },
          }),
        );
      }
    }),
  );
}

export async function clearLimit(db: Db, limit: Pick<Limit, 'scope' | 'subject'>): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: rateKey(limit) }));
}
