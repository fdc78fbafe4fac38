import { recordActions } from '../db/action-recorder.ts';
import { type AwsCredentials, awsFetch, credentialsFromEnv, throwIfFailed } from './sigv4.ts';

/**
 * One call to an AWS JSON-protocol API (Secrets Manager, …) over fetch:
 * `POST /` with `X-Amz-Target: <prefix>.<Operation>`, the input as JSON, the
 * answer parsed, an error thrown as an AwsError named by its `__type` (throwIfFailed).
 */
export async function awsJson<T = Record<string, unknown>>(o: {
  service: string;
  targetPrefix: string;
  operation: string;
  input: Record<string, unknown>;
  region: string;
  endpoint: string;
  /** The IAM action and resource kind the call needs (recorded for the tests' grants check). */
  iam: { action: string; resource: string };
  credentials?: AwsCredentials;
  attempts?: number;
}): Promise<T> {
  recordActions([o.iam]);
  const res = await awsFetch({
    method: 'POST',
    url: new URL('/', o.endpoint),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${o.targetPrefix}.${o.operation}` },
    body: JSON.stringify(o.input),
    service: o.service,
    region: o.region,
    credentials: o.credentials ?? credentialsFromEnv(),
    ...(o.attempts ? { attempts: o.attempts } : {}),
  });
  await throwIfFailed(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}
