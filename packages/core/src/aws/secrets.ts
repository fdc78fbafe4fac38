import { awsJson } from './json-api.ts';

/**
 * Secrets Manager over fetch (JSON 1.1 protocol): GetSecretValue, which the
 * API and the web call (the origin secret, the Stripe keys), and the calls the
 * rotation function makes. Its SDK client and the code it shares with others
 * were about 145 KB of each bundle. `AWS_ENDPOINT_URL_SECRETS_MANAGER` points
 * it elsewhere, as it does the SDK (the tests' stand-in:
 * test/support/fake-secrets-manager.ts).
 */
export type SecretsTarget = { region: string; endpoint?: string | undefined; attempts?: number };

const endpointOf = (t: SecretsTarget) =>
  t.endpoint ?? process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${t.region}.amazonaws.com`;

/** One Secrets Manager operation; the IAM action is `secretsmanager:<operation>`, on the secret it names. */
export function secretsManager<T = Record<string, unknown>>(
  t: SecretsTarget,
  operation: string,
  input: Record<string, unknown>,
): Promise<T> {
  return awsJson<T>({
    service: 'secretsmanager',
    targetPrefix: 'secretsmanager',
    operation,
    input,
    region: t.region,
    endpoint: endpointOf(t),
    // GetRandomPassword is the one action not tied to a secret.
    iam: { action: `secretsmanager:${operation}`, resource: input.SecretId ? 'secret' : '*' },
    ...(t.attempts ? { attempts: t.attempts } : {}),
  });
}

/** A secret's value (at a stage or version), or undefined when no version carries it (ResourceNotFoundException). */
export async function getSecretValue(
  o: SecretsTarget & { secretId: string; versionStage?: string; versionId?: string },
): Promise<string | undefined> {
  try {
    const out = await secretsManager<{ SecretString?: string }>(o, 'GetSecretValue', {
      SecretId: o.secretId,
      ...(o.versionId ? { VersionId: o.versionId } : {}),
      ...(o.versionStage ? { VersionStage: o.versionStage } : {}),
    });
    return out.SecretString;
  } catch (e) {
    if ((e as Error).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}
