import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveRegency } from '@bursa/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.ts';

/**
 * The deployable artefacts themselves (dist/lambda/*, built by `npm run build`),
 * invoked with API Gateway v2 / function URL events against DynamoDB Local:
 * proves the bundling (ESM, minified, zod trimmed) did not break anything.
 */
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/lambda');

type LambdaResult = { statusCode: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean };
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

const ORIGIN_SECRET = 'test-origin-secret-0123456789';

const event = (method: string, rawPath: string, rawQueryString = '', viaCloudFront = true) => ({
  version: '2.0',
  rawPath,
  rawQueryString,
  headers: {
    host: 'bursa.example.id',
    'x-forwarded-proto': 'https',
    'cloudfront-viewer-address': '203.0.113.9:443',
    ...(viaCloudFront ? { 'x-bursa-origin': ORIGIN_SECRET } : {}),
  },
  requestContext: { http: { method, path: rawPath, sourceIp: '203.0.113.9' }, domainName: 'bursa.example.id' },
  isBase64Encoded: false,
});

const bodyOf = (r: LambdaResult) =>
  r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');

let api: Handler;
let web: Handler;
beforeAll(async () => {
  const db = await createTestDb();
  process.env.SITE_URL = 'https://bursa.example.id';
  process.env.ORIGIN_SECRET = ORIGIN_SECRET;
  await saveRegency(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [] }],
  });
  api = (await import(path.join(dist, 'api/index.mjs'))).handler;
  web = (await import(path.join(dist, 'web/index.mjs'))).handler;
});

describe('Lambda bundles', () => {
  it('api answers /api/health from DynamoDB', async () => {
    const res = await api(event('GET', '/api/health'), {});
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(res))).toMatchObject({ status: 'ok' });
  });

  it('api keeps Indonesian validation messages and stable codes', async () => {
    const res = await api(event('GET', '/api/regions/99.99'), {});
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(bodyOf(res)).code).toBe('region.not_found');
  });

  it('web renders the home page with canonical URLs from SITE_URL, not the request', async () => {
    const res = await web(event('GET', '/'), {});
    expect(res.statusCode).toBe(200);
    const html = bodyOf(res);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<link rel="canonical" href="https://bursa.example.id/">');
  });

  it('both refuse requests that did not come through CloudFront (no origin secret)', async () => {
    const apiRes = await api(event('GET', '/api/health', '', false), {});
    expect(apiRes.statusCode).toBe(403);
    expect(JSON.parse(bodyOf(apiRes)).code).toBe('request.direct_access');
    const webRes = await web(event('GET', '/', '', false), {});
    expect(webRes.statusCode).toBe(403);
    expect(bodyOf(webRes)).not.toContain('<html');
  });
});
