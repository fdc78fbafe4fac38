import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import * as Company from '@bursa/core/company';
import { type Actor, loadConfig, todayInJakarta } from '@bursa/core/kernel';
import * as Profile from '@bursa/core/profile';
import * as Vacancy from '@bursa/core/vacancy';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

/**
 * A job fair on 360 px phones: an officer creates and publishes it, an
 * employer gets a booth and publishes slots, a resident registers, applies at
 * the booth, is shortlisted, books a slot, and is checked in by short code.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let officer: Page;
let employer: Page;
let resident: Page;
let fairPath = '';
let fairId = '';
let companyId = '';
let vacancyId = '';
let residentId = '';
let employerActor: Actor;
const ctx = (actor: Actor | undefined) => ({
  db: app.db,
  config: loadConfig({ ...process.env, TABLE_NAME: app.db.tableName }),
  actor,
});
const go = (p: Page, selector: string) => Promise.all([p.waitForNavigation(), p.click(selector)]);
async function signIn(p: Page, identifier: string) {
  await p.goto(`${app.url}/masuk`);
  await p.fill('#f-identifier', identifier);
  await p.fill('#f-password', 'bursa2026');
  await go(p, 'main button[type=submit]');
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  officer = await (await browser.newContext(androidPhone)).newPage();
  employer = await (await browser.newContext(androidPhone)).newPage();
  resident = await (await browser.newContext(androidPhone)).newPage();
  const employerId = (await Account.findUserId(app.db, { kind: 'email', value: 'hrd@sinargarmen.co.id' })) as string;
  employerActor = { userId: employerId, name: 'HRD', roles: ['employer', 'resident'] };
  const [mine] = await Company.listMine(ctx(employerActor), {});
  companyId = mine?.companyId as string;
  const open = await Vacancy.listOpenForBooth(ctx(employerActor), { companyId });
  vacancyId = open.find((v) => !(v.questions ?? []).length)?.id ?? (open[0]?.id as string);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a job fair', () => {
  it('an officer creates a fair, errors at their fields, then publishes it', async () => {
    await signIn(officer, 'petugas@disnaker.tangerangkota.go.id');
    await officer.goto(`${app.url}/saya`);
    await go(officer, '[data-testid=fairs-admin-link]');
    expect(new URL(officer.url()).pathname).toBe('/saya/bursa-kerja');
    await officer.fill('#f-name', 'Bursa Kerja Uji Coba');
    await officer.fill('#f-startDate', todayInJakarta(Date.now() + 2 * 86_400_000));
    await officer.fill('#f-endDate', todayInJakarta(Date.now() + 3 * 86_400_000));
    const [bad] = await go(officer, 'main button[type=submit]');
    expect(bad?.status()).toBe(400);
    expect(await officer.textContent('#f-venue-error')).toContain('tempat');
    await expectAccessible(officer);
    await officer.fill('#f-venue', 'Gedung Pusat Pemerintahan Kota Tangerang');
    await officer.selectOption('#f-districtCode', { index: 1 });
    await go(officer, 'main button[type=submit]');
    fairId = /\/saya\/bursa-kerja\/([0-9a-z]{20})$/.exec(officer.url())?.[1] as string;
    expect(await officer.textContent('[data-testid=fair-status]')).toContain('Draf');
    await go(officer, 'button:has-text("Terbitkan")');
    expect(await officer.textContent('[data-testid=fair-status]')).toContain('Dibuka pendaftaran');
    await expectAccessible(officer);
    // A banner: the fair's page and its link preview show it.
    const banner = await sharp({ create: { width: 1600, height: 600, channels: 3, background: '#0b5d3b' } })
      .jpeg()
      .toBuffer();
    await officer.setInputFiles('#f-banner', { name: 'banner.jpg', mimeType: 'image/jpeg', buffer: banner });
    await officer.click('button:has-text("Unggah foto")');
    await officer.waitForSelector('img.banner', { timeout: 20_000 });
    fairPath = '/bursa-kerja/bursa-kerja-uji-coba';
    await officer.goto(`${app.url}/bursa-kerja`);
    expect(await officer.textContent('main')).toContain('Bursa Kerja Uji Coba');
    await officer.goto(`${app.url}${fairPath}`);
    expect(await officer.getAttribute('meta[property="og:image"]', 'content')).toMatch(
      /\/media\/img\/[0-9a-z]{20}-og\.jpg$/,
    );
  });

  it('an employer asks for a booth, the officer approves it, the employer brings a vacancy and publishes slots', async () => {
    await signIn(employer, 'hrd@sinargarmen.co.id');
    await employer.goto(`${app.url}${fairPath}`);
    await go(employer, 'button:has-text("Ajukan booth")');
    expect(await employer.textContent('main')).toContain('menunggu persetujuan');
    await officer.goto(`${app.url}/saya/bursa-kerja/${fairId}`);
    await go(officer, '[data-testid=booth-requests] button:has-text("Setujui")');
    expect(await officer.textContent('[data-testid=fair-counts]')).toContain('1 booth');
    await employer.goto(`${app.url}/saya/perusahaan/${companyId}/booth/${fairId}`);
    await employer.fill('#f-intro', 'Kami membuka lowongan operator jahit untuk warga Tangerang.');
    await employer.check(`input[value="${vacancyId}"]`);
    await employer.fill('[id="f-s.0.title"]', 'Cara lolos tes jahit');
    await employer.fill('[id="f-s.0.time"]', '10:30');
    await employer.fill('[id="f-s.0.where"]', 'Ruang 3');
    await go(employer, 'button[value=content]');
    expect(await employer.textContent('main')).toContain('10.30 WIB · Cara lolos tes jahit · Ruang 3');
    expect(await employer.textContent('[data-testid=booth-vacancies]')).toBeTruthy();
    await employer.goto(`${app.url}/saya/perusahaan/${companyId}/booth/${fairId}`);
    await employer.fill('#f-count', '3');
    await employer.fill('#f-link', 'https://meet.google.com/abc-defg-hij');
    await go(employer, 'button[value=slots]');
    expect(await employer.locator('[data-testid=slots] li').count()).toBe(3);
    await expectAccessible(employer);
  });

  it('a resident registers for a ticket, applies at the booth, is shortlisted and books a slot', async () => {
    await resident.goto(`${app.url}/daftar`);
    await resident.fill('#f-name', 'Sari Wulandari');
    const phone = `0856${String(Date.now()).slice(-8)}`;
    await resident.fill('#f-phone', phone);
    await resident.fill('#f-password', 'rahasia2026');
    await go(resident, 'main button[type=submit]');
    residentId = (await Account.findUserId(app.db, Account.parseIdentifier(phone) as never)) as string;
    const me = { userId: residentId, name: 'Sari Wulandari', roles: ['resident' as const] };
    await Profile.save(ctx(me), {
      birthYear: 2001,
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      education: 'SMK',
      skills: 'jahit',
      languages: 'Indonesia',
    } as never);
    await resident.goto(`${app.url}${fairPath}`);
    await go(resident, '[data-testid=register]');
    expect(resident.url()).toMatch(/\/tiket$/);
    expect(await resident.textContent('[data-testid=ticket-code]')).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await resident.isVisible('[data-testid=ticket-qr] svg')).toBe(true);
    await expectAccessible(resident);
    // The ticket is one tap away from /saya.
    await resident.goto(`${app.url}/saya`);
    expect(await resident.textContent('[data-testid=my-tickets]')).toContain('Bursa Kerja Uji Coba');
    await expectAccessible(resident);
    await resident.goto(`${app.url}${fairPath}/${companyId}`);
    await go(resident, '[data-testid=booth-vacancies] a:has-text("Lamar di booth ini")');
    await go(resident, 'main form button[type=submit]');
    const application = await Application.find(app.db, vacancyId, residentId);
    expect(application?.fairId).toBe(fairId);
    await Application.move(ctx(employerActor), { vacancyId, userId: residentId, to: 'shortlisted' });
    await resident.goto(`${app.url}${fairPath}/${companyId}`);
    await go(resident, '[data-testid=slots] button:has-text("Pesan slot")');
    expect(await resident.textContent('[data-testid=my-slot]')).toContain('WIB');
    expect((await Application.find(app.db, vacancyId, residentId))?.stage).toBe('interview');
    await expectAccessible(resident);
  });

  it('the officer opens the fair and checks the resident in by short code, once', async () => {
    await officer.goto(`${app.url}/saya/bursa-kerja/${fairId}`);
    await go(officer, 'button:has-text("Mulai")');
    await resident.goto(`${app.url}${fairPath}/tiket`);
    const code = (await resident.textContent('[data-testid=ticket-code]')) as string;
    await officer.goto(`${app.url}/saya/bursa-kerja/${fairId}/check-in`);
    await officer.fill('#f-input', code.toLowerCase());
    await go(officer, 'button:has-text("Check-in")');
    expect(await officer.textContent('[data-testid=checkin-result]')).toContain('Sari Wulandari berhasil check-in');
    expect(await officer.textContent('[data-testid=checkin-count]')).toContain('1 dari 1');
    await officer.fill('#f-input', code);
    await go(officer, 'button:has-text("Check-in")');
    expect(await officer.textContent('[data-testid=checkin-result]')).toContain('sudah check-in');
    await expectAccessible(officer);
    await resident.reload();
    expect(await resident.textContent('main')).toContain('Sudah check-in');
  });

  it("the fair report counts each step, for the office and for the employer's own booth", async () => {
    await app.settle();
    await officer.goto(`${app.url}/saya/bursa-kerja/${fairId}`);
    await go(officer, '[data-testid=report-link]');
    const total = officer.locator('[data-testid=report-total] tbody tr td');
    // registered, checked in, visits, applications, shortlisted, interviewed, attended, hired
    expect(await total.allTextContents()).toEqual([
      '1',
      '1',
      (await total.nth(2).textContent()) as string,
      '1',
      '1',
      '1',
      '0',
      '0',
    ]);
    expect(Number(await total.nth(2).textContent())).toBeGreaterThan(0);
    expect(await officer.textContent('[data-testid=report-districts]')).toContain('Tangerang');
    await expectAccessible(officer);
    const csv = await officer.request.get(
      `${app.url}${await officer.getAttribute('[data-testid=report-csv]', 'href')}`,
    );
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^total,Bursa Kerja Uji Coba,1,1,\d+,1,1,1,0,0$/);
    await employer.goto(`${app.url}/saya/bursa-kerja/${fairId}/laporan?perusahaan=${companyId}`);
    expect(await employer.locator('[data-testid=report-employers] tbody tr').count()).toBe(1);
    expect(await employer.isVisible('[data-testid=report-districts]')).toBe(false);
    const denied = await resident.goto(`${app.url}/saya/bursa-kerja/${fairId}/laporan?perusahaan=${companyId}`);
    expect(denied?.status()).toBe(403);
  });

  it('every fair route answers each role as the policy says', async () => {
    const stranger = await (await browser.newContext(androidPhone)).newPage();
    const get = async (who: Page | undefined, path: string) =>
      who
        ? (await who.request.get(`${app.url}${path}`, { maxRedirects: 0 })).status()
        : (await fetch(`${app.url}${path}`, { redirect: 'manual' })).status;
    const routes: [string, Record<string, number | number[]>][] = [
      ['/bursa-kerja', { anon: 200, resident: 200, employer: 200, officer: 200 }],
      [fairPath, { anon: 200, resident: 200, employer: 200, officer: 200 }],
      [`${fairPath}/${companyId}`, { anon: 200, resident: 200, employer: 200, officer: 200 }],
      [`${fairPath}/tiket`, { anon: 303, stranger: 303, resident: 200 }],
      ['/saya/bursa-kerja', { anon: [302, 303], resident: 403, employer: 403, officer: 200 }],
      [`/saya/bursa-kerja/${fairId}`, { anon: [302, 303], resident: 403, employer: 403, officer: 200 }],
      [`/saya/bursa-kerja/${fairId}/check-in`, { anon: [302, 303], resident: 403, employer: 403, officer: 200 }],
      [`/saya/bursa-kerja/${fairId}/laporan`, { anon: [302, 303], resident: 403, employer: 403, officer: 200 }],
      [`/saya/bursa-kerja/${fairId}/laporan?perusahaan=${companyId}`, { resident: 403, employer: 200, officer: 200 }],
      [
        `/saya/perusahaan/${companyId}/booth/${fairId}`,
        { anon: [302, 303], resident: 403, officer: 403, employer: 200 },
      ],
      [`${fairPath}/${companyId}/wawancara.ics?slot=SLOT%23x`, { anon: 401, stranger: 404, employer: 404 }],
      ['/bursa-kerja/tidak-ada', { anon: 404, officer: 404 }],
    ];
    await stranger.goto(`${app.url}/daftar`);
    await stranger.fill('#f-name', 'Orang Lain');
    await stranger.fill('#f-phone', `0838${String(Date.now()).slice(-8)}`);
    await stranger.fill('#f-password', 'rahasia2026');
    await go(stranger, 'main button[type=submit]');
    const pages: Record<string, Page | undefined> = { anon: undefined, stranger, resident, employer, officer };
    const seen: string[] = [];
    for (const [path, expected] of routes)
      for (const [role, status] of Object.entries(expected)) {
        const got = await get(pages[role], path);
        seen.push(`${role} ${path} ${got}`);
        expect([status].flat(), `${role} ${path}`).toContain(got);
      }
    expect(seen.length).toBeGreaterThan(30);
  });
});
