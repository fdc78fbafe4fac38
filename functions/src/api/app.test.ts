import type { Db } from '@bursa/core/db';
import { loadConfig, ValidationError } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { createApi } from './app.ts';
import { readJsonBody } from './body.ts';
import type { ApiEnv } from './context.ts';
import { toErrorResponse } from './errors.ts';

let db: Db;
let api: ReturnType<typeof createApi>;
beforeAll(async () => {
  db = await createTestDb();
  api = createApi({ config: loadConfig(), db });
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [] }],
  });
});

describe('GET /api/health', () => {
  it('reports ok when the table answers', async () => {
    const res = await api.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { dynamodb: 'ok' } });
  });
  it('reports 503 degraded when the table is gone', async () => {
    const broken = createApi({ config: loadConfig(), db: { ...db, tableName: 'no-such-table' } });
    const res = await broken.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', checks: { dynamodb: 'error' } });
  });
});

describe('GET /api/regions/:code', () => {
  it('returns the regency tree, cacheable', async () => {
    const res = await api.request('/api/regions/36.71');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(await res.json()).toMatchObject({ name: 'Kota Tangerang', districts: [{ code: '36.71.01' }] });
  });
  it('answers 404 with a stable code for an unknown region', async () => {
    const res = await api.request('/api/regions/12.34');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'region.not_found' });
  });
});

describe('errors', () => {
  it('answers unknown API routes with JSON 404', async () => {
    const res = await api.request('/api/nothing-here', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: 'route.not_found',
      message: 'Alamat ini tidak ada: POST /api/nothing-here.',
    });
  });

  it('speaks the language the client asks for (Accept-Language), Indonesian by default', async () => {
    const body = { name: 'X', email: 'bukan-email', password: 'pendek' };
    const init = (lang?: string) => ({
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
    });
    const id = await (await api.request('/api/auth/register', init())).json();
    const en = await (await api.request('/api/auth/register', init('en-US,en;q=0.9,id;q=0.5'))).json();
    const idPreferred = await (await api.request('/api/auth/register', init('id-ID,id;q=0.9,en;q=0.8'))).json();
    expect(id.code).toBe('request.invalid');
    expect(id.message).toBe('Periksa kembali isian yang ditandai.');
    expect(en.message).toBe('Please check the highlighted fields.');
    expect(idPreferred.message).toBe(id.message);
    const field = (b: typeof id, path: string) =>
      b.details.fields.find((f: { path: string }) => f.path === path) as { code: string; message: string };
    expect(field(id, 'email')).toEqual({
      path: 'email',
      code: 'account.email.invalid',
      message: 'Alamat email tidak valid, contoh: nama@contoh.id',
    });
    expect(field(en, 'email').message).toBe('Not a valid email address, for example: name@example.id');
    expect(field(en, 'password').code).toBe('account.password.min');
  });

  const app = new Hono<ApiEnv>()
    .get('/invalid', () => {
      throw new ValidationError([{ path: 'title', code: 'vacancy.title.min' }]);
    })
    .post('/json', async (c) => c.json(await readJsonBody(c)))
    .get('/boom', () => {
      throw new Error('secret table name bursa-prod leaked?');
    })
    .onError(toErrorResponse);

  it('maps validation errors to 400 listing the offending fields', async () => {
    const res = await app.request('/invalid');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'request.invalid',
      message: 'Periksa kembali isian yang ditandai.',
      details: { fields: [{ path: 'title', code: 'vacancy.title.min', message: 'Judul minimal 3 huruf.' }] },
    });
  });
  it('maps malformed JSON to 400 request.malformed', async () => {
    const res = await app.request('/json', {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'request.malformed' });
  });
  it('answers anything unexpected with a 500 that leaks nothing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('bursa-prod');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe('a deployed function without its origin secret', () => {
  it('fails closed: refuses every request instead of trusting all', async () => {
    const misconfigured = createApi({ config: loadConfig({ TABLE_NAME: db.tableName, STAGE: 'prod' }), db });
    const res = await misconfigured.request('/api/health', { headers: { 'x-bursa-origin': 'anything' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'request.direct_access' });
  });
});

describe('security headers', () => {
  it('are on every API response, errors included; HSTS only for an https site', async () => {
    for (const path of ['/api/health', '/api/nothing-here']) {
      const res = await api.request(path);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const https = createApi({
      config: loadConfig({ TABLE_NAME: db.tableName, SITE_URL: 'https://bursa.example.id' }),
      db,
    });
    expect((await https.request('/api/health')).headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});

describe('behind CloudFront (ORIGIN_SECRET set)', () => {
  const secret = 'a-secret-only-cloudfront-knows';
  it('refuses requests sent straight to the function URL, accepts those CloudFront forwards', async () => {
    const guarded = createApi({ config: loadConfig({ TABLE_NAME: db.tableName, ORIGIN_SECRET: secret }), db });
    const direct = await guarded.request('/api/health');
    expect(direct.status).toBe(403);
    expect(await direct.json()).toMatchObject({ code: 'request.direct_access' });
    const forged = await guarded.request('/api/health', { headers: { 'x-bursa-origin': 'guess' } });
    expect(forged.status).toBe(403);
    const viaCloudFront = await guarded.request('/api/health', { headers: { 'x-bursa-origin': secret } });
    expect(viaCloudFront.status).toBe(200);
  });
});
