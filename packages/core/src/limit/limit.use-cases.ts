import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  DeleteItemCommand,
  executeBatchGet,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { DomainError } from '../kernel/errors.ts';
import { limitEntities } from './limit.entity.ts';
import type { Rule } from './limit.rules.ts';

/**
 * One reusable limiter for every write that can be abused. Counting is atomic
 * and happens BEFORE the work: a conditional increment that refuses past the
 * limit, so a burst of parallel requests cannot all slip through a check made
 * before any of them was counted.
 */
export type CounterKey = { scope: string; subject: string };
export type Counter = CounterKey & {
  count?: number;
  windowEnds?: number;
  failures?: number;
  nextAllowedAt?: number;
  expiresAt: number;
};

const seconds = (now: number) => Math.floor(now / 1000);

export function limited(code: string, retryAfterSeconds: number): DomainError {
  const retry = Math.max(1, Math.ceil(retryAfterSeconds));
  return new DomainError('rate_limited', code, {
    params: {
      minutes: Math.max(1, Math.ceil(retry / 60)),
      hours: Math.max(1, Math.ceil(retry / 3600)),
      seconds: retry,
    },
    details: { retryAfterSeconds: retry },
  });
}

/**
 * Takes one unit of `rule` for `subject`, or throws 429 with the rule's code
 * and when to come back. Fixed windows of `rule.per` seconds.
 */
export async function take(db: Db, rule: Rule, subject: string, now = Date.now()): Promise<void> {
  const { Counter } = limitEntities(db);
  const nowS = seconds(now);
  const key = { scope: rule.scope, subject };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      // Inside a live window with room left: count it.
      await Counter.build(UpdateItemCommand)
        .item({ ...key, count: $add(1) })
        .options({
          condition: {
            and: [
              { attr: 'windowEnds', gt: nowS },
              { attr: 'count', lt: rule.max },
            ],
          },
        })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const { Item } = await Counter.build(GetItemCommand).key(key).send();
    if (Item?.windowEnds !== undefined && Item.windowEnds > nowS) {
      // A window another request opened a moment later than this one's clock read still lasts `per` at most.
      if ((Item.count ?? 0) >= rule.max) throw limited(rule.code, Math.min(rule.per, Item.windowEnds - nowS));
      continue; // room was made meanwhile (cannot happen in a fixed window, but never loop on a guess)
    }
    try {
      // No window yet, or it has ended: open one, unless a concurrent request just did.
      const windowEnds = nowS + rule.per;
      await Counter.build(PutItemCommand)
        .item({ ...key, count: 1, windowEnds, expiresAt: windowEnds })
        .options({
          condition: {
            or: [
              { attr: 'scope', exists: false },
              { attr: 'windowEnds', lte: nowS },
            ],
          },
        })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
  throw limited('limit.busy', 1);
}

/** Counts one event against `rule` without refusing (e.g. a failed sign-in against its network). */
export async function count(db: Db, rule: Rule, subject: string, now = Date.now()): Promise<void> {
  const { Counter } = limitEntities(db);
  const nowS = seconds(now);
  const key = { scope: rule.scope, subject };
  try {
    await Counter.build(UpdateItemCommand)
      .item({ ...key, count: $add(1) })
      .options({ condition: { attr: 'windowEnds', gt: nowS } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // No live window: start one. Two racing starts lose at most one count: harmless for a soft signal.
    const windowEnds = nowS + rule.per;
    await Counter.build(PutItemCommand)
      .item({ ...key, count: 1, windowEnds, expiresAt: windowEnds })
      .send();
  }
}

/** Whether a fixed-window counter is at its limit now, and for how long. */
export function overLimit(counter: Counter | undefined, rule: Rule, now = Date.now()): number | undefined {
  const nowS = seconds(now);
  if (!counter?.windowEnds || counter.windowEnds <= nowS || (counter.count ?? 0) < rule.max) return undefined;
  return counter.windowEnds - nowS;
}

/** Several counters in one round trip (missing ones are undefined), in the order asked. */
export async function read(db: Db, keys: CounterKey[]): Promise<(Counter | undefined)[]> {
  if (keys.length === 0) return [];
  const { Counter } = limitEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...keys.map((k) => Counter.build(BatchGetRequest).key(k))),
  );
  return (out.Responses?.[0] ?? []) as (Counter | undefined)[];
}

/**
 * Back-off gate for attempts that may fail (sign-in): claims the next attempt
 * before the work is done, counting it as a failure up front, on condition
 * that nobody else claimed it meanwhile and the wait since the last failure is
 * over. `delayAfter(failures)` gives the seconds to wait after that many
 * failures. A success clears the gate (`clear`). Concurrent claims with the
 * same view of the gate: exactly one wins, the others get 429 `code`.
 */
export async function claimAttempt(
  db: Db,
  key: CounterKey,
  gate: Counter | undefined,
  options: { code: string; delayAfter: (failures: number) => number; forgetAfter: number },
  now = Date.now(),
): Promise<void> {
  const nowS = seconds(now);
  // A gate past its expiry is forgotten (TTL deletes late, and never locally).
  const stale = gate !== undefined && gate.expiresAt <= nowS;
  const failures = stale ? 0 : (gate?.failures ?? 0);
  const waitUntil = stale ? 0 : (gate?.nextAllowedAt ?? 0);
  if (waitUntil > nowS) throw limited(options.code, waitUntil - nowS);
  const nextAllowedAt = nowS + options.delayAfter(failures + 1);
  try {
    await limitEntities(db)
      .Counter.build(PutItemCommand)
      .item({ ...key, failures: failures + 1, nextAllowedAt, expiresAt: nextAllowedAt + options.forgetAfter })
      .options({
        condition: !gate
          ? { attr: 'scope', exists: false }
          : stale
            ? { attr: 'expiresAt', lte: nowS }
            : {
                and: [
                  { attr: 'failures', eq: failures },
                  { attr: 'nextAllowedAt', lte: nowS },
                ],
              },
      })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw limited(options.code, 1);
    throw e;
  }
}

export async function clear(db: Db, key: CounterKey): Promise<void> {
  await limitEntities(db).Counter.build(DeleteItemCommand).key(key).send();
}
