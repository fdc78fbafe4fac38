import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import * as Limit from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
const rule = { scope: 'test-burst', max: 7, per: 60, code: 'limit.register' };

describe('the limiter', () => {
  it('lets exactly `max` of 50 simultaneous requests through, and says when to come back', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => Limit.take(db, rule, 'net-a')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(rule.max);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(50 - rule.max);
    for (const e of refused) expect(e).toMatchObject({ kind: 'rate_limited', code: expect.stringMatching(/^limit\./) });
    expect(refused.filter((e) => e.code === 'limit.register')[0]?.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another subject has its own count.
    await expect(Limit.take(db, rule, 'net-b')).resolves.toBeUndefined();
  });

  it('opens a new window when the old one has ended', async () => {
    const later = Date.now() + 61_000;
    await expect(Limit.take(db, rule, 'net-a', later)).resolves.toBeUndefined();
  });

  it('gates attempts: a wait after failures that ends, and is forgotten a day later', async () => {
    const key = { scope: 'test-gate', subject: 'acct-1' };
    const options = { code: 'auth.too_many_attempts', delayAfter: (f: number) => (f >= 2 ? 30 : 0), forgetAfter: 3600 };
    const t0 = Date.now();
    const gate = async () => (await Limit.read(db, [key]))[0];
    await Limit.claimAttempt(db, key, await gate(), options, t0);
    await Limit.claimAttempt(db, key, await gate(), options, t0);
    await expect(Limit.claimAttempt(db, key, await gate(), options, t0 + 1000)).rejects.toMatchObject({
      code: 'auth.too_many_attempts',
      details: { retryAfterSeconds: 29 },
    });
    await Limit.claimAttempt(db, key, await gate(), options, t0 + 31_000);
    expect((await gate())?.failures).toBe(3);
    // Forgotten after `forgetAfter`, even though DynamoDB Local never deletes by TTL.
    await Limit.claimAttempt(db, key, await gate(), options, t0 + 31_000 + 30_000 + 3_601_000);
    expect((await gate())?.failures).toBe(1);
  });
});
