import * as Media from '@bursa/core/media';
import * as Region from '@bursa/core/region';
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
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
let residentPhone = '';

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

  it('lists a product: its page shows the price as Rp, and "Tanya via WhatsApp" carries product, price and link', async () => {
    await page.getByRole('link', { name: 'Tambah produk' }).click();
    await page.fill('#f-title', 'Kue Lapis Legit');
    await page.fill('#f-price', '185.000');
    await page.fill('#f-stock', '');
    expect((await submit(page, 'main button[type=submit]'))?.status()).toBe(400);
    expect(await page.textContent('#f-stock-error')).toContain('dibuat sesuai pesanan');
    await page.fill('#f-stock', '4');
    await submit(page, 'main form.form button[type=submit]');
    // Saved: on to its photos, then to the product's page.
    expect(new URL(page.url()).pathname).toMatch(/^\/saya\/toko\/[0-9a-z]{20}\/produk\/[0-9a-z]{20}\/ubah$/);
    await page.getByRole('link', { name: '← Kue Lapis Legit' }).click();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/@${handle}/kue-lapis-legit-[0-9a-z]{20}$`));
    expect(await page.textContent('[data-testid=price]')).toBe('Rp185.000');
    const order = decodeURIComponent((await page.getAttribute('a:has-text("Tanya via WhatsApp")', 'href')) ?? '');
    expect(order).toMatch(
      /^https:\/\/wa\.me\/6281277771234\?text=Halo Dapur Bu Ani, saya mau tanya tentang Kue Lapis Legit \(Rp185\.000\)\. http/,
    );
    await expectAccessible(page);
    await page.goto(`${app.url}/@${handle}`);
    expect(await page.textContent('[data-testid=products]')).toContain('Rp185.000');
  });

  it('adds a photo from the phone: shrunk in the browser, processed into WebP variants, shown on the product with a link preview', async () => {
    await page.goto(`${app.url}/@${handle}`);
    await page.click('[data-testid=products] a');
    const productUrl = page.url();
    await page.getByRole('link', { name: 'Ubah produk' }).click();
    expect(await page.textContent('[data-testid=photos]')).toContain('Foto (0/5)');
    // A 3000×2000 phone photo (about 1 MB as a noisy JPEG): the page's script shrinks it before sending.
    const photo = await sharp({
      create: {
        width: 3000,
        height: 2000,
        channels: 3 as const,
        background: '#888',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    await page.setInputFiles('#f-photo', { name: 'IMG_20261202.jpg', mimeType: 'image/jpeg', buffer: photo });
    await Promise.all([
      page.waitForURL(/\/ubah\?foto=1#foto$/, { timeout: 30_000 }),
      page.click('button:has-text("Unggah foto")'),
    ]);
    expect(await page.textContent('[data-testid=photos]')).toContain('Foto (1/5)');
    const src = (await page.getAttribute('[data-testid=photos] img', 'src')) ?? '';
    expect(src).toMatch(/^\/media\/img\/[0-9a-z]{20}-640\.webp$/);
    const imageId = src.slice('/media/img/'.length, -'-640.webp'.length);
    // What the phone sent was the shrunk copy: the image function saw at most 1600 px.
    expect(await Media.findImage(app.db, imageId)).toMatchObject({ status: 'ready', width: 1600, height: 1067 });
    const variant = await page.request.get(`${app.url}/media/img/${imageId}-320.webp`);
    expect([variant.status(), variant.headers()['content-type'], variant.headers()['cache-control']]).toEqual([
      200,
      'image/webp',
      'public, max-age=31536000, immutable',
    ]);
    expect((await sharp(await variant.body()).metadata()).width).toBe(320);
    await page.goto(productUrl);
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toBe(
      `${app.url}/media/img/${imageId}-og.jpg`,
    );
    expect(await page.getAttribute('[data-testid=gallery] img', 'srcset')).toContain(`${imageId}-320.webp 320w`);
    // Something that is not a photo is refused with a reason, and nothing is added.
    await page.getByRole('link', { name: 'Ubah produk' }).click();
    await page.setInputFiles('#f-photo', {
      name: 'foto.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('bukan foto'),
    });
    await Promise.all([
      page.waitForURL(/galat=media\.image\.type/, { timeout: 30_000 }),
      page.click('button:has-text("Unggah foto")'),
    ]);
    expect(await page.textContent('#f-photo-error')).toContain('bukan foto');
    expect(await page.textContent('[data-testid=photos]')).toContain('Foto (1/5)');
    await expectAccessible(page);
  });

  it('posts a photo with a caption and the product tagged; a resident follows the shop and sees the post in their feed', async () => {
    await page.goto(`${app.url}/@${handle}?tab=posting`);
    await page.getByRole('link', { name: 'Buat postingan' }).click();
    const photo = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#d97' } })
      .jpeg()
      .toBuffer();
    await page.setInputFiles('#f-photo', { name: 'kue.jpg', mimeType: 'image/jpeg', buffer: photo });
    await Promise.all([
      page.waitForURL(/posting\/baru\?foto=[0-9a-z]{20}$/, { timeout: 30_000 }),
      page.click('button:has-text("Unggah foto")'),
    ]);
    await page.fill('#f-caption', 'Lapis legit baru keluar dari oven, pesan untuk Natal ya!');
    await page.check('input[name^="tag."]');
    await expectAccessible(page);
    await submit(page, 'button:has-text("Bagikan postingan")');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/@${handle}/posting/[0-9a-z]{20}$`));
    const postPath = new URL(page.url()).pathname;
    expect(await page.textContent('[data-testid=post]')).toContain('Lapis legit baru keluar dari oven');
    expect(await page.textContent('[data-testid=post]')).toContain('Kue Lapis Legit');
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(
      /\/media\/img\/[0-9a-z]{20}-og\.jpg$/,
    );

    // A resident on another phone.
    const resident = await (await browser.newContext(androidPhone)).newPage();
    await resident.goto(`${app.url}/daftar`);
    await resident.fill('#f-name', 'Rudi Hartono');
    residentPhone = `0857${String(Date.now()).slice(-8)}`;
    await resident.fill('#f-phone', residentPhone);
    await resident.fill('#f-password', 'rahasia2026');
    await submit(resident, 'main button[type=submit]');
    await resident.goto(`${app.url}/beranda`);
    expect(await resident.textContent('main')).toContain('belum mengikuti toko');
    await resident.goto(`${app.url}/@${handle}`);
    await submit(resident, '[data-testid=follow]');
    expect(await resident.getAttribute('[data-testid=follow]', 'aria-pressed')).toBe('true');
    await app.settle();
    await resident.reload();
    expect(await resident.textContent('[data-testid=counts]')).toMatch(/1\s*pengikut/);
    await resident.goto(`${app.url}/beranda`);
    expect(await resident.textContent('[data-testid=feed]')).toContain('Lapis legit baru keluar dari oven');
    await expectAccessible(resident);
    // Likes and comments on the post.
    await resident.goto(`${app.url}${postPath}`);
    await submit(resident, '[data-testid=like]');
    await resident.fill('#f-text', 'Masih ada untuk besok?');
    await submit(resident, 'button:has-text("Kirim komentar")');
    await app.settle();
    await resident.reload();
    expect(await resident.textContent('[data-testid=likes]')).toBe('1 suka');
    expect(await resident.textContent('[data-testid=comments]')).toContain('Masih ada untuk besok?');
    await expectAccessible(resident);
    await resident.context().close();
    // Anyone signed in can report a comment (here the seller reports the resident's).
    await page.goto(`${app.url}${postPath}`);
    await page.click('[data-testid=comments] details summary');
    await page.selectOption('[data-testid=comments] select[name=reason]', 'inappropriate');
    await submit(page, '[data-testid=comments] button:has-text("Kirim laporan")');
    expect(await page.textContent('[data-testid=reported]')).toContain('Terima kasih');
    await expectAccessible(page);
  });

  it('makes the shop a kelompok usaha: a member invited by phone accepts on /saya and can list products; the page lists the members', async () => {
    await page.goto(`${app.url}/@${handle}`);
    await page.getByRole('link', { name: 'Kelola anggota' }).click();
    await submit(page, 'button:has-text("Jadikan kelompok usaha")');
    await page.fill('#f-phone', residentPhone);
    await submit(page, 'button:has-text("Undang")');
    expect(await page.textContent('[role=status]')).toContain('Undangan terkirim');
    await expectAccessible(page);
    const member = await (await browser.newContext(androidPhone)).newPage();
    await member.goto(`${app.url}/masuk`);
    await member.fill('#f-identifier', residentPhone);
    await member.fill('#f-password', 'rahasia2026');
    await submit(member, 'main button[type=submit]');
    await member.goto(`${app.url}/saya`);
    expect(await member.textContent('[data-testid=invites]')).toContain('Dapur Bu Ani');
    await submit(member, '[data-testid=invites] button:has-text("Terima")');
    expect(new URL(member.url()).pathname).toBe(`/@${handle}`);
    expect(await member.textContent('[data-testid=group-members]')).toContain('Rudi Hartono');
    expect(await member.getByRole('link', { name: 'Tambah produk' }).count()).toBe(1);
    await member.context().close();
  });

  it('asks for the graduate badge; an officer verifies it from the queue; the badge shows on the shop', async () => {
    await page.goto(`${app.url}/@${handle}`);
    await page.getByRole('link', { name: 'Lencana lulusan pelatihan' }).click();
    await page.selectOption('#f-programme', 'blk');
    await page.fill('#f-cohort', 'Tata Boga BLK Kota Tangerang angkatan 2');
    await page.fill('#f-year', '2025');
    await submit(page, 'main form button[type=submit]');
    expect(await page.textContent('[data-testid=badge-status]')).toContain('Menunggu');
    await expectAccessible(page);
    const officer = await (await browser.newContext(androidPhone)).newPage();
    await officer.goto(`${app.url}/masuk`);
    await officer.fill('#f-identifier', 'petugas@disnaker.tangerangkota.go.id');
    await officer.fill('#f-password', 'bursa2026');
    await submit(officer, 'main button[type=submit]');
    await officer.goto(`${app.url}/saya/lencana`);
    const card = officer.locator('[data-testid=badge-queue] li', { hasText: 'Dapur Bu Ani' });
    expect(await card.textContent()).toContain('Tata Boga BLK Kota Tangerang angkatan 2');
    await expectAccessible(officer);
    await submit(officer, `[data-testid=badge-queue] li:has-text("@${handle}") button:has-text("Verifikasi")`);
    await officer.context().close();
    await page.goto(`${app.url}/@${handle}`);
    expect(await page.textContent('[data-testid=graduate-badge]')).toContain('Lulusan BLK');
    // Not for residents: the queue is officers' only.
    expect((await page.goto(`${app.url}/saya/lencana`))?.status()).toBe(403);
  });

  it('renames the handle; the old address redirects to the new one, in English too', async () => {
    await page.goto(`${app.url}/@${handle}`);
    await page.getByRole('link', { name: 'Ubah toko' }).click();
    await page.fill('#f-handle', `${handle}_baru`);
    await submit(page, 'main form.form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(`/@${handle}_baru`);
    const old = await page.request.get(`${app.url}/@${handle}`, { maxRedirects: 0 });
    expect([old.status(), old.headers().location]).toEqual([301, `/@${handle}_baru`]);
    await page.goto(`${app.url}/en/@${handle}_baru`);
    expect(await page.textContent('a:has-text("WhatsApp chat")')).toBeTruthy();
  });
});
