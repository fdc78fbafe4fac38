import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Region from '../region/index.ts';
import * as Shop from './index.ts';

let db: Db;
let seller: Actor;
let other: Actor;
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
const fields = (handle: string) => ({
  handle,
  name: 'Warung Bu Ani',
  bio: 'Nasi uduk dan kue basah, dimasak pagi hari.',
  category: 'kuliner' as const,
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  whatsapp: '0812 7777 1234',
  delivery: ['pickup', 'local_delivery'],
  hours: 'Setiap hari 06.00–11.00',
});
async function person(name: string): Promise<Actor> {
  const r = await Account.register(as(undefined), {
    name,
    phone: `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    password: 'rahasia123',
  });
  return { userId: r.user.id, name, roles: ['resident'] };
}

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  seller = await person('Ani Suryani');
  other = await person('Tono');
});

describe('handles', () => {
  it('accept lowercase letters, digits, dots and underscores, 3–30 long, and refuse the rest with a reason', () => {
    const ok = (h: string) => Shop.handleSchema.safeParse(h).success;
    expect(ok('warungbuani')).toBe(true);
    expect(ok('@Warung.Bu_Ani')).toBe(true); // the @ and capitals are forgiven
    const code = (h: string) => Shop.handleSchema.safeParse(h).error?.issues[0]?.message;
    expect(code('ab')).toBe('shop.handle.length');
    expect(code('a'.repeat(31))).toBe('shop.handle.length');
    expect(code('warung bu ani')).toBe('shop.handle.format');
    expect(code('warung..ani')).toBe('shop.handle.dots');
    expect(code('.warung')).toBe('shop.handle.dots');
    expect(code('pasar')).toBe('shop.handle.reserved');
    expect(code('dis.naker')).toBe('shop.handle.reserved');
  });

  it('are unique under concurrency: 20 people racing for one handle make one shop', async () => {
    const racers = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Penjual ${i}`)));
    const results = await Promise.allSettled(racers.map((r) => Shop.open(as(r), fields('kuerebutan'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [r.reason.code] : []));
    expect(new Set(codes)).toEqual(new Set(['shop.handle_taken']));
  });
});

describe('shops', () => {
  it('opening one makes the person an entrepreneur and its owner; the page finds it by handle', async () => {
    const shop = await Shop.open(as(seller), fields('warungbuani'));
    expect(shop).toMatchObject({ handle: 'warungbuani', kind: 'individual', whatsapp: '+6281277771234' });
    expect((await Account.getUser(db, seller.userId)).roles).toContain('entrepreneur');
    const view = await Shop.byHandle(as(undefined), { handle: 'warungbuani' });
    expect(view.shop.id).toBe(shop.id);
    expect(view.can).toMatchObject({ view: true, edit: false, manageProducts: false });
    const mine = await Shop.byHandle(as(seller), { handle: '@WarungBuAni' });
    expect(mine.can).toMatchObject({ edit: true, manageProducts: true, follow: false });
  });

  it('a new handle redirects from the old one; the old one can be taken back, nobody else can take it', async () => {
    const { shop } = await Shop.byHandle(as(seller), { handle: 'warungbuani' });
    const renamed = await Shop.update(as(seller), { id: shop.id, handle: 'dapurbuani', version: shop.version });
    expect(renamed.handle).toBe('dapurbuani');
    const old = await Shop.byHandle(as(undefined), { handle: 'warungbuani' });
    expect(old.movedTo).toBe('dapurbuani');
    await expect(Shop.open(as(other), fields('warungbuani'))).rejects.toMatchObject({ code: 'shop.handle_taken' });
    const back = await Shop.update(as(seller), { id: shop.id, handle: 'warungbuani', version: renamed.version });
    expect(back.handle).toBe('warungbuani');
    expect((await Shop.byHandle(as(undefined), { handle: 'dapurbuani' })).movedTo).toBe('warungbuani');
  });

  it('reports a taken handle and a kelurahan outside its kecamatan with the other mistakes, in one answer', async () => {
    const taken = { ...fields('warungbuani'), name: 'W', villageCode: '36.71.02.1001', bio: 'x'.repeat(301) };
    await expect(Shop.open(as(other), taken)).rejects.toMatchObject({
      code: 'request.invalid',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'name', code: 'shop.name.length' }),
        expect.objectContaining({ path: 'bio', code: 'shop.bio.max' }),
        expect.objectContaining({ path: 'villageCode', code: 'region.village.invalid' }),
        expect.objectContaining({ path: 'handle', code: 'shop.handle.taken' }),
      ]),
    });
    const { shop } = await Shop.byHandle(as(seller), { handle: 'warungbuani' });
    // Its own handle is not "taken" when the owner edits something else wrongly.
    const error = await Shop.update(as(seller), { id: shop.id, name: 'W', handle: 'warungbuani' }).catch((e) => e);
    expect(error.fields).toEqual([{ path: 'name', code: 'shop.name.length', params: { min: 3 } }]);
  });

  it('only the owner edits, and a stale version is a 409', async () => {
    const { shop } = await Shop.byHandle(as(seller), { handle: 'warungbuani' });
    await expect(Shop.update(as(other), { id: shop.id, bio: 'Diambil alih.' })).rejects.toMatchObject({
      code: 'shop.not_owner',
    });
    await expect(
      Shop.update(as(seller), { id: shop.id, bio: 'Baru.', version: shop.version - 1 }),
    ).rejects.toMatchObject({
      code: 'shop.changed',
    });
    await expect(Shop.byHandle(as(undefined), { handle: 'tidakada' })).rejects.toMatchObject({
      code: 'shop.not_found',
    });
  });
});

describe('products', () => {
  const kue = {
    title: 'Kue Lapis Legit 20×20',
    description: 'Lapis legit wisman, tahan 7 hari.',
    price: 'Rp185.000',
    stock: '4',
    category: 'kuliner',
  };

  it('a shop member lists one; anyone else is refused; stock or "made to order" is required', async () => {
    const { shop } = await Shop.byHandle(as(seller), { handle: 'warungbuani' });
    await expect(Shop.createProduct(as(other), { shopId: shop.id, ...kue })).rejects.toMatchObject({
      code: 'shop.not_member',
    });
    await expect(Shop.createProduct(as(seller), { shopId: shop.id, ...kue, stock: '' })).rejects.toMatchObject({
      code: 'request.invalid',
      fields: [{ path: 'stock', code: 'product.stock.required' }],
    });
    const p = await Shop.createProduct(as(seller), { shopId: shop.id, ...kue });
    expect(p).toMatchObject({
      price: 185000,
      stock: 4,
      madeToOrder: false,
      slug: 'kue-lapis-legit-20x20',
      status: 'active',
    });
    const preorder = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      ...kue,
      title: 'Tumpeng Mini',
      stock: '',
      madeToOrder: 'on',
    });
    expect(preorder.stock).toBeUndefined();
    expect(Shop.productPath('warungbuani', p)).toBe(`/@warungbuani/kue-lapis-legit-20x20-${p.id}`);
  });

  it('opens by its path, and an old path says where it lives now; hidden ones are for the shop only', async () => {
    const { shop } = await Shop.byHandle(as(seller), { handle: 'warungbuani' });
    const [p] = (await Shop.productsOf(as(undefined), { shopId: shop.id, limit: 1 })).items;
    if (!p) throw new Error('no product');
    const view = await Shop.viewProduct(as(undefined), { handle: 'warungbuani', ref: `${p.slug}-${p.id}` });
    expect(view.movedTo).toBeUndefined();
    const renamed = await Shop.updateProduct(as(seller), {
      shopId: shop.id,
      id: p.id,
      title: 'Tumpeng Mini Ayam',
      version: p.version,
    });
    expect((await Shop.viewProduct(as(undefined), { handle: 'warungbuani', ref: `${p.slug}-${p.id}` })).movedTo).toBe(
      `/@warungbuani/tumpeng-mini-ayam-${p.id}`,
    );
    await expect(
      Shop.updateProduct(as(seller), { shopId: shop.id, id: p.id, price: '10000', version: p.version }),
    ).rejects.toMatchObject({ code: 'product.changed' });
    await Shop.updateProduct(as(seller), { shopId: shop.id, id: p.id, status: 'hidden', version: renamed.version });
    await expect(Shop.viewProduct(as(undefined), { handle: 'warungbuani', ref: p.id })).rejects.toMatchObject({
      code: 'product.not_found',
    });
    expect((await Shop.viewProduct(as(seller), { handle: 'warungbuani', ref: p.id })).product.status).toBe('hidden');
    const publicList = await Shop.productsOf(as(undefined), { shopId: shop.id });
    expect(publicList.items.map((x) => x.id)).not.toContain(p.id);
    expect((await Shop.productsOf(as(seller), { shopId: shop.id })).items.map((x) => x.id)).toContain(p.id);
  });
});
