import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { processUpload } from '@bursa/functions/images/process';
import { expireOrders } from '@bursa/functions/jobs/expire';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Local, startS3Local } from '../../../../scripts/local/s3-local.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import { startProjections } from '../../../../test/support/projections.ts';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Config, type Ctx, loadConfig, newId } from '../kernel/index.ts';
import * as Media from '../media/index.ts';
import { mediaClient } from '../media-client/index.ts';
import * as Notification from '../notification/index.ts';
import * as Region from '../region/index.ts';
import * as Shop from '../shop/index.ts';
import * as Order from './index.ts';

/** Orders against DynamoDB Local, the local S3, the image function and the real stream projections. */
let db: Db;
let s3: S3Local;
let config: Config;
let projections: Awaited<ReturnType<typeof startProjections>>;
let seller: Actor;
let member: Actor;
let buyer: Actor;
let stranger: Actor;
const officer = (): Actor => ({ userId: newId(), name: 'Petugas', roles: ['officer'] });
let shop: Shop.Info;
const as = (actor: Actor | undefined, now?: number): Ctx => ({ db, config, actor, ...(now ? { now: () => now } : {}) });
let phone = 0;
async function person(name: string): Promise<Actor> {
  phone += 1;
  const r = await Account.register(as(undefined), {
    name,
    phone: `0816${String(Date.now() % 1e4).padStart(4, '0')}${String(phone).padStart(4, '0')}`,
    password: 'rahasia123',
  });
  return { userId: r.user.id, name, roles: ['resident'] };
}
async function product(title: string, price: number, stock?: number) {
  return Shop.createProduct(as(seller), {
    shopId: shop.id,
    title,
    price,
    category: 'kuliner',
    ...(stock === undefined ? { madeToOrder: true } : { stock }),
  });
}
/** A payment screenshot uploaded privately by `who` and processed; `color` decides the picture. */
async function proof(who: Actor, color = '#3a7', visibility: 'private' | 'public' = 'private'): Promise<string> {
  const imageId = newId();
  const body = await sharp({ create: { width: 600, height: 1000, channels: 3, background: color } })
    .composite([
      { input: { create: { width: 300, height: 200, channels: 3, background: '#fff' } }, top: 100, left: 50 },
    ])
    .jpeg()
    .toBuffer();
  const key = Media.uploadKeyOf(who.userId, imageId, visibility === 'private' ? 'private' : undefined);
  await mediaClient(config).send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: key, Body: body }));
  await processUpload(config, db, key);
  return imageId;
}
const checkout = (
  shopId: string,
  lines: { productId: string; qty: number }[],
  payment: Order.PaymentMethod = 'transfer',
) => ({
  shopId,
  lines,
  buyerName: 'Siti Aminah',
  buyerPhone: '0812 3456 7890',
  delivery: 'pickup' as const,
  payment,
});
const stockOf = async (id: string) => (await Shop.getProduct(as(undefined), shop.id, id)).stock;

beforeAll(async () => {
  db = await createTestDb();
  s3 = await startS3Local({
    directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')),
    buckets: ['bursa-media-orders'],
  });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-orders',
  });
  projections = await startProjections(db);
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  [seller, member, buyer, stranger] = await Promise.all([
    person('Ani Suryani'),
    person('Rina'),
    person('Siti Aminah'),
    person('Orang Lain'),
  ]);
  shop = await Shop.open(as(seller), {
    handle: 'kuebuani',
    name: 'Kue Bu Ani',
    category: 'kuliner',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    whatsapp: '0812 7777 1234',
    delivery: ['pickup', 'local_delivery'],
  });
  await Order.setPaymentSettings(as(seller), {
    shopId: shop.id,
    methods: ['whatsapp', 'cod', 'transfer'],
    bankName: 'BRI',
    accountNumber: '0123 4567 8901',
    accountName: 'Ani Suryani',
  });
  shop = await Shop.get(db, shop.id);
  // Rina joins the shop as a member of its group.
  await Shop.makeGroup(as(seller), { shopId: shop.id });
  const rinaPhone = (await Account.getUser(db, member.userId)).phone as string;
  await Shop.invite(as(seller), { shopId: shop.id, phone: rinaPhone });
  await Shop.acceptInvite(as(member), { shopId: shop.id });
});
afterAll(async () => {
  await projections.stop();
  await s3.stop();
});

describe('placing an order', () => {
  it('snapshots prices, reserves stock in the same transaction, gets a readable unique code, and empties the cart it came from', async () => {
    const lapis = await product('Kue Lapis Legit', 85_000, 5);
    const nastar = await product('Nastar Keju', 60_000);
    await Order.changeCart(as(buyer), { shopId: shop.id, productId: lapis.id, qty: 2 });
    await Order.changeCart(as(buyer), { shopId: shop.id, productId: nastar.id, qty: 1 });
    const cart = await Order.cartOf(as(buyer), { shopId: shop.id });
    expect(cart?.total).toBe(230_000);
    const order = await Order.placeOrder(as(buyer), {
      ...checkout(shop.id, cart?.lines.map((l) => ({ productId: l.product.id, qty: l.qty })) ?? []),
      fromCart: true,
    });
    expect(order.code).toMatch(Order.CODE_PATTERN);
    expect(order).toMatchObject({ status: 'awaiting_payment', total: 230_000, buyerPhone: '+6281234567890' });
    expect(order.items.map((l) => [l.title, l.price, l.qty, l.reserved])).toEqual([
      ['Kue Lapis Legit', 85_000, 2, true],
      ['Nastar Keju', 60_000, 1, false],
    ]);
    expect(await stockOf(lapis.id)).toBe(3);
    expect(await Order.cartOf(as(buyer), { shopId: shop.id })).toBeUndefined();
    // The price on the order stays what the buyer saw.
    await Shop.updateProduct(as(seller), { shopId: shop.id, id: lapis.id, price: 99_000 });
    expect((await Order.getOrder(db, order.code)).items[0]?.price).toBe(85_000);
  });

  it('refuses what the shop does not offer, a product not in it, and ordering from your own shop, with field errors', async () => {
    const p = await product('Risoles', 3_000, 10);
    await expect(
      Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 1 }], 'card')),
    ).rejects.toMatchObject({
      code: 'request.invalid',
      fields: [{ path: 'payment', code: 'order.payment.not_accepted' }],
    });
    await expect(
      Order.placeOrder(as(buyer), {
        ...checkout(shop.id, [{ productId: p.id, qty: 1 }]),
        delivery: 'courier',
        address: 'Jl. Mawar 1',
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'delivery', code: 'order.delivery.not_offered' }] });
    await expect(
      Order.placeOrder(as(buyer), { ...checkout(shop.id, [{ productId: p.id, qty: 1 }]), delivery: 'local_delivery' }),
    ).rejects.toMatchObject({ code: 'request.invalid' });
    await expect(
      Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: newId(), qty: 1 }])),
    ).rejects.toMatchObject({
      code: 'order.product.unavailable',
    });
    await expect(Order.placeOrder(as(member), checkout(shop.id, [{ productId: p.id, qty: 1 }]))).rejects.toMatchObject({
      code: 'order.own_shop',
    });
    await expect(Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 11 }]))).rejects.toMatchObject({
      code: 'order.sold_out',
      params: { title: 'Risoles' },
    });
    expect(await stockOf(p.id)).toBe(10);
  });

  it('50 buyers racing for the last unit make exactly one order; the others are told it is sold out', async () => {
    const last = await product('Tumpeng Mini (terakhir)', 150_000, 1);
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => person(`Pembeli ${i}`)));
    const results = await Promise.allSettled(
      buyers.map((b) => Order.placeOrder(as(b), checkout(shop.id, [{ productId: last.id, qty: 1 }], 'cod'))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : []));
    expect(new Set(codes)).toEqual(new Set(['order.sold_out']));
    expect(await stockOf(last.id)).toBe(0);
  });
});

describe('the lifecycle', () => {
  it('transfer: proof → the seller confirms → sent → completed; only forward, and one of two sellers acting at once wins', async () => {
    const p = await product('Bolu Pandan', 45_000, 4);
    const order = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 1 }]));
    expect((await Order.viewOrder(as(buyer), { code: order.code })).can).toMatchObject({
      uploadProof: true,
      confirm: false,
    });
    // The seller cannot confirm money that has not been shown.
    await expect(Order.advance(as(seller), { code: order.code, action: 'confirm' })).rejects.toMatchObject({
      code: 'order.not_allowed',
    });
    const withProof = await Order.attachProof(as(buyer), { code: order.code, imageId: await proof(buyer) });
    expect(withProof.status).toBe('awaiting_confirmation');
    const race = await Promise.allSettled([
      Order.advance(as(seller), { code: order.code, action: 'confirm' }),
      Order.advance(as(member), { code: order.code, action: 'confirm' }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await Order.getOrder(db, order.code)).status).toBe('paid');
    // Picked up: "ready", not "sent".
    expect((await Order.advance(as(member), { code: order.code, action: 'ship' })).status).toBe('ready');
    const done = await Order.advance(as(seller), { code: order.code, action: 'complete' });
    expect(done.history.map((s) => s.status)).toEqual([
      'awaiting_payment',
      'awaiting_confirmation',
      'paid',
      'ready',
      'completed',
    ]);
    for (const action of ['confirm', 'ship', 'cancel'] as const)
      await expect(Order.advance(as(seller), { code: order.code, action, reason: 'x' })).rejects.toMatchObject({
        code: 'order.not_allowed',
      });
    // A stale page (it saw "paid") is told the order changed.
    await expect(
      Order.advance(as(seller), { code: order.code, action: 'complete', from: 'paid' }),
    ).rejects.toMatchObject({ code: 'order.changed' });
  });

  it('a rejected proof sends the order back to waiting for payment with the reason; the same screenshot on another order is flagged', async () => {
    const p = await product('Keripik Ceker', 20_000, 50);
    const first = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 1 }]));
    const screenshot = await proof(buyer, '#a35');
    await Order.attachProof(as(buyer), { code: first.code, imageId: screenshot });
    await expect(Order.advance(as(seller), { code: first.code, action: 'reject_proof' })).rejects.toMatchObject({
      fields: [{ path: 'reason', code: 'order.reason.required' }],
    });
    const rejected = await Order.advance(as(seller), {
      code: first.code,
      action: 'reject_proof',
      reason: 'Dana belum masuk',
    });
    expect(rejected).toMatchObject({ status: 'awaiting_payment' });
    expect(rejected.proof).toBeUndefined();
    expect(rejected.history.at(-1)).toMatchObject({ status: 'proof_rejected', reason: 'Dana belum masuk' });
    // The same picture again (re-uploaded: a new image, the same hash) on another order.
    const second = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 2 }]));
    const again = await Order.attachProof(as(buyer), { code: second.code, imageId: await proof(buyer, '#a35') });
    expect(again.proof?.reusedOn).toEqual([first.code]);
    const fresh = await Order.attachProof(as(buyer), { code: first.code, imageId: await proof(buyer, '#15c') });
    expect(fresh.proof?.reusedOn).toBeUndefined();
    // No second proof while the seller checks the first.
    await expect(Order.attachProof(as(buyer), { code: first.code, imageId: screenshot })).rejects.toMatchObject({
      code: 'order.not_allowed',
    });
  });

  it('cancelling gives the stock back; a reason is required', async () => {
    const p = await product('Donat Kentang', 5_000, 10);
    const order = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 4 }], 'whatsapp'));
    expect(order.status).toBe('awaiting_confirmation');
    expect(await stockOf(p.id)).toBe(6);
    const cancelled = await Order.advance(as(buyer), { code: order.code, action: 'cancel', reason: 'Salah pesan' });
    expect(cancelled.status).toBe('cancelled');
    expect(await stockOf(p.id)).toBe(10);
    await expect(
      Order.advance(as(buyer), { code: order.code, action: 'cancel', reason: 'lagi' }),
    ).rejects.toMatchObject({
      code: 'order.not_allowed',
    });
  });

  it('the scheduled expiry ends unpaid transfer orders after 24 hours and releases their stock; a sent proof keeps its order', async () => {
    const p = await product('Brownies Kukus', 55_000, 3);
    const unpaid = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 2 }]));
    const proven = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 1 }]));
    await Order.attachProof(as(buyer), { code: proven.code, imageId: await proof(buyer, '#59a') });
    expect(await stockOf(p.id)).toBe(0);
    expect(await expireOrders(config, db, () => Date.now() + 3600_000)).toBe(0);
    expect(await expireOrders(config, db, () => Date.now() + 25 * 3600_000)).toBeGreaterThanOrEqual(1);
    expect((await Order.getOrder(db, unpaid.code)).status).toBe('expired');
    expect((await Order.getOrder(db, proven.code)).status).toBe('awaiting_confirmation');
    expect(await stockOf(p.id)).toBe(2);
    // Run again: nothing left to expire, the stock does not move twice.
    await expireOrders(config, db, () => Date.now() + 25 * 3600_000);
    expect(await stockOf(p.id)).toBe(2);
  });
});

describe('notifications', () => {
  it("a new order reaches every member of the shop; the shop's steps reach the buyer, in their language", async () => {
    const p = await product('Klepon', 10_000, 30);
    const order = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 2 }], 'cod'));
    await Order.advance(as(member), { code: order.code, action: 'confirm' });
    await projections.settle();
    const inboxOf = async (who: Actor) =>
      (await Notification.inbox(as(who), {})).items.filter((n) => n.params.code === order.code);
    for (const who of [seller, member]) {
      const [n] = await inboxOf(who);
      expect(n?.kind).toBe('new_order');
      expect(Notification.render(n as never, 'id')).toBe(`Pesanan baru ${order.code} dari Siti Aminah: Rp20.000.`);
    }
    const [n] = await inboxOf(buyer);
    expect(n?.kind).toBe('order_status');
    expect(Notification.render(n as never, 'en')).toBe(`Order ${order.code} at Kue Bu Ani: Confirmed.`);
    expect(n?.link).toBe(`/saya/pesanan/${order.code}`);
  });
});

describe('who sees an order', () => {
  it('the buyer, the shop (owner and group members) and officers; anyone else gets not found, and the proof link likewise', async () => {
    const p = await product('Pastel Isi', 4_000, 20);
    const order = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 3 }]));
    await Order.attachProof(as(buyer), { code: order.code, imageId: await proof(buyer, '#c71') });
    for (const who of [buyer, seller, member, officer()]) {
      const view = await Order.viewOrder(as(who), { code: order.code });
      expect(view.order.buyerPhone).toBe('+6281234567890');
      expect(await Order.proofUrl(as(who), { code: order.code })).toMatch(/private\/img\/.+X-Amz-Signature/);
    }
    await expect(Order.viewOrder(as(stranger), { code: order.code })).rejects.toMatchObject({
      code: 'order.not_found',
    });
    await expect(Order.proofUrl(as(stranger), { code: order.code })).rejects.toMatchObject({ code: 'order.not_found' });
    await expect(Order.viewOrder(as(undefined), { code: order.code })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    // Lists: the buyer's own orders; the shop's orders to its members, not to a stranger.
    expect((await Order.myOrders(as(buyer), {})).items.map((o) => o.code)).toContain(order.code);
    expect((await Order.myOrders(as(stranger), {})).items).toEqual([]);
    expect((await Order.shopOrders(as(member), { shopId: shop.id })).items.map((o) => o.code)).toContain(order.code);
    await expect(Order.shopOrders(as(stranger), { shopId: shop.id })).rejects.toMatchObject({
      code: 'shop.not_member',
    });
    // Codes are typed in any case and spacing.
    const typed = order.code.replace('BRS-', 'brs ').toLowerCase();
    expect((await Order.viewOrder(as(buyer), { code: typed })).order.code).toBe(order.code);
  });
});

describe('reviews and sales', () => {
  it('a completed order is reviewed once and answered once; the shop rating and sales counters follow from the stream', async () => {
    const p = await product('Kue Sus', 3_500, 100);
    const order = await Order.placeOrder(as(buyer), checkout(shop.id, [{ productId: p.id, qty: 10 }], 'cod'));
    await expect(Order.reviewOrder(as(buyer), { code: order.code, stars: 5, text: 'Enak' })).rejects.toMatchObject({
      code: 'order.not_allowed',
    });
    for (const action of ['confirm', 'ship', 'complete'] as const)
      await Order.advance(as(seller), { code: order.code, action });
    await expect(Order.reviewOrder(as(stranger), { code: order.code, stars: 1, text: '' })).rejects.toMatchObject({
      code: 'order.not_found',
    });
    // A private proof is not a review photo; a public photo the buyer took is.
    await expect(
      Order.reviewOrder(as(buyer), { code: order.code, stars: 4, text: '', photo: await proof(buyer, '#777') }),
    ).rejects.toMatchObject({ code: 'media.image.missing' });
    const photo = await proof(buyer, '#d84', 'public');
    const review = await Order.reviewOrder(as(buyer), {
      code: order.code,
      stars: 4,
      text: 'Lembut, pengiriman cepat',
      photo,
    });
    expect(review.photo).toBe(photo);
    expect(review.buyerName).toBe('Siti');
    await expect(Order.reviewOrder(as(buyer), { code: order.code, stars: 5, text: '' })).rejects.toMatchObject({
      code: 'review.once',
    });
    await Order.replyToReview(as(member), { code: order.code, text: 'Terima kasih, Kak!' });
    await expect(Order.replyToReview(as(seller), { code: order.code, text: 'Lagi' })).rejects.toMatchObject({
      code: 'review.reply.once',
    });
    expect((await Order.reviewsOf(as(undefined), { shopId: shop.id })).items[0]).toMatchObject({
      stars: 4,
      reply: 'Terima kasih, Kak!',
    });
    await projections.settle();
    const counts = await Shop.countsOf(db, shop.id);
    expect(counts).toMatchObject({ reviews: 1, rating: 4 });
    const sales = await Order.salesOf(as(seller), { shopId: shop.id });
    expect(sales.months[0]).toMatchObject({ orders: 2, revenue: 35_000 + 45_000, items: 11 });
    expect(sales.months[0]?.byMethod).toMatchObject({ cod: 35_000, transfer: 45_000, card: 0 });
    expect(sales.best[0]).toMatchObject({ title: 'Bolu Pandan', units: 1, revenue: 45_000 });
    const csv = await Order.salesCsv(as(member), { shopId: shop.id, month: sales.month });
    expect(csv.split('\r\n')[0]).toBe('kode,tanggal,status,pembayaran,pengiriman,pembeli,barang,jumlah,total');
    expect(csv).toContain(`${order.code},`);
    await expect(Order.salesOf(as(stranger), { shopId: shop.id })).rejects.toMatchObject({ code: 'shop.not_member' });
  });
});

describe('settlement', () => {
  it('officers record payouts, never more than a shop is owed', async () => {
    const { ledgerWrites } = Order;
    const { executeTransactWrite } = await import('dynamodb-toolbox');
    await executeTransactWrite(
      ...ledgerWrites(db, shop, {
        kind: 'card_payment',
        amount: 100_000,
        ref: 'BRS-TEST2',
        at: new Date().toISOString(),
      }),
    );
    const o = officer();
    await expect(
      Order.recordPayout(as(seller), { shopId: shop.id, amount: 1, reference: 'TRF-1' }),
    ).rejects.toMatchObject({
      code: 'settlement.officers_only',
    });
    await expect(
      Order.recordPayout(as(o), { shopId: shop.id, amount: 100_001, reference: 'TRF-1' }),
    ).rejects.toMatchObject({
      code: 'payout.more_than_owed',
    });
    const race = await Promise.allSettled([
      Order.recordPayout(as(o), { shopId: shop.id, amount: 60_000, reference: 'TRF-A' }),
      Order.recordPayout(as(officer()), { shopId: shop.id, amount: 60_000, reference: 'TRF-B' }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await Order.balanceOf(db, shop.id)).toMatchObject({ owed: 40_000, paidIn: 100_000, paidOut: 60_000 });
    // Audited in the payout's own transaction: the refused and the losing attempts wrote no entry.
    const Audit = await import('../audit/index.ts');
    const audited = (await Audit.list(as(o), { targetType: 'payout', targetId: shop.id })).items;
    expect(audited.map((e) => [e.action, e.reason])).toEqual([
      ['payout.mark', expect.stringMatching(/^Rp60\.000 · TRF-[AB]$/)],
    ]);
    const statement = await Order.statement(as(seller), { shopId: shop.id });
    expect(statement.items.map((e) => e.kind)).toEqual(['payout', 'card_payment']);
    expect((await Order.balances(as(o), {})).items.map((b) => b.shopId)).toContain(shop.id);
  });
});
