import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as Account from '@bursa/core/account';
import { loadConfig, todayInJakarta } from '@bursa/core/kernel';
import * as Outcome from '@bursa/core/outcome';
import * as Region from '@bursa/core/region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../packages/core/src/account/account.session.ts';
import { startAppServer } from '../../../../scripts/local/server.ts';
import { createTestDb } from '../../../../test/support/db.ts';

/**
 * /kantor on the built app: officers only (403 otherwise), the headline
 * figures, inline SVG charts, the kelurahan table sorted through links with
 * aria-sort, and downloads that hold the page's numbers.
 */
let app: Awaited<ReturnType<typeof startAppServer>>;
let db: Awaited<ReturnType<typeof createTestDb>>;
let officerCookie = '';
let residentCookie = '';
const thisMonth = todayInJakarta().slice(0, 7);
const lastMonth = Outcome.shiftMonth(thisMonth, -1);

async function put(month: string, scope: string, counts: Record<string, number>) {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        pk: `OUTCOME#36.71#${month}`,
        sk: scope,
        type: 'OutcomeCount',
        regency: '36.71',
        month,
        scope,
        ...counts,
      },
    }),
  );
}

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      {
        code: '36.71.01',
        name: 'Tangerang',
        villages: [
          { code: '36.71.01.1001', name: 'Sukarasa' },
          { code: '36.71.01.1002', name: 'Sukasari' },
        ],
      },
    ],
  });
  await put(lastMonth, 'all', {
    applications: 30,
    hired: 4,
    openings: 10,
    vacancies: 3,
    orders: 7,
    sales: 350_000,
    filledBursa: 2,
    filledElsewhere: 1,
    cancelled: 1,
  });
  await put(thisMonth, 'all', { applications: 12, hired: 1, orders: 2, sales: 90_000, sellers: 2, products: 5 });
  await put(lastMonth, 'village#36.71.01.1001', { applications: 10, hired: 1, openings: 4 });
  await put(lastMonth, 'village#36.71.01.1002', { applications: 20, hired: 3, openings: 6, filledBursa: 1 });
  await put(thisMonth, 'village#36.71.01.1002', { applications: 12, hired: 1, orders: 2, sales: 90_000 });
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName });
  const reg = async (name: string, phone: string) =>
    (await Account.register({ db, config, actor: undefined }, { name, phone, password: 'rahasia123' })).user.id;
  const officer = await reg('Petugas', '0812 3100 0001');
  await Account.grantRole(db, officer, 'officer');
  const resident = await reg('Warga', '0812 3100 0002');
  officerCookie = (await createSession(db, officer)).cookieValue;
  residentCookie = (await createSession(db, resident)).cookieValue;
  app = await startAppServer(0);
  process.env.SITE_URL = app.url;
}, 90_000);
afterAll(async () => {
  await app?.stop();
});

const get = (p: string, cookie?: string) =>
  fetch(`${app.url}${p}`, { headers: cookie ? { cookie: `bursa_session=${cookie}` } : {}, redirect: 'manual' });
const testid = (html: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe('/kantor', () => {
  it('is for officers only', async () => {
    // Anonymous visitors are sent to sign in first (the app's middleware for /kantor).
    const anonymous = await get('/kantor');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toContain('/masuk');
    expect((await get('/kantor', residentCookie)).status).toBe(403);
    expect((await get('/kantor/unduh.csv', residentCookie)).status).toBe(403);
    expect([302, 403]).toContain((await get('/kantor/unduh.xlsx')).status);
  });

  it('shows the figures, the charts and the table sorted by a link, with the downloads of the same view', async () => {
    const res = await get('/kantor?urut=applications&arah=desc', officerCookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const id of ['dashboard-figures', 'funnel-chart', 'village-table', 'download-csv', 'download-xlsx'])
      expect(html, id).toContain(`data-testid="${id}"`);
    expect(testid(html, 'figure-applicants')).toBe('42');
    expect(testid(html, 'figure-hired')).toBe('5');
    expect(testid(html, 'figure-sales')).toBe('Rp440.000');
    expect(testid(html, 'figure-sellers')).toBe('2');
    // How the companies' vacancies ended (the reason they gave when closing).
    expect(testid(html, 'figure-filled-bursa')).toBe('2');
    expect(testid(html, 'figure-filled-elsewhere')).toBe('1');
    expect(testid(html, 'figure-cancelled')).toBe('1');
    // The charts are images with a title and every number in words.
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title id="chart-jobs-title">Pelamar dan diterima per bulan</title>');
    // Sorted by applicants, most first; that header says so; the others sort through links.
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*data-column="applications"/);
    expect(html.indexOf('data-village="36.71.01.1002"')).toBeLessThan(html.indexOf('data-village="36.71.01.1001"'));
    expect(html).toContain('href="/kantor?dari=');
    expect(html).toMatch(/href="\/kantor\/unduh\.csv\?dari=[^"]*urut=applications&amp;arah=desc"/);
    const csv = await get(`/kantor/unduh.csv?urut=applications&arah=desc`, officerCookie);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[1]).toMatch(/^36\.71\.01\.1002,Sukasari,Tangerang,0,6,32,0,0,4,1,0,0,0,0,2,90000,66\.7$/);
    expect(lines.at(-1)).toMatch(/^,TOTAL,,3,10,42,0,0,5,2,1,1,2,5,9,440000,50$/);
    const xlsx = await get('/kantor/unduh.xlsx', officerCookie);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('explains a bad filter (400) and speaks English under /en', async () => {
    const bad = await get('/kantor?dari=2026-13', officerCookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Tulis bulan, contoh 2026-12.');
    const en = await get('/en/kantor', officerCookie);
    expect(en.status).toBe(200);
    expect(await en.text()).toContain('Outcomes dashboard');
  });
});
