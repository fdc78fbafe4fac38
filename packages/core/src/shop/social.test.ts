import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { processUpload } from '@bursa/functions/images/process';
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
import * as Region from '../region/index.ts';
import * as Shop from './index.ts';

/** Follows, posts, likes, comments and the feed, against DynamoDB Local, the local S3 and the real stream projections. */
let db: Db;
let s3: S3Local;
let config: Config;
let projections: Awaited<ReturnType<typeof startProjections>>;
let seller: Actor;
let fan: Actor;
let shop: Shop.Info;
let shopB: Shop.Info;
const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
let phone = 0;
async function person(name: string): Promise<Actor> {
  phone += 1;
  const r = await Account.register(as(undefined), {
    name,
    phone: `0815${String(Date.now() % 1e4).padStart(4, '0')}${String(phone).padStart(4, '0')}`,
    password: 'rahasia123',
  });
  return { userId: r.user.id, name, roles: ['resident'] };
}
const shopFields = (handle: string) => ({
  handle,
  name: `Toko ${handle}`,
  category: 'kuliner' as const,
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  whatsapp: '0812 7777 1234',
  delivery: ['pickup'],
});
/** A photo uploaded by `who` and processed by the image function, as a seller's phone would. */
async function photo(who: Actor): Promise<string> {
  const imageId = newId();
  const body = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#e96' } })
    .jpeg()
    .toBuffer();
  const key = Media.uploadKeyOf(who.userId, imageId);
  await mediaClient(config).send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: key, Body: body }));
  await processUpload(config, db, key);
  return imageId;
}

beforeAll(async () => {
  db = await createTestDb();
  s3 = await startS3Local({
    directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')),
    buckets: ['bursa-media-social'],
  });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-social',
  });
  projections = await startProjections(db);
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  seller = await person('Ani');
  fan = await person('Budi');
  shop = await Shop.open(as(seller), shopFields(`social${Date.now() % 1e6}`));
  shopB = await Shop.open(as(fan), shopFields(`other${Date.now() % 1e6}`));
});
afterAll(async () => {
  await projections?.stop();
  await s3?.stop();
});

describe('follows', () => {
  it('50 people following at once, and one person toggling 50 times at once: the follower count is exact', async () => {
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => person(`Pengikut ${i}`)));
    await Promise.all(people.map((p) => Shop.follow(as(p), { shopId: shop.id })));
    // Double clicks: following again adds nothing.
    await Promise.all(people.slice(0, 10).map((p) => Shop.follow(as(p), { shopId: shop.id })));
    // Ten of them leave.
    await Promise.all(people.slice(40).map((p) => Shop.unfollow(as(p), { shopId: shop.id })));
    // One person hammering the button: follows and unfollows interleaved.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 ? Shop.unfollow(as(fan), { shopId: shop.id }) : Shop.follow(as(fan), { shopId: shop.id }),
      ),
    );
    await projections.settle();
    const fanFollows = await Shop.isFollowing(db, fan, shop.id);
    expect((await Shop.countsOf(db, shop.id)).followers).toBe(40 + (fanFollows ? 1 : 0));
    await Shop.follow(as(fan), { shopId: shop.id });
    await projections.settle();
    expect((await Shop.countsOf(db, shop.id)).followers).toBe(41);
  });

  it('a shop’s own members do not follow it; anonymous visitors cannot follow', async () => {
    await expect(Shop.follow(as(seller), { shopId: shop.id })).rejects.toMatchObject({ code: 'shop.follow_own' });
    await expect(Shop.follow(as(undefined), { shopId: shop.id })).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(await Shop.isFollowing(db, undefined, shop.id)).toBe(false);
  });
});

describe('posts', () => {
  let post: Shop.Post;
  it('a member posts photos with a caption and tagged products; the counts follow', async () => {
    const product = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Nasi Uduk Komplit',
      price: '15000',
      stock: '20',
      category: 'kuliner',
    });
    const [a, b] = [await photo(seller), await photo(seller)];
    post = await Shop.createPost(as(seller), {
      shopId: shop.id,
      caption: 'Pagi ini nasi uduk hangat 🍚',
      photos: `${a},${b}`,
      tags: product.id,
    });
    expect(post.tags).toEqual([{ productId: product.id, title: 'Nasi Uduk Komplit', slug: 'nasi-uduk-komplit' }]);
    await projections.settle();
    expect(await Shop.countsOf(db, shop.id)).toMatchObject({ products: 1, posts: 1 });
    expect((await Shop.postsOf(as(undefined), { shopId: shop.id })).items.map((p) => p.id)).toEqual([post.id]);
  });

  it('refuses a non-member, no photo, someone else’s photo, and a product of another shop', async () => {
    const mine = await photo(seller);
    await expect(Shop.createPost(as(fan), { shopId: shop.id, caption: 'x', photos: mine })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(Shop.createPost(as(seller), { shopId: shop.id, caption: 'x', photos: '' })).rejects.toMatchObject({
      kind: 'validation',
    });
    const theirs = await photo(fan);
    await expect(Shop.createPost(as(seller), { shopId: shop.id, photos: theirs })).rejects.toMatchObject({
      code: 'media.cv.wrong_owner',
    });
    const elsewhere = await Shop.createProduct(as(fan), {
      shopId: shopB.id,
      title: 'Keripik Tempe',
      price: '10000',
      madeToOrder: 'on',
      category: 'kuliner',
    });
    await expect(
      Shop.createPost(as(seller), { shopId: shop.id, photos: mine, tags: elsewhere.id }),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    // Nor can a member of shop B list products in shop A.
    await expect(
      Shop.createProduct(as(fan), {
        shopId: shop.id,
        title: 'Titipan',
        price: '5000',
        stock: '1',
        category: 'kuliner',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('likes: one per person, exact after 50 concurrent toggles; comments: the author and the shop delete them', async () => {
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`Penyuka ${i}`)));
    await Promise.all(people.map((p) => Shop.like(as(p), { shopId: shop.id, postId: post.id })));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? Shop.unlike(as(fan), { shopId: shop.id, postId: post.id })
          : Shop.like(as(fan), { shopId: shop.id, postId: post.id }),
      ),
    );
    const c1 = await Shop.comment(as(fan), { shopId: shop.id, postId: post.id, text: 'Mantap, besok pesan dua ya' });
    const c2 = await Shop.comment(as(people[0] as Actor), {
      shopId: shop.id,
      postId: post.id,
      text: 'Buka jam berapa?',
    });
    await expect(
      Shop.comment(as(fan), { shopId: shop.id, postId: post.id, text: 'x'.repeat(501) }),
    ).rejects.toMatchObject({ kind: 'validation' });
    await expect(
      Shop.deleteComment(as(people[1] as Actor), { shopId: shop.id, postId: post.id, commentId: c1.id }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await Shop.deleteComment(as(seller), { shopId: shop.id, postId: post.id, commentId: c2.id });
    await projections.settle();
    const view = await Shop.postView(as(fan), shop.id, post.id);
    expect(view.likes).toBe(20 + (view.liked ? 1 : 0));
    expect(view.comments).toBe(1);
    expect(
      (await Shop.commentsOf(as(undefined), { shopId: shop.id, postId: post.id })).items.map((c) => c.text),
    ).toEqual(['Mantap, besok pesan dua ya']);
  });
});

describe('feed', () => {
  it('shows the newest posts and products of followed shops, merged by time, a page at a time; nothing for someone following no one', async () => {
    const reader = await person('Citra');
    expect(await Shop.feed(as(reader), {})).toEqual({ items: [], following: 0 });
    await Shop.follow(as(reader), { shopId: shop.id });
    await Shop.follow(as(reader), { shopId: shopB.id });
    // 25 more things across both shops, so the feed has two pages.
    for (let i = 0; i < 12; i++) {
      await Shop.createProduct(as(fan), {
        shopId: shopB.id,
        title: `Produk B ${i}`,
        price: '5000',
        stock: '3',
        category: 'kuliner',
      });
      await Shop.createProduct(as(seller), {
        shopId: shop.id,
        title: `Produk A ${i}`,
        price: '5000',
        stock: '3',
        category: 'kuliner',
      });
    }
    const hidden = await Shop.createProduct(as(seller), {
      shopId: shop.id,
      title: 'Rahasia',
      price: '5000',
      stock: '1',
      category: 'kuliner',
      status: 'hidden',
    });
    const first = await Shop.feed(as(reader), {});
    expect(first.items).toHaveLength(Shop.FEED_PAGE);
    expect(first.items[0]).toMatchObject({ kind: 'product' });
    const ats = first.items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const second = await Shop.feed(as(reader), { cursor: first.cursor });
    const all = [...first.items, ...second.items];
    // 1 post + 1 + 12 products in A, 1 + 12 in B: 27, none twice, the hidden one never.
    expect(all).toHaveLength(27);
    expect(new Set(all.map((i) => (i.kind === 'post' ? i.post.id : i.product.id))).size).toBe(27);
    expect(all.some((i) => i.kind === 'product' && i.product.id === hidden.id)).toBe(false);
    expect(all.filter((i) => i.kind === 'post')).toHaveLength(1);
    await expect(Shop.feed(as(reader), { cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'request.invalid_cursor' });
  });
});

describe('market (/pasar)', () => {
  it('lists visible products newest first by category and kecamatan, one Query a page; a rename refreshes the cards', async () => {
    const s = await Shop.open(as(seller), { ...shopFields(`pasar${Date.now() % 1e6}`), category: 'kerajinan' });
    const bag = await Shop.createProduct(as(seller), {
      shopId: s.id,
      title: 'Tas Anyaman Pandan',
      price: '85000',
      stock: '5',
      category: 'kerajinan',
    });
    const secret = await Shop.createProduct(as(seller), {
      shopId: s.id,
      title: 'Belum dijual',
      price: '5000',
      stock: '1',
      category: 'kerajinan',
      status: 'hidden',
    });
    await projections.settle();
    const ids = async (f: Record<string, string>) =>
      (await Shop.marketProducts(as(undefined), f)).items.map((p) => p.productId);
    expect(await ids({})).toContain(bag.id);
    expect(await ids({ category: 'kerajinan' })).toContain(bag.id);
    expect(await ids({ category: 'kuliner' })).not.toContain(bag.id);
    expect(await ids({ districtCode: '36.71.01' })).toContain(bag.id);
    expect(await ids({})).not.toContain(secret.id);
    expect((await Shop.marketShops(as(undefined), { category: 'kerajinan' })).items.map((x) => x.shopId)).toContain(
      s.id,
    );
    // Hidden later: gone from every list; renamed shop: the cards follow.
    await Shop.updateProduct(as(seller), { shopId: s.id, id: bag.id, status: 'hidden' });
    await Shop.updateProduct(as(seller), { shopId: s.id, id: secret.id, status: 'active' });
    await Shop.update(as(seller), { id: s.id, name: 'Anyaman Bu Ani' });
    await projections.settle();
    expect(await ids({ category: 'kerajinan' })).not.toContain(bag.id);
    const cards = (await Shop.marketProducts(as(undefined), { category: 'kerajinan' })).items;
    expect(cards.find((c) => c.productId === secret.id)).toMatchObject({ shopName: 'Anyaman Bu Ani', price: 5000 });
    await expect(Shop.marketProducts(as(undefined), { category: 'senjata' })).rejects.toMatchObject({
      kind: 'validation',
    });
  });
});

describe('group storefronts (kelompok usaha)', () => {
  it('the owner invites by phone; members manage products and posts of their group only; at most 30, even racing', async () => {
    const owner = await person('Ketua Kelompok');
    const group = await Shop.open(as(owner), shopFields(`kelompok${Date.now() % 1e6}`));
    // Not a group yet: no invites.
    await expect(Shop.invite(as(owner), { shopId: group.id, phone: '0812 1111 2222' })).rejects.toMatchObject({
      code: 'shop.group.not_group',
    });
    await Shop.makeGroup(as(owner), { shopId: group.id });
    await expect(Shop.makeGroup(as(fan), { shopId: group.id })).rejects.toMatchObject({ kind: 'forbidden' });
    // 35 people invited, all accepting at once: 29 join (30 with the owner), 6 are told it is full.
    phone += 100;
    const phones = Array.from(
      { length: 35 },
      (_, i) => `0816${String(Date.now() % 1e4).padStart(4, '0')}${String(phone + i).padStart(4, '0')}`,
    );
    const people = await Promise.all(
      phones.map(async (p, i) => {
        const r = await Account.register(as(undefined), { name: `Anggota ${i}`, phone: p, password: 'rahasia123' });
        return { userId: r.user.id, name: `Anggota ${i}`, roles: ['resident'] } as Actor;
      }),
    );
    for (const p of phones) await Shop.invite(as(owner), { shopId: group.id, phone: p });
    expect((await Shop.invitesForMe(as(people[0] as Actor), {})).map((i) => i.shopId)).toEqual([group.id]);
    const outcomes = await Promise.allSettled(people.map((p) => Shop.acceptInvite(as(p), { shopId: group.id })));
    const reasons = outcomes
      .filter((o) => o.status === 'rejected')
      .map((o) => String((o as PromiseRejectedResult).reason?.code ?? (o as PromiseRejectedResult).reason));
    expect(
      outcomes.filter((o) => o.status === 'fulfilled'),
      reasons.join(', '),
    ).toHaveLength(29);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code),
    ).toEqual(Array(6).fill('shop.group.full'));
    expect(await Shop.membersOf({ db }, group.id)).toHaveLength(30);
    expect((await Shop.get(db, group.id)).members).toBe(30);
    const member = people[outcomes.findIndex((o) => o.status === 'fulfilled')] as Actor;
    // A member lists products and posts in their group…
    const made = await Shop.createProduct(as(member), {
      shopId: group.id,
      title: 'Batik Tulis Kelompok',
      price: '250000',
      stock: '3',
      category: 'fashion',
    });
    await Shop.createPost(as(member), { shopId: group.id, caption: 'Karya anggota', photos: await photo(member) });
    // …but not in another group, and cannot invite or edit the shop.
    await expect(
      Shop.updateProduct(as(member), {
        shopId: shop.id,
        id: (await Shop.productsOf(as(seller), { shopId: shop.id })).items[0]?.id ?? '',
        price: '1000',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(Shop.invite(as(member), { shopId: group.id, phone: '0812 1111 3333' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(Shop.update(as(member), { id: group.id, name: 'Diambil alih' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // The owner removes a member: room for one more; the owner cannot be removed.
    await Shop.removeMember(as(owner), { shopId: group.id, userId: member.userId });
    await expect(
      Shop.updateProduct(as(member), { shopId: group.id, id: made.id, price: '1000' }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(Shop.removeMember(as(owner), { shopId: group.id, userId: owner.userId })).rejects.toMatchObject({
      code: 'shop.group.owner_stays',
    });
    expect((await Shop.get(db, group.id)).members).toBe(29);
  });
});

describe('programme-graduate badge', () => {
  it('the owner asks, officers see it in their queue, one decision wins, a rejection says why, asking again re-queues', async () => {
    const officer: Actor = { userId: newId(), name: 'Petugas', roles: ['officer'] };
    const officer2: Actor = { userId: newId(), name: 'Petugas 2', roles: ['officer'] };
    const b = await Shop.open(as(seller), shopFields(`lencana${Date.now() % 1e6}`));
    const ask = {
      shopId: b.id,
      programme: 'blk' as const,
      cohort: 'Tata Boga BLK Kota Tangerang angkatan 2',
      year: '2025',
    };
    await expect(Shop.requestBadge(as(fan), ask)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(Shop.requestBadge(as(seller), { ...ask, year: '2099' })).rejects.toMatchObject({ kind: 'validation' });
    await Shop.requestBadge(as(seller), ask);
    await expect(Shop.badgeQueue(as(seller), {})).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await Shop.badgeQueue(as(officer), {})).items.map((s) => s.id)).toContain(b.id);
    await expect(Shop.decideBadge(as(officer), { shopId: b.id, decision: 'reject' })).rejects.toMatchObject({
      kind: 'validation',
    });
    const outcomes = await Promise.allSettled([
      Shop.decideBadge(as(officer), { shopId: b.id, decision: 'verify' }),
      Shop.decideBadge(as(officer2), { shopId: b.id, decision: 'reject', reason: 'Tidak ada di daftar angkatan' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((await Shop.badgeQueue(as(officer), {})).items.map((s) => s.id)).not.toContain(b.id);
    const decided = (await Shop.get(db, b.id)).badge;
    expect(['verified', 'rejected']).toContain(decided?.status);
    // The winner's decision is audited in its own transaction; the loser's failed condition wrote no entry.
    const Audit = await import('../audit/index.ts');
    const audited = (await Audit.list(as(officer), { targetType: 'shop', targetId: b.id })).items.map((e) => e.action);
    expect(audited).toEqual([decided?.status === 'verified' ? 'badge.verify' : 'badge.reject']);
    // Editing the shop keeps the badge; asking again puts it back in the queue as pending.
    await Shop.update(as(seller), { id: b.id, bio: 'Kue basah' });
    expect((await Shop.get(db, b.id)).badge?.status).toBe(decided?.status);
    await Shop.requestBadge(as(seller), { ...ask, cohort: 'Tata Boga angkatan 3' });
    expect((await Shop.badgeQueue(as(officer), {})).items.find((s) => s.id === b.id)?.badge).toMatchObject({
      status: 'pending',
      cohort: 'Tata Boga angkatan 3',
    });
  });
});

describe('shop profile photo', () => {
  it('the owner sets one they uploaded; others cannot; the directory card carries it', async () => {
    const mine = await photo(seller);
    await expect(Shop.setAvatar(as(fan), { shopId: shop.id, imageId: await photo(fan) })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(Shop.setAvatar(as(seller), { shopId: shop.id, imageId: await photo(fan) })).rejects.toMatchObject({
      code: 'media.cv.wrong_owner',
    });
    expect((await Shop.setAvatar(as(seller), { shopId: shop.id, imageId: mine })).avatar).toBe(mine);
    await projections.settle();
    const card = (await Shop.marketShops(as(undefined), {})).items.find((s) => s.shopId === shop.id);
    expect(card?.avatar).toBe(mine);
  });
});

describe('reporting a comment', () => {
  it('anyone signed in reports a comment once, with a reason; nonsense and strangers’ posts are refused', async () => {
    const s = await Shop.open(as(seller), shopFields(`lapor${Date.now() % 1e6}`));
    const p = await Shop.createPost(as(seller), { shopId: s.id, caption: 'x', photos: await photo(seller) });
    const c = await Shop.comment(as(fan), {
      shopId: s.id,
      postId: p.id,
      text: 'Transfer dulu Rp50.000 ke rekening saya',
    });
    const key = { shopId: s.id, postId: p.id, commentId: c.id };
    await expect(Shop.reportComment(as(undefined), { ...key, reason: 'scam' })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    await expect(Shop.reportComment(as(seller), { ...key, reason: 'nope' as never })).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(Shop.reportComment(as(seller), { ...key, shopId: shop.id, reason: 'scam' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await Shop.reportComment(as(seller), { ...key, reason: 'scam', note: 'Minta transfer' });
    await Shop.reportComment(as(seller), { ...key, reason: 'other' });
    const { Items = [] } = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `REPORT#comment#${c.id}` },
      }),
    );
    expect(Items.map((i) => [i.userId, i.reason, i.note])).toEqual([[seller.userId, 'scam', 'Minta transfer']]);
  });
});
