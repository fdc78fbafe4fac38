import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  page = await (await browser.newContext(androidPhone)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('home page in Chromium on a 360 px Android screen', () => {
  it('speaks Bahasa Indonesia and lists Kota Tangerang from DynamoDB', async () => {
    const res = await page.goto(app.url);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await expect(page.title()).resolves.toContain('Bursa Kerja & Pasar Tangerang');
    expect(await page.textContent('[data-testid=area-summary]')).toContain('13 kecamatan, 104 kelurahan');
    expect(await page.locator('.areas li').count()).toBe(13);
  });

  it('fits the screen: nothing scrolls sideways', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('ships no client JavaScript', async () => {
    expect(await page.locator('script').count()).toBe(0);
  });

  it('is keyboard-usable: the first Tab reaches the skip link', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi');
  });

  it('switches to English under /en, with canonical URLs from the configured site', async () => {
    await page.click('text=English');
    await page.waitForURL(`${app.url}/en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Tangerang Job Fair & Market');
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${app.url}/en`);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe('Tangerang Job Fair & Market');
  });
});
