import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSecretsManager, startFakeSecretsManager } from '../../../test/support/fake-secrets-manager.ts';
import { CACHE_MS, createOriginGuard, REFRESH_AFTER_MISS_MS, secretsManagerValues } from './origin-secret.ts';

const OLD = 'old-origin-secret-0123456789abcdef';
const NEW = 'new-origin-secret-0123456789abcdef';

let sm: FakeSecretsManager;
beforeAll(async () => {
  sm = await startFakeSecretsManager(OLD);
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
});
afterAll(() => sm.close());

/** A guard on the stand-in with a clock the test moves. */
function guardWithClock() {
  let t = 1_000_000;
  const guard = createOriginGuard(
    { stage: 'production', originSecretArn: sm.arn },
    secretsManagerValues(sm.arn, { endpoint: sm.endpoint, attempts: 1 }),
    () => t,
  );
  return { guard, advance: (ms: number) => (t += ms) };
}

describe('origin guard', () => {
  it('without any secret, is open only on stage local and closed everywhere else', async () => {
    expect(await createOriginGuard({ stage: 'local' }).allows(undefined)).toBe(true);
    expect(await createOriginGuard({ stage: 'production' }).allows('anything')).toBe(false);
    expect(await createOriginGuard({ stage: 'dev' }).allows(undefined)).toBe(false);
  });

  it('with a fixed secret, accepts exactly that value', async () => {
    const guard = createOriginGuard({ stage: 'production', originSecret: OLD });
    expect(await guard.allows(OLD)).toBe(true);
    expect(await guard.allows(`${OLD}x`)).toBe(false);
    expect(await guard.allows('')).toBe(false);
  });

  it('reads the secret from Secrets Manager once, then from its cache', async () => {
    const { guard } = guardWithClock();
    const before = sm.calls.length;
    expect(await guard.allows(OLD)).toBe(true);
    expect(await guard.allows(OLD)).toBe(true);
    expect(await guard.allows(OLD)).toBe(true);
    // One load: the three stages it accepts, fetched together.
    expect(sm.calls.slice(before)).toEqual(['GetSecretValue', 'GetSecretValue', 'GetSecretValue']);
  });

  it('follows a rotation: the new value is looked up on first sight, the previous one stays valid', async () => {
    const { guard, advance } = guardWithClock();
    expect(await guard.allows(OLD)).toBe(true);
    sm.rotateTo(NEW);
    advance(REFRESH_AFTER_MISS_MS + 1);
    expect(await guard.allows(NEW)).toBe(true);
    // Edges still sending the old value while CloudFront deploys: AWSPREVIOUS.
    expect(await guard.allows(OLD)).toBe(true);
    sm.rotateTo(OLD.replace('old', 'third'));
    advance(CACHE_MS + 1);
    // Two rotations on, the first value is neither current nor previous: refused.
    expect(await guard.allows(OLD)).toBe(false);
  });

  it('a flood of forged values costs at most one Secrets Manager load per refresh interval', async () => {
    const { guard, advance } = guardWithClock();
    expect(await guard.allows(sm.valueAt('AWSCURRENT'))).toBe(true);
    advance(REFRESH_AFTER_MISS_MS + 1);
    const before = sm.calls.length;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => guard.allows(`forged-${i}`)));
    expect(answers.every((a) => a === false)).toBe(true);
    for (let i = 0; i < 20; i++) expect(await guard.allows(`forged-again-${i}`)).toBe(false);
    expect(sm.calls.length - before).toBe(3);
  });

  it('fails closed with 503 when Secrets Manager is down and nothing is cached; keeps known values otherwise', async () => {
    const cold = guardWithClock();
    sm.failing = true;
    try {
      await expect(cold.guard.allows(OLD)).rejects.toMatchObject({ code: 'service.unavailable', kind: 'unavailable' });
    } finally {
      sm.failing = false;
    }
    const warm = guardWithClock();
    const current = sm.valueAt('AWSCURRENT');
    expect(await warm.guard.allows(current)).toBe(true);
    sm.failing = true;
    try {
      warm.advance(CACHE_MS + 1);
      expect(await warm.guard.allows(current)).toBe(true);
      expect(await warm.guard.allows('forged')).toBe(false);
    } finally {
      sm.failing = false;
    }
  });
});
