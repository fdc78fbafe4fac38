/**
 * The programme pages against the built app (web/dist, as the browser tests use it): an officer creates a
 * programme and a cohort, uploads a CSV (multipart), sees bad rows with line numbers, marks completion and
 * reads the English page; a resident gets 403.
 */
import * as Account from '@bursa/core/account';
import { loadConfig } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import * as Shop from '@bursa/core/shop';
import { SESSION_COOKIE } from '@bursa/http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../../../../scripts/local/server.ts';
import { seedRegions } from '../../../../scripts/seed/regions.ts';
import { createTestDb } from '../../../../test/support/db.ts';

let app: Awaited<ReturnType<typeof startAppServer>>;
let cookie = '';
let csrf = '';
let residentCookie = '';
beforeAll(async () => {
  const db = await createTestDb();
  process.env.HOME_REGENCY = '36.71';
  await seedRegions(db);
  const ctx = { db, config: loadConfig(), actor: undefined };
  const o = await Account.register(ctx, { name: 'Petugas', email: 'p@x.id', password: 'rahasia123' });
  await Account.grantRole(db, o.user.id, 'officer');
  const s = await Account.signIn(ctx, { identifier: 'p@x.id', password: 'rahasia123' });
  cookie = `${SESSION_COOKIE}=${s.cookieValue}`;
  csrf = s.csrf;
  const w = await Account.register(ctx, { name: 'Warga', email: 'w@x.id', password: 'rahasia123' });
  // A shop whose badge request waits in the queue: its card says the owner is on no cohort list.
  const regency = await Region.get(db, '36.71');
  const district = regency.districts[0];
  const warga = { userId: w.user.id, name: 'Warga', roles: ['resident' as const] };
  const shop = await Shop.open(
    { ...ctx, actor: warga },
    {
      handle: 'tokowarga',
      name: 'Toko Warga',
      category: 'kuliner',
      districtCode: district?.code ?? '',
      villageCode: district?.villages[0]?.code ?? '',
      whatsapp: '0812 7777 1234',
      delivery: ['pickup'],
    },
  );
  await Shop.requestBadge(
    { ...ctx, actor: warga },
    { shopId: shop.id, programme: 'blk', cohort: 'Tata Boga', year: 2025 },
  );
  const r = await Account.signIn(ctx, { identifier: 'w@x.id', password: 'rahasia123' });
  residentCookie = `${SESSION_COOKIE}=${r.cookieValue}`;
  app = await startAppServer(0);
});
afterAll(() => app?.stop());

const get = (path: string, c = cookie) => fetch(`${app.url}${path}`, { headers: { cookie: c }, redirect: 'manual' });
const post = (path: string, body: URLSearchParams | FormData) =>
  fetch(`${app.url}${path}`, { method: 'POST', body, headers: { cookie, origin: app.url }, redirect: 'manual' });

it('officer pages work end to end', async () => {
  let res = await get('/kantor/program');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('programme-form');
  expect((await get('/kantor/program', residentCookie)).status).toBe(403);
  res = await post('/kantor/program', new URLSearchParams({ _csrf: csrf, kind: 'blk', name: 'Tata Boga BLK' }));
  expect(res.status).toBe(303);
  const programmePath = res.headers.get('location') ?? '';
  res = await get(programmePath);
  expect(await res.text()).toContain('cohort-form');
  res = await post(
    programmePath,
    new URLSearchParams({ _csrf: csrf, name: 'x', startDate: '2026-05-01', endDate: '2026-04-01', capacity: '0' }),
  );
  expect(res.status).toBe(400);
  res = await post(
    programmePath,
    new URLSearchParams({
      _csrf: csrf,
      name: 'Angkatan 1',
      track: 'Tata Boga',
      startDate: '2026-02-01',
      endDate: '2026-04-30',
      institution: 'BLK',
      capacity: '5',
    }),
  );
  expect(res.status).toBe(303);
  const cohortPath = res.headers.get('location') ?? '';
  res = await get(cohortPath);
  expect(await res.text()).toContain('participant-phone');
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('action', 'import');
  form.set('file', new Blob(['nama,hp\nCitra,0813 1111 2222\nEka,0813 1111 4444\n'], { type: 'text/csv' }), 'list.csv');
  res = await post(cohortPath, form);
  expect(res.status).toBe(303);
  res = await get(res.headers.get('location') ?? '');
  let html = await res.text();
  expect(html.match(/data-testid="participant-row"/g)).toHaveLength(2);
  expect(html).toContain('followup-table');
  expect(html).toContain('2 peserta ditambahkan');
  const bad = new FormData();
  bad.set('_csrf', csrf);
  bad.set('action', 'import');
  bad.set('csv', 'nama,hp\nX,123\n');
  res = await post(cohortPath, bad);
  expect(res.status).toBe(400);
  html = await res.text();
  expect(html).toContain('Baris 2');
  res = await post(cohortPath, new URLSearchParams({ _csrf: csrf, action: 'complete', phone: '+6281311112222' }));
  expect(res.status).toBe(303);
  html = await (await get(cohortPath)).text();
  const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? '';
  const change = {
    _csrf: csrf,
    action: 'update',
    startDate: '2026-02-01',
    endDate: '2026-05-08',
    institution: 'BLK',
    capacity: '6',
  };
  res = await post(cohortPath, new URLSearchParams({ ...change, version }));
  expect(res.status).toBe(303);
  res = await post(cohortPath, new URLSearchParams({ ...change, version }));
  expect(res.status).toBe(409);
  res = await get(`/en${cohortPath}?periode=24`);
  expect(res.status).toBe(200);
  html = await res.text();
  expect(html).toContain('Completed');
  expect(html).toContain('2 of 6 participants');
  res = await get('/saya/lencana');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('Tidak ada di daftar angkatan');
  expect((await get(cohortPath, residentCookie)).status).toBe(403);
});
