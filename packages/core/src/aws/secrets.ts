import { recordActions } from '../db/action-recorder.ts';
import { AwsError, awsFetch, credentialsFromEnv } from './sigv4.ts';

/**
 * Secrets Manager's GetSecretValue over fetch (JSON 1.1 protocol): the one
 * call the API and the web make to it (the origin secret, the Stripe keys).
 * Its SDK client and the code it shares with others were about 145 KB of each
 * of those bundles. `AWS_ENDPOINT_URL_SECRETS_MANAGER` points it elsewhere, as
 * it does the SDK (the tests' stand-in: test/support/fake-secrets-manager.ts).
 * Returns undefined when no version carries the stage (ResourceNotFoundException).
 */
export async function getSecretValue(o: {
  region: string;
  secretId: string;
  versionStage?: string;
  endpoint?: string;
  attempts?: number;
}): Promise<string | undefined> {
  const endpoint =
    o.endpoint ?? process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${o.region}.amazonaws.com`;
  recordActions([{ action: 'secretsmanager:GetSecretValue', resource: 'secret' }]);
  const res = await awsFetch({
    method: 'POST',
    url: new URL('/', endpoint),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
    body: JSON.stringify({ SecretId: o.secretId, ...(o.versionStage ? { VersionStage: o.versionStage } : {}) }),
    service: 'secretsmanager',
    region: o.region,
    credentials: credentialsFromEnv(),
    attempts: o.attempts ?? 2,
  });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : {}) as {
    SecretString?: string;
    __type?: string;
    message?: string;
    Message?: string;
  };
  if (res.ok) return body.SecretString;
  const name = String(res.headers.get('x-amzn-errortype') ?? body.__type ?? `Http${res.status}`)
    .split(':')[0]
    ?.split('#')
    .at(-1) as string;
  if (name === 'ResourceNotFoundException') return undefined;
  throw new AwsError(name, res.status, body.message ?? body.Message ?? text.slice(0, 200));
}
