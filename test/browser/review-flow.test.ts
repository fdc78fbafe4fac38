import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins } from '../../scripts/seed/demo.ts';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';
import { outbox } from '../support/db.ts';

/**
 * Issue 7 in the browser: a stale edit form is refused (no lost edit), a
 * verified company's rename waits for the office, and an officer's rejection
 * reason reaches the company's members. And issue 13, the office: /kantor is
 * officers' only; a cohort's graduate gets the badge on their shop; a reported
 * vacancy hidden by an officer leaves the lists; the dashboard's CSV carries
 * the page's numbers; the audit log records each step.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let employer: BrowserContext;
let officer: BrowserContext;
let companyUrl: string;

async function submit(p: Page, selector: string): Promise<Response | null> {
  const [response] = await Promise.all([p.waitForNavigation(), p.click(selector)]);
  return response;
}

async function signedIn(login: string): Promise<BrowserContext> {
  const context = await browser.newContext(androidPhone);
  const p = await context.newPage();
  await p.goto(`${app.url}/masuk`);
  await p.fill('#f-identifier', login);
  await p.fill('#f-password', DEMO_PASSWORD);
  expect((await submit(p, 'main button[type=submit]'))?.status()).toBe(200);
  await p.close();
  return context;
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  employer = await signedIn(demoLogins[1].login); // PT Sinar Garmen Tangerang, verified in the demo data
  officer = await signedIn(demoLogins[0].login);
  const p = await employer.newPage();
  await p.goto(`${app.url}/saya`);
  companyUrl = `${app.url}${await p.getAttribute('main .card-title a', 'href')}`;
  await p.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('no lost edits, verification that means something (browser)', () => {
  it('refuses a form edited from a stale version, saying to reload, and keeps the newer change', async () => {
    const editUrl = companyUrl.replace('/perusahaan/', '/saya/perusahaan/').concat('/ubah');
    const [a, b] = [await employer.newPage(), await employer.newPage()];
    await a.goto(editUrl);
    await b.goto(editUrl);
    await a.fill('#f-description', 'Deskripsi dari tab pertama.');
    expect((await submit(a, 'main button[type=submit]'))?.status()).toBe(200);
    await b.fill('#f-description', 'Deskripsi dari tab kedua yang basi.');
    const stale = await submit(b, 'main button[type=submit]');
    expect(stale?.status()).toBe(409);
    expect(await b.textContent('[role=alert]')).toContain('Muat ulang halaman');
    await a.goto(companyUrl);
    expect(await a.textContent('main')).toContain('Deskripsi dari tab pertama.');
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps the verified name on show while a rename waits; the officer turns it down with a reason the members read', async () => {
    const editUrl = companyUrl.replace('/perusahaan/', '/saya/perusahaan/').concat('/ubah');
    const p = await employer.newPage();
    await p.goto(editUrl);
    await p.fill('#f-name', 'Dinas Ketenagakerjaan Kota Tangerang');
    expect((await submit(p, 'main button[type=submit]'))?.status()).toBe(200);
    expect(await p.textContent('h1')).toBe('PT Sinar Garmen Tangerang');
    expect(await p.textContent('[data-testid=pending-changes]')).toContain('Dinas Ketenagakerjaan Kota Tangerang');

    const visitor = await browser.newPage();
    await visitor.goto(companyUrl);
    expect(await visitor.textContent('h1')).toBe('PT Sinar Garmen Tangerang');
    expect(await visitor.locator('[data-testid=pending-changes]').count()).toBe(0);
    await visitor.close();

    const o = await officer.newPage();
    await o.goto(`${app.url}/saya`);
    expect(await o.textContent('[data-testid=queue-review]')).toContain('PT Sinar Garmen Tangerang');
    await o.goto(companyUrl);
    await o.fill('#f-reason', 'Nama instansi pemerintah tidak boleh dipakai.');
    expect((await submit(o, 'form:has(input[name=decision][value=reject]) button.danger'))?.status()).toBe(200);
    await o.close();

    await p.goto(companyUrl);
    expect(await p.textContent('[data-testid=review-note]')).toContain('Nama instansi pemerintah tidak boleh dipakai.');
    expect(await p.locator('[data-testid=pending-changes]').count()).toBe(0);
    await p.close();
  });
});

describe('forgot password (browser)', () => {
  it('mails a code, sets a new password with it, and signs in with the new one', async () => {
    const context = await browser.newContext(androidPhone);
    const p = await context.newPage();
    await p.goto(`${app.url}/masuk`);
    await Promise.all([p.waitForNavigation(), p.click('text=Lupa kata sandi?')]);
    await p.fill('#f-identifier', demoLogins[1].login);
    expect((await submit(p, 'main button[type=submit]'))?.status()).toBe(200);
    expect(await p.textContent('[data-testid=reset-sent]')).toContain('kode sudah kami kirim');
    await app.settle(); // the email is sent by the stream (mail-outbox)
    const code = outbox()
      .filter((m) => m.to === demoLogins[1].login)
      .at(-1)
      ?.subject.match(/(\d{6})$/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await Promise.all([p.waitForNavigation(), p.click('text=Atur ulang kata sandi')]);
    expect(await p.inputValue('#f-identifier')).toBe(demoLogins[1].login);
    await p.fill('#f-code', code as string);
    await p.fill('#f-password', 'garmen baru 2026');
    const done = await submit(p, 'main button[type=submit]');
    expect(new URL(done?.url() ?? '').pathname).toBe('/masuk');
    expect(await p.textContent('[data-testid=reset-done]')).toContain('Kata sandi sudah diganti');
    await p.fill('#f-identifier', demoLogins[1].login);
    await p.fill('#f-password', 'garmen baru 2026');
    expect(new URL((await submit(p, 'main button[type=submit]'))?.url() ?? '').pathname).toBe('/saya');
    // The employer's earlier session, from before the reset, has ended.
    const old = await employer.newPage();
    await old.goto(`${app.url}/saya`);
    expect(new URL(old.url()).pathname).toBe('/masuk');
    await context.close();
  });
});

describe('input that used to break pages (browser)', () => {
  it('renders a vacancy page whose stored company name has a lone surrogate (its share link used to throw)', async () => {
    const p = await browser.newPage();
    await p.goto(`${app.url}/lowongan`);
    const href = (await p.getAttribute('[data-testid=vacancy-card] a', 'href')) as string;
    const id = href.split('/').at(-1) as string;
    await app.db.doc.send(
      new UpdateCommand({
        TableName: app.db.tableName,
        Key: { pk: `VACANCY#${id}`, sk: 'VACANCY' },
        UpdateExpression: 'SET companyName = :n',
        ExpressionAttributeValues: { ':n': 'PT Rusak \uD800 Jaya' },
      }),
    );
    expect((await p.goto(`${app.url}${href}`))?.status()).toBe(200);
    expect(await p.getAttribute('[data-testid=share-whatsapp]', 'href')).toContain('wa.me');
    await p.close();
  });

  it.each(['/%09/evil.example', '%0A', '/%00', '/%E2%82%AC', '//evil.example'])(
    'signing in with next=%s stays on the site, never a 500',
    async (next) => {
      const context = await browser.newContext(androidPhone);
      const p = await context.newPage();
      const opened = await p.goto(`${app.url}/masuk?next=${next}`);
      expect(opened?.status()).toBe(200);
      await p.fill('#f-identifier', demoLogins[2].login);
      await p.fill('#f-password', DEMO_PASSWORD);
      const landed = await submit(p, 'main button[type=submit]');
      expect(landed?.status()).toBeLessThan(500);
      expect(new URL(p.url()).origin).toBe(new URL(app.url).origin);
      await context.close();
    },
  );
});

describe('security headers (browser)', () => {
  it('runs the vacancy page, share script included, with no Content-Security-Policy violation', async () => {
    const context = await browser.newContext(androidPhone);
    const p = await context.newPage();
    // Pretend the phone can share natively, so the inline script reveals the button.
    await p.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: () => Promise.resolve(), configurable: true });
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await p.goto(`${app.url}/lowongan`);
    const href = (await p.getAttribute('[data-testid=vacancy-card] a', 'href')) as string;
    const res = await p.goto(`${app.url}${href}`);
    const headers = res?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self' 'sha256-");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=(self)');
    expect(await p.isVisible('#share')).toBe(true); // the script ran
    expect(await p.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])).toEqual([]);
    await context.close();
  });

  it('cannot be framed by another site', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.setContent(`<iframe id="f" src="${app.url}/perusahaan/x"></iframe>`);
    await p.waitForTimeout(500);
    const framed = p.frames().find((f) => f.url().startsWith(app.url));
    // Chromium refuses to render it: the frame stays empty (or on an error page), never our page.
    const title = framed ? await framed.title().catch(() => '') : '';
    expect(title).not.toContain('Bursa');
    await context.close();
  });
});

describe('the office (browser)', () => {
  it('keeps /kantor and its queues to officers', async () => {
    const anon = await browser.newPage();
    const res = await anon.goto(`${app.url}/kantor`);
    expect(new URL(res?.url() ?? '').pathname).toBe('/masuk');
    await anon.close();
    // A job seeker (the employer's session may have ended with the password reset above).
    const seeker = await signedIn(demoLogins[2].login);
    const p = await seeker.newPage();
    for (const path of ['/kantor', '/kantor/program', '/kantor/laporan', '/kantor/tinjauan', '/kantor/audit'])
      expect((await p.goto(`${app.url}${path}`))?.status(), path).toBe(403);
    // Downloads too (a file, so fetched rather than opened).
    expect((await p.request.get(`${app.url}/kantor/unduh.csv`)).status()).toBe(403);
    expect((await p.request.get(`${app.url}/kantor/unduh.xlsx`)).status()).toBe(403);
    expect(await p.locator('[data-testid=nav-office]').count()).toBe(0);
    await seeker.close();
    const o = await officer.newPage();
    await o.goto(`${app.url}/`);
    await o.click('[data-testid=nav-office]');
    expect(new URL(o.url()).pathname).toBe('/kantor');
    await o.close();
  });

  it('runs a cohort: adds a participant by phone, marks completion, and the graduate’s shop shows the badge', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/@batik.cisadane`);
    expect(await visitor.locator('[data-testid=graduate-badge]').count()).toBe(0);

    const o = await officer.newPage();
    await o.goto(`${app.url}/kantor/program`);
    await expectAccessible(o);
    await o.selectOption('#f-kind', 'wirausaha_baru');
    await o.fill('#f-name', 'Wirausaha Baru Batik 2026');
    expect((await submit(o, '[data-testid=programme-form] button[type=submit]'))?.status()).toBe(200);
    await o.fill('#f-name', 'Angkatan 1');
    await o.fill('#f-track', 'Membatik');
    await o.fill('#f-startDate', '2026-09-01');
    await o.fill('#f-endDate', '2026-11-15');
    await o.fill('#f-institution', 'BLK Kota Tangerang');
    await o.fill('#f-capacity', '20');
    expect((await submit(o, '[data-testid=cohort-form] button[type=submit]'))?.status()).toBe(200);
    const cohortUrl = o.url();
    await o.fill('[data-testid=participant-form] input[name=name]', 'Rizky Maulana');
    await o.fill('[data-testid=participant-phone]', '0812-9000-1004');
    expect((await submit(o, '[data-testid=participant-form] button[type=submit]'))?.status()).toBe(200);
    const row = o.locator('[data-testid=participant-row]', { hasText: 'Rizky Maulana' });
    expect(await row.count()).toBe(1);
    expect(
      (
        await submit(o, '[data-testid=participant-row]:has-text("Rizky Maulana") [data-testid=complete-button]')
      )?.status(),
    ).toBe(200);
    expect(await o.textContent('[data-testid=followup-table]')).toContain('Rizky Maulana');
    await expectAccessible(o);

    await visitor.goto(`${app.url}/@batik.cisadane`);
    expect(await visitor.textContent('[data-testid=graduate-badge]')).toContain('Angkatan 1');
    await visitor.close();

    await o.goto(`${app.url}/kantor/audit`);
    const audit = await o.textContent('[data-testid=audit-table]');
    expect(audit).toContain('Menandai peserta lulus');
    expect(audit).toContain('Membuat angkatan');
    await o.goto(cohortUrl.replace(app.url, `${app.url}/en`));
    expect(await o.textContent('[data-testid=followup-table]')).toContain('Rizky Maulana');
    await o.close();
  });

  it('hides a reported vacancy: it leaves /lowongan, its page says it is not available, and the audit log says who and why', async () => {
    const seeker = await signedIn(demoLogins[2].login);
    const s = await seeker.newPage();
    await s.goto(`${app.url}/lowongan`);
    const href = (await s.getAttribute('main a[href^="/lowongan/"]', 'href')) as string;
    const title = (await s.textContent(`main a[href="${href}"]`))?.trim() as string;
    await s.goto(`${app.url}${href}`);
    await s.click('[data-testid=report-form] >> xpath=ancestor::details/summary');
    await s.selectOption('[data-testid=report-reason]', 'scam');
    await s.fill(
      '[data-testid=report-form] textarea[name=note]',
      'Diminta transfer biaya medical check up lewat WhatsApp.',
    );
    expect((await submit(s, '[data-testid=report-form] button[type=submit]'))?.status()).toBe(200);
    expect(await s.textContent('[data-testid=reported]')).toBeTruthy();

    const o = await officer.newPage();
    await o.goto(`${app.url}/kantor/laporan`);
    await expectAccessible(o);
    const item = `[data-testid=report-item]:has-text(${JSON.stringify(title)})`;
    await o.fill(`${item} textarea[name=reason]`, 'Meminta biaya dari pelamar.');
    expect((await submit(o, `${item} [data-testid=hide-button]`))?.status()).toBe(200);
    await app.settle();

    await s.goto(`${app.url}/lowongan`);
    expect(await s.locator(`main a[href="${href}"]`).count()).toBe(0);
    const gone = await s.goto(`${app.url}${href}`);
    expect(gone?.status()).toBe(404);
    expect(await s.content()).not.toContain(title);
    await o.goto(`${app.url}/kantor/audit`);
    expect(await o.textContent('[data-testid=audit-table]')).toContain('Meminta biaya dari pelamar.');
    await Promise.all([o.close(), seeker.close()]);
  });

  it('shows the funnel on the dashboard, and the CSV download carries the same numbers', async () => {
    const o = await officer.newPage();
    await o.goto(`${app.url}/kantor`);
    await expectAccessible(o);
    const figure = async (name: string) => Number(await o.getAttribute(`[data-testid=figure-${name}]`, 'data-value'));
    // CSV columns are the counters' names; the page's figures are labelled for people.
    const shown = {
      applications: await figure('applicants'),
      hired: await figure('hired'),
      orders: await figure('orders'),
      sales: await figure('sales'),
    };
    expect(shown.applications).toBeGreaterThan(0);
    expect(shown.orders).toBeGreaterThan(0);
    expect(await o.locator('[data-testid=funnel-chart] svg, svg[data-testid=funnel-chart]').count()).toBeGreaterThan(0);
    const csvHref = (await o.getAttribute('[data-testid=download-csv]', 'href')) as string;
    const csv = (await (await o.request.get(new URL(csvHref, app.url).toString())).text()).trim().split('\r\n');
    const header = (csv[0] ?? '').split(',');
    const total = (csv.at(-1) ?? '').split(',');
    expect(total[header.indexOf('kelurahan')]).toBe('TOTAL');
    for (const [name, value] of Object.entries(shown)) expect(Number(total[header.indexOf(name)]), name).toBe(value);
    const xlsx = await o.request.get(
      new URL((await o.getAttribute('[data-testid=download-xlsx]', 'href')) as string, app.url).toString(),
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await o.close();
  });
});
