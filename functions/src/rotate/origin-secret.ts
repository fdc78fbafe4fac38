import { CloudFront, type CloudFrontTarget, getSecretValue, type SecretsTarget, secretsManager } from '@bursa/core/aws';
import { runAsEntry } from '@bursa/core/db';
import { ORIGIN_HEADER } from '@bursa/http/origin-header';

/**
 * Rotates the origin secret (infra's OriginSecret) without refusing a single
 * request. Secrets Manager calls this function four times per rotation, one
 * step each, with the new version's id as ClientRequestToken:
 *   createSecret  a new random value, labelled AWSPENDING;
 *   setSecret     CloudFront starts sending it (every origin that carries ORIGIN_HEADER);
 *   testSecret    waits until the distribution has deployed everywhere and carries it;
 *   finishSecret  AWSCURRENT moves to it (the old value becomes AWSPREVIOUS).
 * The functions accept AWSCURRENT, AWSPENDING and AWSPREVIOUS (@bursa/http
 * origin-secret.ts), so whichever value an edge sends during the switch is valid.
 * Every step is idempotent: Secrets Manager retries a failed rotation.
 * Both APIs are called over fetch (@bursa/core/aws), not with the SDK's clients.
 */
export type RotationEvent = {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
};

export type RotationDeps = {
  secrets: SecretsTarget;
  cloudfront: CloudFrontTarget;
  distributionId: string;
  /** How often testSecret looks at the distribution's status. @default 15 s */
  pollMs?: number;
  /** How long testSecret waits for the distribution to deploy. @default 12 minutes (the function's timeout is 15) */
  maxWaitMs?: number;
};

export const SECRET_LENGTH = 40;

export function createRotationHandler(deps: RotationDeps) {
  return (event: RotationEvent) => runAsEntry('rotate', () => rotate(deps, event));
}

async function rotate(deps: RotationDeps, { SecretId, ClientRequestToken: token, Step }: RotationEvent): Promise<void> {
  const meta = await secretsManager<{ VersionIdsToStages?: Record<string, string[]> }>(deps.secrets, 'DescribeSecret', {
    SecretId,
  });
  const stages = meta.VersionIdsToStages?.[token];
  if (!stages) throw new Error(`rotation: version ${token} of ${SecretId} has no staging label`);
  if (stages.includes('AWSCURRENT')) return; // this rotation has already finished
  if (!stages.includes('AWSPENDING')) throw new Error(`rotation: version ${token} is not AWSPENDING`);

  if (Step === 'createSecret') return createPending(deps, SecretId, token);
  const pending = await pendingValue(deps, SecretId, token);
  if (!pending) throw new Error(`rotation: version ${token} has no value (createSecret did not run)`);
  if (Step === 'setSecret') return sendFromCloudFront(deps, pending);
  if (Step === 'testSecret') return waitUntilDeployedWith(deps, pending);
  if (Step === 'finishSecret') {
    const current = Object.entries(meta.VersionIdsToStages ?? {}).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
    await secretsManager(deps.secrets, 'UpdateSecretVersionStage', {
      SecretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: token,
      ...(current ? { RemoveFromVersionId: current } : {}),
    });
    return;
  }
  throw new Error(`rotation: unknown step ${String(Step)}`);
}

function pendingValue(deps: RotationDeps, secretId: string, versionId: string): Promise<string | undefined> {
  return getSecretValue({ ...deps.secrets, secretId, versionId, versionStage: 'AWSPENDING' });
}

async function createPending(deps: RotationDeps, SecretId: string, token: string): Promise<void> {
  if (await pendingValue(deps, SecretId, token)) return; // a retried step
  const { RandomPassword } = await secretsManager<{ RandomPassword?: string }>(deps.secrets, 'GetRandomPassword', {
    PasswordLength: SECRET_LENGTH,
    ExcludePunctuation: true,
    IncludeSpace: false,
  });
  await secretsManager(deps.secrets, 'PutSecretValue', {
    SecretId,
    ClientRequestToken: token,
    SecretString: RandomPassword,
    VersionStages: ['AWSPENDING'],
  });
}

async function sendFromCloudFront(deps: RotationDeps, value: string): Promise<void> {
  const { xml, etag } = await CloudFront.getDistributionConfig(deps.cloudfront, deps.distributionId);
  const values = CloudFront.originHeaderValues(xml, ORIGIN_HEADER);
  if (values.length === 0) throw new Error(`rotation: no origin of ${deps.distributionId} sends ${ORIGIN_HEADER}`);
  if (values.every((v) => v === value)) return; // a retried step
  // IfMatch: if someone (a deploy) changed the distribution meanwhile, this fails and the step is retried.
  await CloudFront.updateDistribution(
    deps.cloudfront,
    deps.distributionId,
    CloudFront.withOriginHeader(xml, ORIGIN_HEADER, value),
    etag,
  );
}

async function waitUntilDeployedWith(deps: RotationDeps, value: string): Promise<void> {
  const pollMs = deps.pollMs ?? 15_000;
  const deadline = Date.now() + (deps.maxWaitMs ?? 12 * 60_000);
  for (;;) {
    const d = await CloudFront.getDistribution(deps.cloudfront, deps.distributionId);
    const values = CloudFront.originHeaderValues(d.xml, ORIGIN_HEADER);
    if (values.length === 0 || values.some((v) => v !== value)) {
      throw new Error(`rotation: distribution ${deps.distributionId} does not send the pending value`);
    }
    if (d.status === 'Deployed') return;
    if (Date.now() > deadline) throw new Error(`rotation: distribution ${deps.distributionId} still ${d.status}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
