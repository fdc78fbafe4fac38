import * as Account from '@bursa/core/account';
import { loadConfig } from '@bursa/core/kernel';
import * as Shop from '@bursa/core/shop';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
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

/**
 * Search on the same phone, in both languages: from the header, typos and affixes
 * forgiven, tabs with counts, filters with counts, suggestions on /cari; a product a
 * seller adds is found within seconds through the search function (Lambda Invoke
 * stand-in) and its change log; the list pages take words too.
 */
async function searchFromHeader(p: Page, words: string) {
  await p.fill('#site-q', words);
  await Promise.all([p.waitForURL(/\/cari\?q=/), p.press('#site-q', 'Enter')]);
}

describe('search on a phone', () => {
  it('from the header: a typo finds the tailor vacancy; tabs show counts; the page is accessible', async () => {
    await page.goto(`${app.url}/`);
    await searchFromHeader(page, 'pnjahit');
    await expect(page.locator('h1').textContent()).resolves.toContain('pnjahit');
    const vacancies = page.locator('[data-testid=vacancy-card]');
    await expect(vacancies.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Operator Jahit')]),
    );
    // Tabs with counts: "Lowongan (n)", and the market's tailor too.
    const tabs = await page.locator('nav.tabs a').allTextContents();
    expect(tabs[0]).toBe('Semua');
    expect(tabs[1]).toMatch(/^Lowongan \(\d+\)$/);
    await expect(page.locator('[data-testid=search-results]').textContent()).resolves.toContain('Jahit Maya');
    // No sideways scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });

  it('a tab lists one kind with filters that count; choosing one narrows the list and keeps the words', async () => {
    await page.goto(`${app.url}/cari?q=kue`);
    await Promise.all([page.waitForURL(/tampil=produk/), page.click('nav.tabs a:has-text("Produk")')]);
    const count = async () =>
      Number((await page.locator('[data-testid=search-count]').textContent())?.match(/\d+/)?.[0]);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const kuliner = await page.locator('#f-kategori option[value=kuliner]').textContent();
    expect(kuliner).toMatch(/\(\d+\)$/);
    await page.selectOption('#f-kategori', 'kuliner');
    await Promise.all([
      page.waitForURL(/kategori=kuliner/),
      page.click('[data-testid=search-filters] button[type=submit]'),
    ]);
    expect(page.url()).toContain('q=kue');
    expect(await count()).toBe(Number(kuliner?.match(/\((\d+)\)$/)?.[1]));
    await expectAccessible(page);
  });

  it('on /cari, typing offers suggestions (the one script there); the header ships none', async () => {
    await page.goto(`${app.url}/cari`);
    expect(await page.locator('script').count()).toBe(1);
    await page.locator('#cari-q').pressSequentially('operator ja', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('#cari-q-suggestions option').length > 0, null, {
      timeout: 5000,
    });
    const options = await page
      .locator('#cari-q-suggestions option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('Operator Jahit');
    await page.goto(`${app.url}/lowongan`);
    expect(await page.locator('script').count()).toBe(0);
  });

  it('in English under /en, and nothing found says so', async () => {
    await page.goto(`${app.url}/en/cari?q=sopir`);
    await expect(page.locator('nav.tabs a').nth(1).textContent()).resolves.toMatch(/^Vacancies \(\d+\)$/);
    await expect(page.locator('[data-testid=vacancy-card]').first().textContent()).resolves.toContain('Sopir');
    await page.goto(`${app.url}/en/cari?q=zzzqqq`);
    await expect(page.locator('[data-testid=search-empty]').textContent()).resolves.toContain(
      'Nothing found for “zzzqqq”',
    );
    await expectAccessible(page);
  });

  it('a product a seller adds is found within seconds, through the search function', async () => {
    const sellerId = (await Account.findUserId(app.db, { kind: 'phone', value: '+6281290001001' })) as string;
    const ctx = {
      db: app.db,
      config: loadConfig({ ...process.env, TABLE_NAME: app.db.tableName }),
      actor: { userId: sellerId, name: 'Ani', roles: ['resident' as const] },
    };
    const { shop } = await Shop.byHandle(ctx, { handle: 'dapurbuani' });
    await Shop.createProduct(ctx, {
      shopId: shop.id,
      title: 'Klepon Gula Aren',
      price: 12_000,
      category: 'kuliner',
      stock: 20,
    });
    await app.settle();
    await page.goto(`${app.url}/cari?q=kelepon&tampil=produk`);
    await expect(page.locator('[data-testid=search-results]').textContent()).resolves.toContain('Klepon Gula Aren');
  });

  it('the list pages take words: /lowongan?q= with a filter, /pasar?q=', async () => {
    await page.goto(`${app.url}/lowongan?q=supir&kecamatan=`);
    await expect(page.locator('[data-testid=jobs-found]').textContent()).resolves.toMatch(
      /^\d+ lowongan cocok dengan “supir”$/,
    );
    await expect(page.locator('[data-testid=vacancy-card]').first().textContent()).resolves.toContain(
      'Sopir Pengiriman',
    );
    await page.goto(`${app.url}/pasar?q=lapis`);
    await expect(page.locator('[data-testid=market-products]').textContent()).resolves.toContain('Kue Lapis Legit');
    await expectAccessible(page);
    const bad = await page.request.get(`${app.url}/cari?q=${'a'.repeat(101)}`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('Kata pencarian maksimal 100 huruf.');
  });
});
