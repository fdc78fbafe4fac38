import { Region } from '@bursa/core/region';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

/** A resident opens a shop on a 360 px phone; its page lives at /@handle, and a renamed handle redirects. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;
let village: string;
const handle = `dapur.${Date.now().toString(36)}`;

async function submit(p: Page, selector: string): Promise<Response | null> {
  const [response] = await Promise.all([p.waitForNavigation(), p.click(selector)]);
  return response;
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  page = await (await browser.newContext(androidPhone)).newPage();
  const regency = await Region.get(app.db, '36.71');
  village = regency.districts[4]?.villages[0]?.code as string;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a resident opens a shop', () => {
  it('from /saya, with errors shown at their fields, then lands on /@handle', async () => {
    await page.goto(`${app.url}/daftar`);
    await page.fill('#f-name', 'Ani Suryani');
    await page.fill('#f-phone', `0878${String(Date.now()).slice(-8)}`);
    await page.fill('#f-password', 'rahasia2026');
    await submit(page, 'main button[type=submit]');
    await page.getByRole('link', { name: 'Buka toko' }).click();
    await page.waitForURL(`${app.url}/saya/toko/baru`);
    await page.fill('#f-handle', 'pasar');
    await page.fill('#f-name', 'Dapur Bu Ani');
    await page.selectOption('#f-category', 'kuliner');
    await page.selectOption('#f-villageCode', village);
    await page.fill('#f-whatsapp', '0812 7777 1234');
    expect((await submit(page, 'main button[type=submit]'))?.status()).toBe(400);
    expect(await page.textContent('#f-handle-error')).toContain('dipakai oleh Bursa');
    await expectAccessible(page);
    await page.fill('#f-handle', handle);
    await submit(page, 'main button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(`/@${handle}`);
    expect(await page.textContent('[data-testid=shop-profile] h1')).toBe('Dapur Bu Ani');
    expect(await page.getAttribute('a:has-text("Chat WhatsApp")', 'href')).toMatch(
      /^https:\/\/wa\.me\/6281277771234\?text=/,
    );
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(`Dapur Bu Ani (@${handle})`);
    await expectAccessible(page);
  });

  it('lists a product: its page shows the price as Rp, and "Pesan via WhatsApp" carries product, price and link', async () => {
    await page.getByRole('link', { name: 'Tambah produk' }).click();
    await page.fill('#f-title', 'Kue Lapis Legit');
    await page.fill('#f-price', '185.000');
    await page.fill('#f-stock', '');
    expect((await submit(page, 'main button[type=submit]'))?.status()).toBe(400);
    expect(await page.textContent('#f-stock-error')).toContain('dibuat sesuai pesanan');
    await page.fill('#f-stock', '4');
    await submit(page, 'main button[type=submit]');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/@${handle}/kue-lapis-legit-[0-9a-z]{20}$`));
    expect(await page.textContent('[data-testid=price]')).toBe('Rp185.000');
    const order = decodeURIComponent((await page.getAttribute('a:has-text("Pesan via WhatsApp")', 'href')) ?? '');
    expect(order).toMatch(
      /^https:\/\/wa\.me\/6281277771234\?text=Halo Dapur Bu Ani, saya mau pesan Kue Lapis Legit \(Rp185\.000\)\. http/,
    );
    await expectAccessible(page);
    await page.goto(`${app.url}/@${handle}`);
    expect(await page.textContent('[data-testid=products]')).toContain('Rp185.000');
  });

  it('renames the handle; the old address redirects to the new one, in English too', async () => {
    await page.getByRole('link', { name: 'Ubah toko' }).click();
    await page.fill('#f-handle', `${handle}_baru`);
    await submit(page, 'main button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(`/@${handle}_baru`);
    const old = await page.request.get(`${app.url}/@${handle}`, { maxRedirects: 0 });
    expect([old.status(), old.headers().location]).toEqual([301, `/@${handle}_baru`]);
    await page.goto(`${app.url}/en/@${handle}_baru`);
    expect(await page.textContent('a:has-text("WhatsApp chat")')).toBeTruthy();
  });
});
