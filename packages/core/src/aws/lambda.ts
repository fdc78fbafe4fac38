import { recordSent } from '../db/action-recorder.ts';
import { awsFetch, credentialsFromEnv, throwIfFailed } from './sigv4.ts';

/**
 * Lambda's Invoke API (RequestResponse) over fetch: what the web and the API
 * use to ask the search function. Locally `endpoint` is the stand-in
 * (scripts/local/lambda-local.ts), which takes any credentials.
 */
export async function invokeLambda(o: {
  region: string;
  endpoint?: string | undefined;
  functionName: string;
  payload: unknown;
}): Promise<{ functionError?: string; payload: string }> {
  const base = o.endpoint ?? `https://lambda.${o.region}.amazonaws.com`;
  recordSent('lambda:InvokeFunction', 'function');
  const res = await awsFetch({
    method: 'POST',
    url: new URL(`/2015-03-31/functions/${encodeURIComponent(o.functionName)}/invocations`, base),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(o.payload),
    service: 'lambda',
    region: o.region,
    credentials: o.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : credentialsFromEnv(),
  });
  await throwIfFailed(res);
  const functionError = res.headers.get('x-amz-function-error') ?? undefined;
  return { payload: await res.text(), ...(functionError ? { functionError } : {}) };
}
