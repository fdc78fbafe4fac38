import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Form posts through the built Lambda bundle (dist/lambda/web, `npm run build`)
 * as CloudFront delivers them: for the function URL's host name, with the
 * browser's Origin. No database needed: the posts fail validation first.
 */
const bundle = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/lambda/web/index.mjs');
const functionHost = 'abcdefghij.lambda-url.ap-southeast-3.on.aws';

type LambdaResult = { statusCode: number; body?: string; isBase64Encoded?: boolean };
let handler: (event: unknown, context: unknown) => Promise<LambdaResult>;

const post = (rawPath: string, origin: string, body: string) => ({
  version: '2.0',
  rawPath,
  rawQueryString: '',
  headers: {
    host: functionHost,
    origin,
    'content-type': 'application/x-www-form-urlencoded',
    'cloudfront-viewer-address': '203.0.113.9:443',
  },
  requestContext: { http: { method: 'POST', path: rawPath, sourceIp: '203.0.113.9' }, domainName: functionHost },
  body,
  isBase64Encoded: false,
});
const text = (r: LambdaResult) => (r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString() : (r.body ?? ''));

beforeAll(async () => {
  process.env.SITE_URL = 'https://bursa.example.id';
  ({ handler } = await import(bundle));
});

describe('web Lambda behind CloudFront', () => {
  it('accepts a form posted from the site itself (Origin = SITE_URL), whatever the function host', async () => {
    const res = await handler(post('/daftar', 'https://bursa.example.id', 'name=A&email=&phone=&password=x'), {});
    expect(res.statusCode).toBe(400);
    const html = text(res);
    expect(html).toContain('Nama minimal 2 huruf.');
    expect(html).toContain('<link rel="canonical" href="https://bursa.example.id/daftar">');
  });

  it('still refuses cross-site form posts', async () => {
    const res = await handler(post('/daftar', 'https://evil.example', 'name=A&password=x'), {});
    expect(res.statusCode).toBe(403);
  });

  it('serves English form pages through the same rewrite', async () => {
    const res = await handler(post('/en/daftar', 'https://bursa.example.id', 'name=A&password=x'), {});
    expect(res.statusCode).toBe(400);
    expect(text(res)).toContain('The name needs at least 2 letters.');
  });
});
