import {
  type CloudFrontClient,
  type DistributionConfig,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { runAsEntry } from '@bursa/core/db/action-recorder';
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
 */
export type RotationEvent = {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
};

export type RotationDeps = {
  secrets: SecretsManagerClient;
  cloudfront: CloudFrontClient;
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
  const meta = await deps.secrets.send(new DescribeSecretCommand({ SecretId }));
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
    await deps.secrets.send(
      new UpdateSecretVersionStageCommand({
        SecretId,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token,
        ...(current ? { RemoveFromVersionId: current } : {}),
      }),
    );
    return;
  }
  throw new Error(`rotation: unknown step ${String(Step)}`);
}

async function pendingValue(deps: RotationDeps, SecretId: string, VersionId: string): Promise<string | undefined> {
  try {
    const out = await deps.secrets.send(new GetSecretValueCommand({ SecretId, VersionId, VersionStage: 'AWSPENDING' }));
    return out.SecretString;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function createPending(deps: RotationDeps, SecretId: string, token: string): Promise<void> {
  if (await pendingValue(deps, SecretId, token)) return; // a retried step
  const { RandomPassword } = await deps.secrets.send(
    new GetRandomPasswordCommand({ PasswordLength: SECRET_LENGTH, ExcludePunctuation: true, IncludeSpace: false }),
  );
  await deps.secrets.send(
    new PutSecretValueCommand({
      SecretId,
      ClientRequestToken: token,
      SecretString: RandomPassword,
      VersionStages: ['AWSPENDING'],
    }),
  );
}

/** The origins of this distribution that carry the origin header. */
function guardedOrigins(config: DistributionConfig) {
  return (config.Origins?.Items ?? []).flatMap((o) =>
    (o.CustomHeaders?.Items ?? []).filter((h) => h.HeaderName?.toLowerCase() === ORIGIN_HEADER),
  );
}

async function sendFromCloudFront(deps: RotationDeps, value: string): Promise<void> {
  const { ETag, DistributionConfig: config } = await deps.cloudfront.send(
    new GetDistributionConfigCommand({ Id: deps.distributionId }),
  );
  if (!config) throw new Error(`rotation: distribution ${deps.distributionId} has no config`);
  const headers = guardedOrigins(config);
  if (headers.length === 0) throw new Error(`rotation: no origin of ${deps.distributionId} sends ${ORIGIN_HEADER}`);
  if (headers.every((h) => h.HeaderValue === value)) return; // a retried step
  for (const h of headers) h.HeaderValue = value;
  // IfMatch: if someone (a deploy) changed the distribution meanwhile, this fails and the step is retried.
  await deps.cloudfront.send(
    new UpdateDistributionCommand({ Id: deps.distributionId, IfMatch: ETag, DistributionConfig: config }),
  );
}

async function waitUntilDeployedWith(deps: RotationDeps, value: string): Promise<void> {
  const pollMs = deps.pollMs ?? 15_000;
  const deadline = Date.now() + (deps.maxWaitMs ?? 12 * 60_000);
  for (;;) {
    const { Distribution: d } = await deps.cloudfront.send(new GetDistributionCommand({ Id: deps.distributionId }));
    const headers = d?.DistributionConfig ? guardedOrigins(d.DistributionConfig) : [];
    if (headers.length === 0 || headers.some((h) => h.HeaderValue !== value)) {
      throw new Error(`rotation: distribution ${deps.distributionId} does not send the pending value`);
    }
    if (d?.Status === 'Deployed') return;
    if (Date.now() > deadline) throw new Error(`rotation: distribution ${deps.distributionId} still ${d?.Status}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
