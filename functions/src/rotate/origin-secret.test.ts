import { createOriginGuard, ORIGIN_HEADER, REFRESH_AFTER_MISS_MS, secretsManagerValues } from '@bursa/http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCloudFront, initialConfigXml, startFakeCloudFront } from '../../../test/support/fake-cloudfront.ts';
import { type FakeSecretsManager, startFakeSecretsManager } from '../../../test/support/fake-secrets-manager.ts';
import { createRotationHandler, type RotationEvent, SECRET_LENGTH } from './origin-secret.ts';

const OLD = 'origin-secret-before-rotation-0123456789';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let sm: FakeSecretsManager;
let cf: FakeCloudFront;
beforeEach(async () => {
  sm = await startFakeSecretsManager(OLD);
  // Both the rotation and the functions' guard call over fetch with the environment's credentials (the stand-ins take any).
  process.env.AWS_ACCESS_KEY_ID ??= credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= credentials.secretAccessKey;
  cf = await startFakeCloudFront(initialConfigXml(ORIGIN_HEADER, OLD), 2);
});
afterEach(async () => {
  await sm.close();
  await cf.close();
});

function rotation() {
  const rotate = createRotationHandler({
    secrets: { region: 'ap-southeast-3', endpoint: sm.endpoint, attempts: 1 },
    cloudfront: { endpoint: cf.endpoint, attempts: 1 },
    distributionId: cf.distributionId,
    pollMs: 5,
    maxWaitMs: 2_000,
  });
  const token = sm.beginRotation();
  const step = (Step: RotationEvent['Step']) => rotate({ SecretId: sm.arn, ClientRequestToken: token, Step });
  return { token, step };
}

/** The functions' guard, reading the same secret, with a clock the test moves past the refresh interval. */
function functionsGuard() {
  let t = 0;
  const guard = createOriginGuard(
    { stage: 'production', originSecretArn: sm.arn },
    secretsManagerValues(sm.arn, { endpoint: sm.endpoint, attempts: 1 }),
    () => t,
  );
  return { allows: async (v: string | undefined) => guard.allows(v), later: () => (t += REFRESH_AFTER_MISS_MS + 1) };
}

describe('origin secret rotation', () => {
  it('switches CloudFront and the functions to a new value, and no value CloudFront sends is ever refused', async () => {
    const fn = functionsGuard();
    const { step } = rotation();
    const sentByCloudFront = () => {
      const values = cf.headerValues(ORIGIN_HEADER);
      expect(values).toHaveLength(2); // web and api; the media origin never gets the header
      return values[0];
    };
    expect(await fn.allows(sentByCloudFront())).toBe(true);

    await step('createSecret');
    const pending = sm.valueAt('AWSPENDING');
    expect(pending).toHaveLength(SECRET_LENGTH);
    expect(pending).not.toBe(OLD);
    expect(sm.valueAt('AWSCURRENT')).toBe(OLD);

    await step('setSecret');
    expect(cf.headerValues(ORIGIN_HEADER)).toEqual([pending, pending]);
    fn.later();
    expect(await fn.allows(sentByCloudFront())).toBe(true); // edges already switched
    expect(await fn.allows(OLD)).toBe(true); // edges not yet switched

    await step('testSecret');
    // It waited for the deploy: the stand-in reads InProgress twice after the update.
    expect(cf.calls.filter((c) => c === `GET /2020-05-31/distribution/${cf.distributionId}`)).toHaveLength(3);

    await step('finishSecret');
    expect(sm.valueAt('AWSCURRENT')).toBe(pending);
    expect(sm.valueAt('AWSPREVIOUS')).toBe(OLD);
    const fresh = functionsGuard();
    expect(await fresh.allows(pending)).toBe(true);
    expect(await fresh.allows(OLD)).toBe(true);
    expect(await fresh.allows('a-guess-at-the-secret-0123456789012345678')).toBe(false);
  });

  it('every step can be retried without changing the outcome', async () => {
    const { step } = rotation();
    await step('createSecret');
    const pending = sm.valueAt('AWSPENDING');
    await step('createSecret');
    expect(sm.valueAt('AWSPENDING')).toBe(pending);
    await step('setSecret');
    const updates = () => cf.calls.filter((c) => c.startsWith('PUT ')).length;
    expect(updates()).toBe(1);
    await step('setSecret');
    expect(updates()).toBe(1);
    await step('testSecret');
    await step('finishSecret');
    await step('finishSecret');
    expect(sm.valueAt('AWSCURRENT')).toBe(pending);
    expect(sm.valueAt('AWSPREVIOUS')).toBe(OLD);
  });

  it('refuses to finish a rotation CloudFront is not sending', async () => {
    const { step } = rotation();
    await step('createSecret');
    await expect(step('testSecret')).rejects.toThrow(/does not send the pending value/);
    expect(sm.valueAt('AWSCURRENT')).toBe(OLD);
  });
});
