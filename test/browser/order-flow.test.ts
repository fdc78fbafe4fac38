import * as Account from '@bursa/core/account';
import { loadConfig } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import * as Shop from '@bursa/core/shop';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

/**
 * A resident orders two items with transfer on a 360 px phone, uploads the
 * proof; the seller confirms, hands it over and completes; the buyer reviews.
 * A second order is paid by card through the Stripe stand-in, whose webhook
 * marks it paid.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let buyer: Page;
let seller: Page;
let productPath = '';
let code = '';
let shopId = '';

async function signIn(p: Page, identifier: string, password: string) {
  await p.goto(`${app.url}/masuk`);
  await p.fill('#f-identifier', identifier);
  await p.fill('#f-password', password);
  await Promise.all([p.waitForNavigation(), p.click('main button[type=submit]')]);
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  buyer = await (await browser.newContext(androidPhone)).newPage();
  seller = await (await browser.newContext(androidPhone)).newPage();
  // A product with stock at the demo seller's shop (its payments: WhatsApp, COD, transfer to BRI, card).
  const sellerId = (await Account.findUserId(app.db, { kind: 'phone', value: '+6281290001001' })) as string;
  const ctx = {
    db: app.db,
    config: loadConfig({ ...process.env, TABLE_NAME: app.db.tableName }),
    actor: { userId: sellerId, name: 'Ani', roles: ['resident' as const] },
  };
  const { shop } = await Shop.byHandle(ctx, { handle: 'dapurbuani' });
  const product = await Shop.createProduct(ctx, {
    shopId: shop.id,
    title: 'Kue Uji Pesanan',
    price: 25_000,
    category: 'kuliner',
    stock: 5,
  });
  productPath = Shop.productPath(shop.handle, product);
  shopId = shop.id;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('an order paid by transfer', () => {
  it('a resident puts two in the cart and orders with transfer; the page shows where to pay', async () => {
    await buyer.goto(`${app.url}/daftar`);
    await buyer.fill('#f-name', 'Siti Aminah');
    await buyer.fill('#f-phone', `0857${String(Date.now()).slice(-8)}`);
    await buyer.fill('#f-password', 'rahasia2026');
    await Promise.all([buyer.waitForNavigation(), buyer.click('main button[type=submit]')]);
    await buyer.goto(`${app.url}${productPath}`);
    await buyer.fill('#f-qty', '2');
    await Promise.all([buyer.waitForURL(/\/keranjang\?ditambah=1$/), buyer.click('button:has-text("+ Keranjang")')]);
    expect(await buyer.textContent('[data-testid=cart]')).toContain('Rp25.000 × 2 = Rp50.000');
    await expectAccessible(buyer);
    await buyer.getByRole('link', { name: 'Lanjut pesan' }).click();
    await buyer.waitForURL(/\/keranjang\/[0-9a-z]{20}$/);
    expect(await buyer.textContent('[data-testid=checkout-total]')).toBe('Rp50.000');
    // Local delivery without an address: the error sits at the address.
    await buyer.check('input[name=delivery][value=local_delivery]');
    await buyer.check('input[name=payment][value=transfer]');
    const [bad] = await Promise.all([buyer.waitForNavigation(), buyer.click('[data-testid=place-order]')]);
    expect(bad?.status()).toBe(400);
    expect(await buyer.textContent('#f-address-error')).toContain('alamat');
    await expectAccessible(buyer);
    await buyer.check('input[name=delivery][value=pickup]');
    await buyer.check('input[name=payment][value=transfer]');
    await Promise.all([
      buyer.waitForURL(/\/saya\/pesanan\/BRS-[2-9A-Z]{5}\?baru=1$/),
      buyer.click('[data-testid=place-order]'),
    ]);
    code = /BRS-[2-9A-Z]{5}/.exec(buyer.url())?.[0] as string;
    expect(await buyer.getAttribute('[data-testid=order-status]', 'data-status')).toBe('awaiting_payment');
    expect(await buyer.textContent('[data-testid=pay-box]')).toContain('BRI');
    expect(await buyer.textContent('[data-testid=pay-box]')).toContain('Rp50.000');
    await expectAccessible(buyer);
  });

  it('the buyer uploads the proof photo; the order waits for the seller', async () => {
    const proof = await sharp({ create: { width: 720, height: 1280, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    await buyer.setInputFiles('#f-proof', { name: 'bukti-transfer.jpg', mimeType: 'image/jpeg', buffer: proof });
    await Promise.all([
      buyer.waitForURL(new RegExp(`/saya/pesanan/${code}\\?ok=1$`), { timeout: 30_000 }),
      buyer.click('button:has-text("Kirim bukti bayar")'),
    ]);
    expect(await buyer.getAttribute('[data-testid=order-status]', 'data-status')).toBe('awaiting_confirmation');
    // The proof is private: only through a short signed link from the order.
    const link = (await buyer.getAttribute('[data-testid=proof] a', 'href')) as string;
    const stranger = await fetch(`${app.url}${link}`, { redirect: 'manual' });
    expect([302, 303]).toContain(stranger.status);
    expect(stranger.headers.get('location')).toContain('/masuk');
  });

  it('the seller sees the proof, confirms the money, marks it ready and completes it', async () => {
    await signIn(seller, '0812 9000 1001', 'bursa2026');
    await seller.goto(`${app.url}/saya/pesanan/${code}`);
    expect(await seller.isVisible('[data-testid=proof]')).toBe(true);
    await expectAccessible(seller);
    for (const [button, status] of [
      ['Dana sudah masuk: konfirmasi', 'paid'],
      ['Tandai siap diambil', 'ready'],
      ['Selesaikan pesanan', 'completed'],
    ] as const) {
      await Promise.all([seller.waitForURL(/\?ok=1$/), seller.click(`button:has-text("${button}")`)]);
      expect(await seller.getAttribute('[data-testid=order-status]', 'data-status')).toBe(status);
    }
    expect(await seller.textContent('[data-testid=order-timeline]')).toContain('Selesai');
  });

  it('the buyer reviews the completed order once; the shop page shows the review', async () => {
    await buyer.goto(`${app.url}/saya/pesanan/${code}`);
    // A photo of what arrived goes with the review (uploaded first, shown before sending).
    const photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#c95' } })
      .jpeg()
      .toBuffer();
    await buyer.setInputFiles('#f-review-photo', { name: 'kue.jpg', mimeType: 'image/jpeg', buffer: photo });
    await buyer.click('#ulasan button:has-text("Unggah foto")');
    // Back from the bucket, the page waits for the image function, then shows the photo.
    await buyer.waitForSelector('[data-testid=review] img', { timeout: 20_000 });
    expect(buyer.url()).toMatch(/\?foto=[0-9a-z]{20}#ulasan$/);
    await buyer.check('input[name=stars][value="5"]');
    await buyer.fill('#f-text', 'Kuenya lembut, penjual ramah.');
    // (The browser keeps the #ulasan fragment across the redirect.)
    await Promise.all([buyer.waitForURL(/\?ok=1(#ulasan)?$/), buyer.click('[data-testid=send-review]')]);
    expect(await buyer.textContent('[data-testid=review]')).toContain('Kuenya lembut');
    expect(await buyer.isVisible('[data-testid=send-review]')).toBe(false);
    await app.settle();
    await buyer.goto(`${app.url}/@dapurbuani?tab=ulasan`);
    expect(await buyer.textContent('[data-testid=reviews]')).toContain('Kuenya lembut');
    expect(await buyer.getAttribute('[data-testid=reviews] img', 'src')).toMatch(
      /^\/media\/img\/[0-9a-z]{20}-\d+\.webp$/,
    );
    await expectAccessible(buyer);
  });
});

describe('an order paid by card', () => {
  it('a second buyer: "Beli sekarang", card, the Stripe stand-in page, and the webhook marks the order paid', async () => {
    const second = await (await browser.newContext(androidPhone)).newPage();
    await second.goto(`${app.url}/daftar`);
    await second.fill('#f-name', 'Budi Santoso');
    await second.fill('#f-phone', `0819${String(Date.now()).slice(-8)}`);
    await second.fill('#f-password', 'rahasia2026');
    await Promise.all([second.waitForNavigation(), second.click('main button[type=submit]')]);
    await second.goto(`${app.url}${productPath}`);
    await Promise.all([
      second.waitForURL(/\/keranjang\/[0-9a-z]{20}\?produk=/),
      second.click('button:has-text("Beli sekarang")'),
    ]);
    await second.check('input[name=delivery][value=pickup]');
    await second.check('input[name=payment][value=card]');
    await Promise.all([second.waitForURL(/\/c\/pay\/cs_test_/), second.click('[data-testid=place-order]')]);
    expect(await second.textContent('[data-testid=stripe-total]')).toBe('Rp25.000');
    await Promise.all([
      second.waitForURL(/\/saya\/pesanan\/BRS-[2-9A-Z]{5}\?bayar=selesai$/),
      second.click('button:has-text("Bayar")'),
    ]);
    expect(await second.getAttribute('[data-testid=order-status]', 'data-status')).toBe('paid');
    const paid = /BRS-[2-9A-Z]{5}/.exec(second.url())?.[0] as string;
    expect((await Order.getOrder(app.db, paid)).history.map((s) => s.status)).toEqual(['awaiting_payment', 'paid']);
  });
});

describe('the seller and the office', () => {
  it("the seller's sales (with a CSV) and payment settings, in both languages; a buyer may not open them", async () => {
    await app.settle();
    await seller.goto(`${app.url}/saya/toko/${shopId}/penjualan`);
    expect(await seller.textContent('[data-testid=sales-months]')).toMatch(/Rp\d/);
    expect(await seller.textContent('[data-testid=sales-best]')).toContain('Kue Uji Pesanan');
    await expectAccessible(seller);
    const csv = await seller.request.get(`${app.url}${await seller.getAttribute('[data-testid=sales-csv]', 'href')}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(code);
    await seller.goto(`${app.url}/en/saya/toko/${shopId}/pembayaran`);
    expect(await seller.textContent('h1')).toBe('Payment methods');
    expect(await seller.isChecked('input[name="m.card"]')).toBe(true);
    await expectAccessible(seller);
    const denied = await buyer.goto(`${app.url}/saya/toko/${shopId}/penjualan`);
    expect(denied?.status()).toBe(403);
  });

  it('an officer sees what card payments the shop is owed and records a payout', async () => {
    const officer = await (await browser.newContext(androidPhone)).newPage();
    await signIn(officer, 'petugas@disnaker.tangerangkota.go.id', 'bursa2026');
    await officer.goto(`${app.url}/saya/setelmen`);
    const card = officer.locator('[data-testid=balances] li', { hasText: 'Dapur Bu Ani' });
    expect(await card.textContent()).toContain('Saldo');
    await expectAccessible(officer);
    await card.locator('input[name=reference]').fill('TRF/UJI/001');
    await card.locator('input[name=amount]').fill('1000');
    await Promise.all([officer.waitForURL(/\?ok=1$/), card.locator('button').click()]);
    expect(await officer.textContent('[role=status]')).toContain('tercatat');
    // Officers see any order (with the buyer's phone); another resident gets "not found".
    expect((await officer.goto(`${app.url}/saya/pesanan/${code}`))?.status()).toBe(200);
    expect(await officer.textContent('main')).toContain('Siti Aminah ·');
    const stranger = await (await browser.newContext(androidPhone)).newPage();
    await stranger.goto(`${app.url}/daftar`);
    await stranger.fill('#f-name', 'Orang Lain');
    await stranger.fill('#f-phone', `0838${String(Date.now()).slice(-8)}`);
    await stranger.fill('#f-password', 'rahasia2026');
    await Promise.all([stranger.waitForNavigation(), stranger.click('main button[type=submit]')]);
    expect((await stranger.goto(`${app.url}/saya/pesanan/${code}`))?.status()).toBe(404);
    expect((await stranger.request.get(`${app.url}/saya/pesanan/${code}/bukti`, { maxRedirects: 0 })).status()).toBe(
      404,
    );
  });
});
