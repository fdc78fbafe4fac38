import { recordActions } from '../db/action-recorder.ts';
import { AwsError, awsFetch, credentialsFromEnv } from './sigv4.ts';

/**
 * The three CloudFront calls the rotation function makes, over fetch (REST-XML,
 * signed for us-east-1 whatever the function's region): a distribution's
 * config as XML with its ETag, the config put back (If-Match), and the
 * distribution with its status. The XML is kept as CloudFront sends it and
 * changed in place (`originHeaderValues`, `withOriginHeader`), so nothing of a
 * config Bursa does not know is lost. `AWS_ENDPOINT_URL_CLOUDFRONT` points it
 * elsewhere (the tests' stand-in: test/support/fake-cloudfront.ts).
 */
export type CloudFrontTarget = { endpoint?: string | undefined; attempts?: number };

async function call(
  t: CloudFrontTarget,
  method: 'GET' | 'PUT',
  path: string,
  action: string,
  o: { body?: string; ifMatch?: string } = {},
) {
  recordActions([{ action: `cloudfront:${action}`, resource: 'distribution' }]);
  const base = t.endpoint ?? process.env.AWS_ENDPOINT_URL_CLOUDFRONT ?? 'https://cloudfront.amazonaws.com';
  const res = await awsFetch({
    method,
    url: new URL(path, base),
    headers: {
      ...(o.body !== undefined ? { 'content-type': 'application/xml' } : {}),
      ...(o.ifMatch ? { 'if-match': o.ifMatch } : {}),
    },
    ...(o.body !== undefined ? { body: o.body } : {}),
    service: 'cloudfront',
    region: 'us-east-1',
    credentials: credentialsFromEnv(),
    ...(t.attempts ? { attempts: t.attempts } : {}),
  });
  const xml = await res.text();
  if (!res.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(xml)?.[1] ?? `Http${res.status}`;
    throw new AwsError(code, res.status, /<Message>([^<]+)<\/Message>/.exec(xml)?.[1] ?? xml.slice(0, 200));
  }
  return { xml, etag: res.headers.get('etag') ?? undefined };
}

const path = (id: string) => `/2020-05-31/distribution/${encodeURIComponent(id)}`;

export const getDistributionConfig = (t: CloudFrontTarget, id: string) =>
  call(t, 'GET', `${path(id)}/config`, 'GetDistributionConfig');

export const updateDistribution = (t: CloudFrontTarget, id: string, xml: string, ifMatch: string | undefined) =>
  call(t, 'PUT', `${path(id)}/config`, 'UpdateDistribution', { body: xml, ...(ifMatch ? { ifMatch } : {}) });

/** The distribution (its config inside) and its status: `Deployed` or `InProgress`. */
export async function getDistribution(t: CloudFrontTarget, id: string): Promise<{ xml: string; status?: string }> {
  const { xml } = await call(t, 'GET', path(id), 'GetDistribution');
  const status = /<Status>([^<]+)<\/Status>/.exec(xml)?.[1];
  return { xml, ...(status ? { status } : {}) };
}

const HEADER = /(<OriginCustomHeader>\s*<HeaderName>)([^<]*)(<\/HeaderName>\s*<HeaderValue>)([^<]*)(<\/HeaderValue>)/g;
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The values an origin custom header has, one per origin that sends it (names compared case-insensitively). */
export function originHeaderValues(xml: string, name: string): string[] {
  return [...xml.matchAll(HEADER)].filter((m) => m[2]?.toLowerCase() === name).map((m) => fromXml(m[4] ?? ''));
}

/** The config with every origin that sends the header sending `value` instead. */
export function withOriginHeader(xml: string, name: string, value: string): string {
  return xml.replace(HEADER, (all, open, header, middle, _old, close) =>
    String(header).toLowerCase() === name ? `${open}${header}${middle}${xmlText(value)}${close}` : all,
  );
}
