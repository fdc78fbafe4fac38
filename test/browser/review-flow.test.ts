import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins } from '../../scripts/seed/demo.ts';
import { startTestApp } from '../support/app.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';
import { outbox } from '../support/db.ts';

/**
 * Issue 7 in the browser: a stale edit form is refused (no lost edit), a
 * verified company's rename waits for the office, and an officer's rejection
 * reason reaches the company's members.
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
    expect((await submit(o, 'button.danger'))?.status()).toBe(200);
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
