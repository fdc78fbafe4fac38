import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

type Stop = { text: string; top: number; left: number };

/** The header's focus stops after the skip link, in Tab order, with where each one is drawn. */
async function headerTabStops(p: Page, count: number): Promise<Stop[]> {
  await p.keyboard.press('Tab'); // the skip link
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await p.keyboard.press('Tab');
    stops.push(
      await p.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const r = e.getBoundingClientRect();
        return { text: e.textContent?.trim() ?? '', top: Math.round(r.top), left: Math.round(r.left) };
      }),
    );
  }
  return stops;
}

/** True when each stop is drawn after the one before: right of it on the same row, or on a lower row. */
const inReadingOrder = (stops: Stop[]) =>
  stops.every((s, i) => {
    const prev = stops[i - 1];
    if (!prev) return true;
    return Math.abs(s.top - prev.top) < 8 ? s.left > prev.left : s.top > prev.top;
  });

/**
 * axe-core on the pages residents and employers open first, in both languages,
 * on a 360 px phone: any violation fails, with the rule and the elements.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;
/** A seeded open vacancy's path, e.g. /lowongan/<id>. */
let vacancyPath = '';

beforeAll(async () => {
  app = await startTestApp();
  // The public list is a stream projection: let it catch up where the test app can (see vacancy-flow).
  const settle = (app as { settle?: () => Promise<void> }).settle;
  if (settle) await settle();
  browser = await launchBrowser();
  // The vacancy: through the seeded employer's own list, which does not wait for the projection.
  const employer = await (await browser.newContext(androidPhone)).newPage();
  await employer.goto(`${app.url}/masuk`);
  await employer.fill('#f-identifier', 'hrd@sinargarmen.co.id');
  await employer.fill('#f-password', 'bursa2026');
  await Promise.all([employer.waitForNavigation(), employer.click('main button[type=submit]')]);
  await Promise.all([
    employer.waitForNavigation(),
    employer.getByRole('link', { name: 'Kelola lowongan' }).first().click(),
  ]);
  vacancyPath = (await employer.getAttribute('main .card-title a', 'href')) ?? '';
  await employer.context().close();
  page = await (await browser.newContext(androidPhone)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each([
  ['Bahasa Indonesia', ''],
  ['English', '/en'],
])('no axe violations at 360 px, in %s', (_language, prefix) => {
  const text =
    prefix === ''
      ? {
          fixFields: 'Ada yang perlu diperbaiki',
          signInFailed: 'Tidak bisa masuk',
          contact: 'Email atau nomor HP (isi salah satu)',
          contactMissing: 'Isi email atau nomor HP.',
          nameMax: 'Nama paling panjang 100 karakter.',
        }
      : {
          fixFields: 'Please correct the following',
          signInFailed: 'Could not sign in',
          contact: 'Email or phone number (one of them)',
          contactMissing: 'Enter an email address or a mobile number.',
          nameMax: 'The name can be at most 100 characters.',
        };
  const open = async (path: string) => {
    const res = await page.goto(`${app.url}${prefix}${path}`);
    expect(res?.status()).toBe(200);
  };

  it('home page', async () => {
    await open('/');
    await expectAccessible(page);
  });

  it('/lowongan', async () => {
    await open('/lowongan');
    await expectAccessible(page);
  });

  it('a vacancy', async () => {
    expect(vacancyPath).toMatch(/^\/lowongan\/[0-9a-z]{20}$/);
    await open(vacancyPath);
    await expectAccessible(page);
  });

  it('sign-in, empty and with errors; a wrong password is headed as what happened', async () => {
    await open('/masuk');
    await expectAccessible(page);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(await page.locator('[role=alert]').count()).toBe(1);
    expect(await page.textContent('[role=alert] h2')).toBe(text.fixFields);
    await expectAccessible(page);
    // Wrong credentials are not "fix these fields": the heading says what happened.
    await page.fill('#f-identifier', 'belum.terdaftar@contoh.id');
    await page.fill('#f-password', 'salah12345');
    const [res] = await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(res?.status()).toBe(401);
    expect(await page.textContent('[role=alert] h2')).toBe(text.signInFailed);
    expect(await page.textContent('[role=alert]')).not.toContain(text.fixFields);
    await expectAccessible(page);
  });

  it('the market, its shop directory, a shop and a product', async () => {
    await open('/pasar');
    await expectAccessible(page);
    await open('/pasar?lihat=toko');
    await expectAccessible(page);
    await open('/@dapurbuani');
    await expectAccessible(page);
    const product = (await page.getAttribute('[data-testid=products] a', 'href')) ?? '';
    await open(product.replace(/^\/en/, ''));
    await expectAccessible(page);
  });

  it('register: one of email or phone, said on the pair; a live counter that never cuts', async () => {
    await open('/daftar');
    await expectAccessible(page);
    expect(await page.textContent('[data-testid=contact-group] legend')).toBe(text.contact);
    expect(await page.locator('main .optional').count()).toBe(0);
    // The name's counter follows the typing and shows the limit; nothing is cut.
    expect(await page.textContent('#f-name-count')).toContain('0/100');
    expect(await page.getAttribute('#f-name', 'aria-describedby')).toContain('f-name-count');
    expect(await page.getAttribute('#f-name', 'maxlength')).toBeNull();
    await page.locator('#f-name').pressSequentially('Wahyu');
    expect(await page.textContent('#f-name-count')).toContain('5/100');
    await page.fill('#f-name', 'W'.repeat(120));
    expect((await page.inputValue('#f-name')).length).toBe(120);
    expect(await page.textContent('#f-name-count')).toContain('120/100');
    expect(await page.getAttribute('#f-name-count', 'class')).toContain('over');
    // Sent as it is: refused with the limit named; no email or phone: said on the pair, tied to both.
    await page.fill('#f-password', 'rahasia2026');
    const [res] = await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(res?.status()).toBe(400);
    expect(await page.textContent('#f-name-error')).toBe(text.nameMax);
    expect(await page.inputValue('#f-name')).toBe('W'.repeat(120));
    expect(await page.textContent('#f-contact-error')).toBe(text.contactMissing);
    expect(await page.locator('#f-email-error').count()).toBe(0);
    for (const input of ['#f-email', '#f-phone']) {
      expect(await page.getAttribute(input, 'aria-invalid')).toBe('true');
      expect(await page.getAttribute(input, 'aria-describedby')).toContain('f-contact-error');
    }
    await expectAccessible(page);
  });

  it('forgot password, and setting a new one', async () => {
    await open('/lupa-sandi');
    await expectAccessible(page);
    await open('/atur-ulang-sandi');
    await expectAccessible(page);
  });
});

describe('header: brand, menu, then account and language; Tab follows what the eye sees', () => {
  it.each([
    ['a 360 px phone', androidPhone],
    ['a 1280 px desktop', { viewport: { width: 1280, height: 800 }, locale: 'id-ID' }],
  ])('on %s', async (_screen, options) => {
    const context = await browser.newContext(options);
    const p = await context.newPage();
    await p.goto(`${app.url}/lowongan`);
    const stops = await headerTabStops(p, 7);
    expect(stops.map((s) => s.text)).toEqual(['Bursa', 'Lowongan', 'Pasar', 'Job fair', 'Masuk', 'Daftar', 'English']);
    expect(inReadingOrder(stops), JSON.stringify(stops)).toBe(true);
    await context.close();
  });
});
