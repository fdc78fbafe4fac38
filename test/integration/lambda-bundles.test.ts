import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Db } from '@bursa/core/db';
import { loadConfig, newId } from '@bursa/core/kernel';
import * as Media from '@bursa/core/media';
import { mediaClient } from '@bursa/core/media-client';
import { catalog, translate } from '@bursa/core/messages';
import * as Region from '@bursa/core/region';
import * as Vacancy from '@bursa/core/vacancy';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RotationEvent } from '../../functions/src/rotate/origin-secret.ts';
import { startS3Local } from '../../scripts/local/s3-local.ts';
import { createTestDb } from '../support/db.ts';
import { type FakeCloudFront, initialConfigXml, startFakeCloudFront } from '../support/fake-cloudfront.ts';
import { type FakeSecretsManager, startFakeSecretsManager } from '../support/fake-secrets-manager.ts';

/**
 * The deployable artefacts themselves (dist/lambda/*, built by `npm run build`),
 * invoked with API Gateway v2 / function URL events (api, web) and DynamoDB
 * stream events (events) against DynamoDB Local: proves the bundling (ESM,
 * minified, zod trimmed) did not break anything.
 */
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/lambda');
const meta = path.resolve(dist, '../lambda-meta');

type LambdaResult = { statusCode: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean };
type Handler = (event: unknown, context: unknown) => Promise<LambdaResult>;

/** What CloudFront sends in the origin header; a test's rotation changes it. */
let originSecret = 'test-origin-secret-0123456789';

const event = (
  method: string,
  rawPath: string,
  rawQueryString = '',
  viaCloudFront: boolean | string = true,
  more: { headers?: Record<string, string>; body?: string } = {},
) => ({
  version: '2.0',
  rawPath,
  rawQueryString,
  headers: {
    host: 'bursa.example.id',
    'x-forwarded-proto': 'https',
    'cloudfront-viewer-address': '203.0.113.9:443',
    ...(viaCloudFront ? { 'x-bursa-origin': viaCloudFront === true ? originSecret : viaCloudFront } : {}),
    ...more.headers,
  },
  requestContext: { http: { method, path: rawPath, sourceIp: '203.0.113.9' }, domainName: 'bursa.example.id' },
  ...(more.body !== undefined ? { body: more.body } : {}),
  isBase64Encoded: false,
});

const bodyOf = (r: LambdaResult) =>
  r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');

let api: Handler;
let payments: Handler;
let web: Handler;
let events: (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>;
let rotate: (event: RotationEvent) => Promise<void>;
let jobs: () => Promise<{ expired: number; reminded: number }>;
let db: Db;
let sm: FakeSecretsManager;
let cf: FakeCloudFront;
beforeAll(async () => {
  db = await createTestDb();
  // As deployed: the functions get the secret's ARN and read it from (a stand-in for) Secrets Manager.
  sm = await startFakeSecretsManager(originSecret);
  cf = await startFakeCloudFront(initialConfigXml('x-bursa-origin', originSecret), 0);
  Object.assign(process.env, {
    SITE_URL: 'https://bursa.example.id',
    ORIGIN_SECRET_ARN: sm.arn,
    ORIGIN_DISTRIBUTION_ID: cf.distributionId,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cf.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [] }],
  });
  api = (await import(path.join(dist, 'api/index.mjs'))).handler;
  payments = (await import(path.join(dist, 'payments/index.mjs'))).handler;
  web = (await import(path.join(dist, 'web/index.mjs'))).handler;
  events = (await import(path.join(dist, 'events/index.mjs'))).handler;
  rotate = (await import(path.join(dist, 'rotate/index.mjs'))).handler;
  jobs = (await import(path.join(dist, 'jobs/index.mjs'))).handler;
});
afterAll(async () => {
  vi.useRealTimers();
  await sm.close();
  await cf.close();
  for (const name of [
    'ORIGIN_SECRET_ARN',
    'ORIGIN_DISTRIBUTION_ID',
    'AWS_ENDPOINT_URL_SECRETS_MANAGER',
    'AWS_ENDPOINT_URL_CLOUDFRONT',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
  ]) {
    delete process.env[name];
  }
});

/** A Vacancy item as stored (attribute names as in the table), as the stream carries it. */
const vacancyItem = (status: 'open' | 'closed') => {
  const id = '01jhb7v2c4d6e8f0g2h4';
  return {
    pk: `VACANCY#${id}`,
    sk: 'VACANCY',
    type: 'Vacancy',
    id,
    companyId: '01jhb7k3m5n7p9q1r3s5',
    companyName: 'PT Sinar Garmen Tangerang',
    title: 'Operator Jahit',
    description: 'Menjahit pakaian jadi sesuai standar mutu, shift pagi.',
    vacancyType: 'full_time',
    minEducation: 'SMA',
    skills: ['jahit'],
    regencyCode: '36.71',
    districtCode: '36.71.01',
    openings: 5,
    closingDate: '2099-12-31',
    status,
    ...(status === 'closed' ? { closedBy: 'company' } : {}),
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: status === 'open' ? '2026-01-05T02:00:00.000Z' : '2026-01-06T02:00:00.000Z',
    publishedAt: '2026-01-05T02:00:00.000Z',
    version: status === 'open' ? 1 : 2,
    gsi1pk: 'COMPANY#01jhb7k3m5n7p9q1r3s5',
    gsi1sk: `VACANCY#${id}`,
  };
};

/** A Company item as stored, before and after a rename. */
const companyItem = (name: string) => ({
  pk: 'COMPANY#01jhb7k3m5n7p9q1r3s5',
  sk: 'COMPANY',
  type: 'Company',
  id: '01jhb7k3m5n7p9q1r3s5',
  name,
  sector: 'manufaktur',
  address: 'Jl. Gatot Subroto No. 5',
  regencyCode: '36.71',
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  status: 'verified',
  createdBy: '01jhb7t5v7w9x1y3z5a7',
  createdAt: '2026-01-04T02:00:00.000Z',
  updatedAt: name === 'PT Sinar Garmen Tangerang' ? '2026-01-04T02:00:00.000Z' : '2026-01-07T02:00:00.000Z',
  gsi1pk: 'COMPANIES#verified',
  gsi1sk: '2026-01-04T02:00:00.000Z#01jhb7k3m5n7p9q1r3s5',
});

/** A DynamoDB stream event as Lambda's event source mapping delivers it (NEW_AND_OLD_IMAGES). */
const streamEvent = (
  eventName: 'INSERT' | 'MODIFY',
  sequence: number,
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown>,
): DynamoDBStreamEvent => ({
  Records: [
    {
      eventID: `c81e728d9d4c2f636f067f89cc14862${sequence}`,
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ap-southeast-3',
      dynamodb: {
        ApproximateCreationDateTime: 1767578400 + sequence,
        Keys: marshall({ pk: newImage.pk, sk: newImage.sk }) as never,
        ...(oldImage ? { OldImage: marshall(oldImage) as never } : {}),
        NewImage: marshall(newImage) as never,
        SequenceNumber: `4000000000000000000000${sequence}`,
        SizeBytes: 640,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/bursa-dev/stream/2026-01-01T00:00:00.000',
    },
  ],
});

describe('Lambda bundles', () => {
  it('api answers /api/health from DynamoDB', async () => {
    const res = await api(event('GET', '/api/health'), {});
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(bodyOf(res))).toMatchObject({ status: 'ok' });
  });

  it('api keeps its messages in both languages and stable codes, though its bundle carries only the texts it can show', async () => {
    const res = await api(event('GET', '/api/regions/99.99'), {});
    expect(res.statusCode).toBe(404);
    const params = { code: '99.99' };
    expect(JSON.parse(bodyOf(res))).toEqual({
      code: 'region.not_found',
      message: translate('region.not_found', 'id', params),
    });
    const en = await api(event('GET', '/api/regions/99.99', '', true, { headers: { 'accept-language': 'en' } }), {});
    expect(JSON.parse(bodyOf(en)).message).toBe(translate('region.not_found', 'en', params));
    // The webhooks are the payments function's: the API has no such route.
    const webhook = await api(event('POST', '/api/stripe/webhook', '', true, { body: '{}' }), {});
    expect([webhook.statusCode, JSON.parse(bodyOf(webhook)).code]).toEqual([404, 'route.not_found']);
  });

  it('each function’s texts are the keys its code names, and all of those built from a prefix (web/adapter/used-messages.ts)', () => {
    const kept = (name: string) =>
      new Set<string>(JSON.parse(readFileSync(path.join(meta, `${name}.messages.json`), 'utf8')));
    const all = Object.keys(catalog.id);
    const api = kept('api');
    expect(api.size).toBeLessThan(all.length * 0.7);
    // Raised by its routes' use cases; shown with a notification (keys built from a stored kind or stage).
    for (const key of ['vacancy.title.min', 'auth.invalid_credentials', 'request.field.invalid', 'internal'])
      expect(api).toContain(key);
    const built = all.filter((k) => /^(notification|application\.stage|application\.reason|order\.status)\./.test(k));
    expect(built.filter((k) => !api.has(k))).toEqual([]);
    // The stream consumer mails notifications: the same keys.
    expect(built.filter((k) => !kept('events').has(k))).toEqual([]);
    // Nothing of the marketplace's forms in the API, which has no such routes.
    expect([...api].filter((k) => k.startsWith('shop.') || k.startsWith('post.'))).toEqual([]);
  });

  it('payments answers Stripe’s webhook path (card payments off here: 404 order.card.off, in the asker’s language)', async () => {
    const res = await payments(event('POST', '/api/stripe/webhook', '', true, { body: '{}' }), {});
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(bodyOf(res))).toEqual({ code: 'order.card.off', message: translate('order.card.off', 'id') });
    const en = await payments(
      event('POST', '/api/stripe/webhook', '', true, { body: '{}', headers: { 'accept-language': 'en' } }),
      {},
    );
    expect(JSON.parse(bodyOf(en)).message).toBe(translate('order.card.off', 'en'));
    expect((await payments(event('POST', '/api/stripe/webhook', '', false, { body: '{}' }), {})).statusCode).toBe(403);
  });

  it('web renders the home page with canonical URLs from SITE_URL, not the request', async () => {
    const res = await web(event('GET', '/'), {});
    expect(res.statusCode).toBe(200);
    const html = bodyOf(res);
    expect(html).toMatch(/<html lang="id"[ >]/);
    expect(html).toContain('<link rel="canonical" href="https://bursa.example.id/">');
    // Its inline styles come whole from the manifest that stores each rule once (web/adapter/manifest-css-once.ts).
    const css = [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]).join('');
    expect(css).toContain(':root{--c-bg:#f7f7f4;');
    expect(css).toContain(':focus-visible{outline:3px solid var(--c-focus)');
  });

  it('web answers Astro’s image endpoint with 404: photos are resized on upload, and its image code is not bundled', async () => {
    const res = await web(event('GET', '/_image', 'href=%2Fog-bursa.png&w=64&f=webp'), {});
    expect(res.statusCode).toBe(404);
    // Astro's generic endpoint reads image sizes with these; the stand-in (web/src/endpoints/no-image.ts) does not.
    expect(readFileSync(path.join(dist, 'web/index.mjs'), 'utf8')).not.toContain('unsupported file type: ');
  });

  it('events projects a published vacancy into the listing, and a closed one out of it', async () => {
    const ctx = { db, config: loadConfig({ TABLE_NAME: db.tableName }), actor: undefined };
    const listed = async () => (await Vacancy.browse(ctx, { districtCode: '36.71.01' })).items.map((v) => v.id);

    const open = vacancyItem('open');
    expect(await events(streamEvent('INSERT', 1, undefined, open), {})).toEqual({ batchItemFailures: [] });
    expect(await listed()).toEqual([open.id]);

    expect(await events(streamEvent('MODIFY', 2, open, vacancyItem('closed')), {})).toEqual({ batchItemFailures: [] });
    expect(await listed()).toEqual([]);
  });

  it('events copies a company’s new name onto its vacancies', async () => {
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: vacancyItem('open') }));
    const renamed = streamEvent('MODIFY', 3, companyItem('PT Sinar Garmen Tangerang'), companyItem('PT Sinar Garmen'));
    expect(await events(renamed, {})).toEqual({ batchItemFailures: [] });
    expect((await Vacancy.get(db, '01jhb7v2c4d6e8f0g2h4')).companyName).toBe('PT Sinar Garmen');
  });

  it('jobs runs the scheduled order expiry and interview reminders against the table (nothing due on a fresh table)', async () => {
    expect(await jobs()).toEqual({ expired: 0, reminded: 0 });
  });

  it('search answers from its indexes, fed by the events bundle’s log, and writes snapshots (the only bundle with MiniSearch)', async () => {
    const s3 = await startS3Local({
      directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')),
      buckets: ['bursa-media-search-bundle'],
    });
    try {
      Object.assign(process.env, { S3_ENDPOINT: s3.endpoint, MEDIA_BUCKET: 'bursa-media-search-bundle' });
      // The vacancy reopened (version 3): events lists it and appends it to the search log.
      const reopened = { ...vacancyItem('open'), version: 3, updatedAt: '2026-01-07T02:00:00.000Z' };
      expect(await events(streamEvent('MODIFY', 7, vacancyItem('closed'), reopened), {})).toEqual({
        batchItemFailures: [],
      });
      const search = (await import(path.join(dist, 'search/index.mjs'))).handler as (e: unknown) => Promise<unknown>;
      const found = (await search({ action: 'search', query: { q: 'penjahit', tab: 'vacancies' } })) as {
        counts: Record<string, number>;
        vacancies: { id: string; title: string }[];
      };
      expect(found.counts.vacancies).toBe(1);
      expect(found.vacancies[0]).toMatchObject({ id: reopened.id, title: 'Operator Jahit' });
      const compacted = (await search({ action: 'compact' })) as {
        collection: string;
        docs: number;
        skipped: boolean;
      }[];
      expect(compacted.map((r) => [r.collection, r.skipped])).toEqual([
        ['vacancies', false],
        ['products', false],
        ['shops', false],
      ]);
      expect(compacted[0]?.docs).toBe(1);
      await expect(search({ action: 'search', query: { q: 'x'.repeat(101) } })).rejects.toThrow();
    } finally {
      await s3.stop();
      for (const name of ['S3_ENDPOINT', 'MEDIA_BUCKET']) delete process.env[name];
    }
  });

  it('every function but web is within 300 KB (a barrel imported by name, or a schema built with a spread, would break it)', () => {
    const kb = (name: string) => Math.round(statSync(path.join(dist, name, 'index.mjs')).size / 1024);
    const over = ['api', 'payments', 'events', 'image', 'jobs', 'search', 'rotate']
      .map((n) => [n, kb(n)] as const)
      .filter(([, size]) => size > 300);
    expect(over).toEqual([]);
  });

  it('zod is only in the bundles that parse people’s input: the events, jobs, image and payments functions carry no use case', () => {
    const holding = readdirSync(dist).filter((name) =>
      readFileSync(path.join(dist, name, 'index.mjs'), 'utf8').includes('$ZodObject'),
    );
    expect(holding.sort()).toEqual(['api', 'search', 'web']);
  });

  it('MiniSearch is in the search bundle alone: the others ask the search function or only write its log', () => {
    const holding = readdirSync(dist).filter((name) =>
      readFileSync(path.join(dist, name, 'index.mjs'), 'utf8').includes('MiniSearch: duplicate ID'),
    );
    expect(holding).toEqual(['search']);
  });

  it('both refuse requests that did not come through CloudFront (no origin secret)', async () => {
    const apiRes = await api(event('GET', '/api/health', '', false), {});
    expect(apiRes.statusCode).toBe(403);
    expect(JSON.parse(bodyOf(apiRes)).code).toBe('request.direct_access');
    const webRes = await web(event('GET', '/', '', false), {});
    expect(webRes.statusCode).toBe(403);
    expect(bodyOf(webRes)).not.toContain('<html');
    const forged = await web(event('GET', '/', '', 'test-origin-secret-0123456780'), {});
    expect(forged.statusCode).toBe(403);
  });

  it('rotate switches CloudFront to a new secret that api and web accept, the old one still valid meanwhile', async () => {
    const before = originSecret;
    const ClientRequestToken = sm.beginRotation();
    for (const Step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
      await rotate({ SecretId: sm.arn, ClientRequestToken, Step });
    }
    originSecret = sm.valueAt('AWSCURRENT') ?? '';
    expect(originSecret).not.toBe(before);
    expect(cf.headerValues('x-bursa-origin')).toEqual([originSecret, originSecret]);
    // The functions loaded the old value; they look again on a miss, at most every 30 s.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await api(event('GET', '/api/health'), {})).statusCode).toBe(200);
    expect((await web(event('GET', '/'), {})).statusCode).toBe(200);
    expect((await api(event('GET', '/api/health', '', before), {})).statusCode).toBe(200);
    expect((await web(event('GET', '/', '', 'not-the-secret-at-all-0123456789'), {})).statusCode).toBe(403);
    vi.useRealTimers();
  });
});

describe('image bundle', () => {
  it('ships sharp for Lambda (linux, arm64) beside the bundle, and nothing for another platform', () => {
    const modules = path.join(dist, 'image/node_modules');
    const arm = JSON.parse(readFileSync(path.join(modules, '@img/sharp-linux-arm64/package.json'), 'utf8'));
    expect([arm.os, arm.cpu]).toEqual([['linux'], ['arm64']]);
    expect(readdirSync(path.join(modules, '@img')).filter((d) => /x64|darwin|win32|musl/.test(d))).toEqual([]);
    // The bundle leaves sharp out (it loads from node_modules beside it).
    expect(readFileSync(path.join(dist, 'image/index.mjs'), 'utf8')).toMatch(/from\s*"sharp"/);
  });

  it('turns an uploaded photo into variants when invoked with an S3 event (this machine’s sharp standing in for arm64)', async () => {
    const s3 = await startS3Local({
      directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')),
      buckets: ['bursa-media-bundle'],
    });
    try {
      Object.assign(process.env, {
        S3_ENDPOINT: s3.endpoint,
        MEDIA_BUCKET: 'bursa-media-bundle',
        TABLE_NAME: db.tableName,
      });
      // The built file, next to this machine's node_modules (x64 sharp) instead of the arm64 copy.
      const dir = mkdtempSync(path.join(tmpdir(), 'bursa-image-bundle-'));
      copyFileSync(path.join(dist, 'image/index.mjs'), path.join(dir, 'index.mjs'));
      symlinkSync(path.resolve(dist, '../../node_modules'), path.join(dir, 'node_modules'));
      const image = (await import(path.join(dir, 'index.mjs'))).handler as (e: unknown) => Promise<void>;
      const config = loadConfig();
      const userId = newId();
      const imageId = newId();
      const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c84' } })
        .jpeg()
        .toBuffer();
      await mediaClient(config).send(
        new PutObjectCommand({ Bucket: config.mediaBucket, Key: Media.uploadKeyOf(userId, imageId), Body: photo }),
      );
      await image({ Records: [{ s3: { object: { key: encodeURIComponent(Media.uploadKeyOf(userId, imageId)) } } }] });
      expect(await Media.findImage(db, imageId)).toMatchObject({ status: 'ready', width: 900, height: 600 });
    } finally {
      await s3.stop();
      for (const name of ['S3_ENDPOINT', 'MEDIA_BUCKET']) delete process.env[name];
    }
  });
});
