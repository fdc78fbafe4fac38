import { recordSent } from '../db/action-recorder.ts';
import {
  type AwsCredentials,
  AwsError,
  amzStamps,
  awsFetch,
  credentialsFromEnv,
  encode,
  presignUrl,
  sign,
} from './sigv4.ts';

/**
 * The media bucket over fetch: get, head, put and delete an object, a
 * presigned POST form for browser uploads and a presigned GET link for
 * private files. What the S3 client, its presigners and their shared code
 * were, at about 135 KB in each bundle that touches media (issue 15). In AWS
 * the bucket is addressed virtual-hosted (`<bucket>.s3.<region>.amazonaws.com`),
 * locally path-style on the local S3's endpoint with its fixed keys. Signatures
 * are checked against the SDK's (s3.test.ts); the transport against the local S3.
 */
export type Bucket = { region: string; bucket: string; endpoint?: string | undefined };

const LOCAL: AwsCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const credentialsOf = (b: Bucket) => (b.endpoint ? LOCAL : credentialsFromEnv());

/** The bucket's base URL (no trailing slash). */
export const bucketUrl = (b: Bucket) =>
  b.endpoint ? `${b.endpoint.replace(/\/$/, '')}/${b.bucket}` : `https://${b.bucket}.s3.${b.region}.amazonaws.com`;

const objectUrl = (b: Bucket, key: string) => new URL(`${bucketUrl(b)}/${key.split('/').map(encode).join('/')}`);

async function send(
  b: Bucket,
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE',
  key: string,
  o: { headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<Response> {
  recordSent(`s3:${method === 'PUT' ? 'PutObject' : method === 'DELETE' ? 'DeleteObject' : 'GetObject'}`, 'object');
  return awsFetch({
    method,
    url: objectUrl(b, key),
    ...(o.headers ? { headers: o.headers } : {}),
    ...(o.body ? { body: o.body } : {}),
    service: 's3',
    region: b.region,
    credentials: credentialsOf(b),
    s3: true,
  });
}

/** S3 answers errors in XML: `<Code>NoSuchKey</Code><Message>…</Message>`. */
async function failure(res: Response): Promise<AwsError> {
  const text = res.status === 404 && !res.body ? '' : await res.text().catch(() => '');
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? (res.status === 404 ? 'NotFound' : `Http${res.status}`);
  return new AwsError(code, res.status, /<Message>([^<]+)<\/Message>/.exec(text)?.[1] ?? text.slice(0, 200));
}

/** An object's bytes (a range of them with `range`, e.g. `bytes=0-7`), or undefined when there is none. */
export async function getObject(b: Bucket, key: string, o: { range?: string; maxBytes?: number } = {}) {
  const res = await send(b, 'GET', key, o.range ? { headers: { range: o.range } } : {});
  if (res.status === 404) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.ok) throw await failure(res);
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  // Too big to read: not read (the caller refuses it by its size).
  if (o.maxBytes !== undefined && length > o.maxBytes) {
    await res.body?.cancel();
    return { bytes: undefined, length };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, length: bytes.length };
}

/** An object's size, or undefined when there is none. */
export async function headObject(b: Bucket, key: string): Promise<{ length: number } | undefined> {
  const res = await send(b, 'HEAD', key);
  if (res.status === 404) return undefined;
  if (!res.ok) throw await failure(res);
  return { length: Number(res.headers.get('content-length') ?? 0) };
}

export async function putObject(
  b: Bucket,
  key: string,
  body: Uint8Array,
  o: { contentType: string; contentEncoding?: string; cacheControl?: string },
): Promise<void> {
  const res = await send(b, 'PUT', key, {
    body,
    headers: {
      'content-type': o.contentType,
      ...(o.contentEncoding ? { 'content-encoding': o.contentEncoding } : {}),
      ...(o.cacheControl ? { 'cache-control': o.cacheControl } : {}),
    },
  });
  if (!res.ok) throw await failure(res);
  await res.body?.cancel();
}

export async function deleteObject(b: Bucket, key: string): Promise<void> {
  const res = await send(b, 'DELETE', key);
  if (!res.ok && res.status !== 404) throw await failure(res);
  await res.body?.cancel();
}

/** A link to GET a private object for `expiresS` seconds, with the type and disposition the browser should see. */
export function presignGet(
  b: Bucket,
  key: string,
  o: { expiresS: number; contentType?: string; contentDisposition?: string; date?: Date },
): string {
  recordSent('s3:GetObject', 'object');
  const url = objectUrl(b, key);
  if (o.contentDisposition) url.searchParams.set('response-content-disposition', o.contentDisposition);
  if (o.contentType) url.searchParams.set('response-content-type', o.contentType);
  url.searchParams.set('x-id', 'GetObject');
  return presignUrl({
    method: 'GET',
    url,
    service: 's3',
    region: b.region,
    credentials: credentialsOf(b),
    expiresS: o.expiresS,
    s3: true,
    ...(o.date ? { date: o.date } : {}),
  });
}

export type PostCondition = Record<string, string> | [string, string | number, string | number];

/**
 * A form a browser posts a file with (S3's POST policy, SigV4): the policy
 * lists what the upload must meet (its key, size range, type), the fields
 * carry it and its signature. Nothing is sent to S3 here.
 */
export function presignPost(
  b: Bucket,
  o: { key: string; conditions: PostCondition[]; fields: Record<string, string>; expiresS: number; date?: Date },
): { url: string; fields: Record<string, string> } {
  const now = o.date ?? new Date();
  const { amz, day } = amzStamps(now);
  const credentials = credentialsOf(b);
  const fields: Record<string, string> = {
    ...o.fields,
    bucket: b.bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${day}/${b.region}/s3/aws4_request`,
    'X-Amz-Date': amz,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const conditions = [
    ...new Set([
      ...o.conditions.map((c) => JSON.stringify(c)),
      ...Object.entries(fields).map(([k, v]) => JSON.stringify({ [k]: v })),
      JSON.stringify({ key: o.key }),
    ]),
  ].map((c) => JSON.parse(c) as PostCondition);
  const expiration = new Date(now.getTime() + o.expiresS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const policy = Buffer.from(JSON.stringify({ expiration, conditions }), 'utf8').toString('base64');
  return {
    url: b.endpoint ? bucketUrl(b) : `${bucketUrl(b)}/`,
    fields: {
      ...fields,
      key: o.key,
      Policy: policy,
      'X-Amz-Signature': sign({ credentials, region: b.region, service: 's3' }, day, policy),
    },
  };
}
