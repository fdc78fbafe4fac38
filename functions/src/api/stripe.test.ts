import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, loadConfig } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import * as Shop from '@bursa/core/shop';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeLocal, startStripeLocal } from '../../../scripts/local/stripe-local.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { createApi } from './app.ts';
import { seedRegency } from './test-support.ts';

/**
 * Card payments end to end over HTTP: the real `stripe` client creates
 * Checkout Sessions at the local stand-in, which signs webhooks with the real
 * library and posts them to the API's /api/stripe/webhook on a real server.
 */
let db: Db;
let stripe: StripeLocal;
let server: Server;
let webhookUrl = '';
let config: Config;
let seller: Actor;
let buyer: Actor;
let shop: Shop.Info;
const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
let n = 0;
async function person(name: string): Promise<Actor> {
  n += 1;
  const r = await Account.register(as(undefined), {
    name,
    phone: `0817${String(Date.now() % 1e4).padStart(4, '0')}${String(n).padStart(4, '0')}`,
    password: 'rahasia123',
  });
  return { userId: r.user.id, name, roles: ['resident'] };
}
const stockOf = async (id: string) => (await Shop.getProduct(as(undefined), shop.id, id)).stock;
/** A card order for `qty` of a new product with `stock` units, and its Checkout Session at the stand-in. */
async function cardOrder(qty = 1, stock = 5) {
  const p = await Shop.createProduct(as(seller), {
    shopId: shop.id,
    title: 'Batik Tulis',
    price: 250_000,
    category: 'fashion',
    stock,
  });
  const order = await Order.placeOrder(as(buyer), {
    shopId: shop.id,
    lines: [{ productId: p.id, qty }],
    buyerName: 'Dewi',
    buyerPhone: '0812 1111 2222',
    delivery: 'pickup',
    payment: 'card',
  });
  const url = await Order.startCardPayment(as(buyer), { code: order.code });
  const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === order.code);
  if (!session) throw new Error('no session');
  return { order, product: p, url, session };
}
const owed = async () => (await Order.balanceOf(db, shop.id))?.owed ?? 0;

beforeAll(async () => {
  db = await createTestDb();
  await seedRegency(db);
  stripe = await startStripeLocal({ webhookUrl: () => webhookUrl });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    SITE_URL: 'http://localhost:4321',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_URL: stripe.url,
  });
  const api = createApi({ config, db });
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`;
  [seller, buyer] = await Promise.all([person('Pak Budi'), person('Dewi')]);
  shop = await Shop.open(as(seller), {
    handle: 'batikbudi',
    name: 'Batik Pak Budi',
    category: 'fashion',
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    whatsapp: '0812 7777 5555',
    delivery: ['pickup'],
  });
  await Order.setPaymentSettings(as(seller), { shopId: shop.id, methods: ['cod', 'card'] });
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await stripe.stop();
});

describe('Stripe Checkout', () => {
  it('sends IDR in minor units with an idempotency key: a second start gets the same session', async () => {
    const { order, url, session } = await cardOrder(2);
    expect(session.amount_total).toBe(2 * 250_000 * 100);
    expect(session.currency).toBe('idr');
    expect(url).toBe(session.url);
    expect(await Order.startCardPayment(as(buyer), { code: order.code })).toBe(url);
    expect([...stripe.sessions.values()].filter((s) => s.client_reference_id === order.code)).toHaveLength(1);
  });

  it('a paid session marks the order paid once and credits the shop; a replay changes nothing', async () => {
    const before = await owed();
    const { order, session } = await cardOrder();
    await stripe.pay(session.id);
    const paid = await Order.getOrder(db, order.code);
    expect(paid.status).toBe('paid');
    expect(await owed()).toBe(before + 250_000);
    const replay = await stripe.deliver(stripe.eventOf('checkout.session.completed', session));
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
    // The same event id delivered again, exactly as Stripe retries.
    const event = stripe.eventOf('checkout.session.completed', session);
    await Promise.all([stripe.deliver(event), stripe.deliver(event), stripe.deliver(event)]);
    expect(await owed()).toBe(before + 250_000);
    expect((await Order.getOrder(db, order.code)).history.filter((s) => s.status === 'paid')).toHaveLength(1);
  });

  it('refuses tampered, wrongly signed, stale and unsigned events with 400, and pays nothing', async () => {
    const { order, session } = await cardOrder();
    const paidSession = { ...session, status: 'complete', payment_status: 'paid', payment_intent: 'pi_forged' };
    const event = stripe.eventOf('checkout.session.completed', paidSession as never);
    const tampered = await stripe.deliver(event, {
      tamper: (body) => body.replace('"amount_total":25000000', '"amount_total":1'),
    });
    const wrongSecret = await stripe.deliver(event, { secret: 'whsec_not_ours' });
    const stale = await stripe.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 400 });
    const unsigned = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    for (const r of [tampered, wrongSecret, stale, unsigned]) {
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ code: 'payment.webhook.invalid' });
    }
    expect((await Order.getOrder(db, order.code)).status).toBe('awaiting_payment');
  });

  it('tolerates any order of arrival: an asynchronous payment is paid once whichever event comes first', async () => {
    const { order, session } = await cardOrder();
    const done = { ...session, status: 'complete' as const, payment_intent: 'pi_async' };
    const succeeded = stripe.eventOf('checkout.session.async_payment_succeeded', { ...done, payment_status: 'paid' });
    const completed = stripe.eventOf('checkout.session.completed', { ...done, payment_status: 'unpaid' });
    expect(await (await stripe.deliver(succeeded)).json()).toMatchObject({ outcome: 'paid' });
    expect(await (await stripe.deliver(completed)).json()).toMatchObject({ outcome: 'waiting' });
    expect((await Order.getOrder(db, order.code)).status).toBe('paid');
    // The usual order: completed (unpaid) first waits, then the success pays.
    const second = await cardOrder();
    const d2 = { ...second.session, status: 'complete' as const, payment_intent: 'pi_async2' };
    expect(
      await (
        await stripe.deliver(stripe.eventOf('checkout.session.completed', { ...d2, payment_status: 'unpaid' }))
      ).json(),
    ).toMatchObject({ outcome: 'waiting' });
    expect((await Order.getOrder(db, second.order.code)).status).toBe('awaiting_payment');
    await stripe.deliver(stripe.eventOf('checkout.session.async_payment_succeeded', { ...d2, payment_status: 'paid' }));
    expect((await Order.getOrder(db, second.order.code)).status).toBe('paid');
  });

  it('an expired session expires the order and returns its stock; money arriving after that is refunded', async () => {
    const { order, product, session } = await cardOrder(3, 3);
    expect(await stockOf(product.id)).toBe(0);
    await stripe.deliver(stripe.eventOf('checkout.session.expired', { ...session, status: 'expired' }));
    expect((await Order.getOrder(db, order.code)).status).toBe('expired');
    expect(await stockOf(product.id)).toBe(3);
    const before = await owed();
    // The buyer paid on the hosted page just as it expired: Stripe captured it.
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: 'pi_late' });
    const late = await stripe.deliver(stripe.eventOf('checkout.session.completed', session));
    expect(await late.json()).toMatchObject({ outcome: 'refunded' });
    expect(stripe.refunds).toContainEqual({ payment_intent: 'pi_late', amount: 3 * 250_000 * 100 });
    expect((await Order.getOrder(db, order.code)).status).toBe('expired');
    expect(await owed()).toBe(before);
    expect(await stockOf(product.id)).toBe(3);
  });

  it('a seller cancelling a paid card order refunds it through the provider and takes it off the shop balance', async () => {
    const { order, session } = await cardOrder(2);
    await stripe.pay(session.id);
    const before = await owed();
    await Order.advance(as(seller), { code: order.code, action: 'cancel', reason: 'Stok rusak' });
    expect(await owed()).toBe(before - 500_000);
    expect(stripe.refunds.some((r) => r.amount === 500_000 * 100)).toBe(true);
  });
});
