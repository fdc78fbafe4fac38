import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 over fetch, for the few calls Bursa makes to AWS
 * services other than DynamoDB (Lambda Invoke, Secrets Manager), so a
 * function carries a few KB of signing instead of an SDK client each (issue
 * 15: a Lambda client alone was 72 KB in every function that searches). The
 * signatures are checked against the SDK's own signer (sigv4.test.ts).
 */
export type AwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };

/** In Lambda, the execution role's credentials are in the environment; locally the stand-ins take any. */
export function credentialsFromEnv(env: Record<string, string | undefined> = process.env): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS credentials are not in the environment');
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20261207T120000Z` and `20261207`. */
function stamps(date: Date) {
  const amz = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amz, day: amz.slice(0, 8) };
}

export type SignInput = {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  service: string;
  region: string;
  credentials: AwsCredentials;
  date?: Date;
  /** S3 signs the path as sent (each segment encoded once), other services encode it once more. */
  s3?: boolean;
};

/** The headers to send with the request (the given ones, plus host, x-amz-date, the token and Authorization). */
export function signRequest(o: SignInput): Record<string, string> {
  const { amz, day } = stamps(o.date ?? new Date());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.headers ?? {})) headers[k.toLowerCase()] = v;
  const payloadHash = sha256Hex(o.body ?? '');
  headers.host = o.url.host;
  headers['x-amz-content-sha256'] = payloadHash;
  headers['x-amz-date'] = amz;
  if (o.credentials.sessionToken) headers['x-amz-security-token'] = o.credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonical = [
    o.method,
    canonicalPath(o.url, o.s3),
    canonicalQuery(o.url),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${day}/${o.region}/${o.service}/aws4_request`;
  const signature = sign(o, day, ['AWS4-HMAC-SHA256', amz, scope, sha256Hex(canonical)].join('\n'));
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

/** Every service but S3 signs the path with each segment encoded once more. */
const canonicalPath = (url: URL, s3 = false) =>
  (s3
    ? url.pathname
    : url.pathname
        .split('/')
        .map((segment) => encode(segment))
        .join('/')) || '/';

const canonicalQuery = (url: URL) =>
  [...url.searchParams]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

/** The signature of `toSign` with the day's key for the region and service, hex. */
export function sign(
  o: { credentials: AwsCredentials; region: string; service: string },
  day: string,
  toSign: string,
): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${o.credentials.secretAccessKey}`, day), o.region), o.service), 'aws4_request');
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

/**
 * A presigned URL (query-string SigV4): anyone holding it may send that one
 * request until it expires. S3's: the payload unsigned, only `host` signed.
 */
export function presignUrl(o: Omit<SignInput, 'headers' | 'body'> & { expiresS: number }): string {
  const { amz, day } = stamps(o.date ?? new Date());
  const url = new URL(o.url);
  const scope = `${day}/${o.region}/${o.service}/aws4_request`;
  url.searchParams.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
  url.searchParams.set('X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD');
  url.searchParams.set('X-Amz-Credential', `${o.credentials.accessKeyId}/${scope}`);
  url.searchParams.set('X-Amz-Date', amz);
  url.searchParams.set('X-Amz-Expires', String(o.expiresS));
  if (o.credentials.sessionToken) url.searchParams.set('X-Amz-Security-Token', o.credentials.sessionToken);
  url.searchParams.set('X-Amz-SignedHeaders', 'host');
  const canonical = [
    o.method,
    canonicalPath(url, o.s3),
    canonicalQuery(url),
    `host:${url.host}\n`,
    'host',
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const signature = sign(o, day, ['AWS4-HMAC-SHA256', amz, scope, sha256Hex(canonical)].join('\n'));
  // Query values RFC 3986-encoded, as signed.
  return `${url.origin}${url.pathname}?${canonicalQuery(url)}&X-Amz-Signature=${signature}`;
}

/** `20261207T120000Z` and `20261207` for a date. */
export const amzStamps = stamps;

/** An AWS API's error: its `__type`/`x-amzn-errortype` name, HTTP status and message. */
export class AwsError extends Error {
  constructor(
    override readonly name: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A signed request, retried (with backoff, up to `attempts`) on network errors,
 * throttling and 5xx as the SDK's standard retry mode does.
 */
export async function awsFetch(o: SignInput & { attempts?: number; timeoutMs?: number }): Promise<Response> {
  const attempts = o.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(o.url, {
        method: o.method,
        headers: signRequest(o),
        ...(o.body !== undefined ? { body: o.body as BodyInit } : {}),
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const throttled =
        res.status === 429 || res.status >= 500 || /Throttl/.test(res.headers.get('x-amzn-errortype') ?? '');
      if (!throttled || attempt >= attempts) return res;
      await res.arrayBuffer();
    } catch (e) {
      if (attempt >= attempts) throw e;
    }
    await new Promise((r) => setTimeout(r, Math.random() * 100 * 2 ** attempt));
  }
}

/** Throws the AWS error a failed response carries (JSON protocols: `__type` and `message`). */
export async function throwIfFailed(res: Response): Promise<void> {
  if (res.ok) return;
  const text = await res.text();
  let body: { __type?: string; message?: string; Message?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {}
  const raw = res.headers.get('x-amzn-errortype') ?? body.__type ?? `Http${res.status}`;
  const name = raw.split(':')[0]?.split('#').at(-1) ?? raw;
  throw new AwsError(name, res.status, body.message ?? body.Message ?? text.slice(0, 300));
}
