import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Db } from '@bursa/core/db';
import { type Config, loadConfig, newId } from '@bursa/core/kernel';
import * as Media from '@bursa/core/media';
import { mediaClient } from '@bursa/core/media-client';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Local, startS3Local } from '../../../scripts/local/s3-local.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { keysOf, processUpload } from './process.ts';

/** The image function against the local S3 and DynamoDB Local: what a seller's phone sends, and what comes out. */
let db: Db;
let s3: S3Local;
let config: Config;
const userId = newId();

beforeAll(async () => {
  db = await createTestDb();
  s3 = await startS3Local({ directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')), buckets: ['bursa-media-img'] });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-img',
  });
});
afterAll(() => s3.stop());

const client = () => mediaClient(config);
async function upload(body: Buffer): Promise<{ key: string; imageId: string }> {
  const imageId = newId();
  const key = Media.uploadKeyOf(userId, imageId);
  await client().send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: key, Body: body }));
  return { key, imageId };
}
async function read(key: string): Promise<Buffer> {
  const got = await client().send(new GetObjectCommand({ Bucket: config.mediaBucket, Key: key }));
  return Buffer.from((await got.Body?.transformToByteArray()) ?? []);
}
async function exists(key: string): Promise<boolean> {
  return client()
    .send(new HeadObjectCommand({ Bucket: config.mediaBucket, Key: key }))
    .then(() => true)
    .catch(() => false);
}
/** A phone photo: 2400×1800 pixels stored sideways, with EXIF saying "rotate 90°" and a GPS-bearing camera note. */
const phonePhoto = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Xiaomi', Model: 'Redmi 12' } } })
    .toBuffer();

describe('image function', () => {
  it('turns a phone photo into WebP variants 320, 640 and 1280 wide, upright, without EXIF, and a 1200×630 JPEG preview', async () => {
    const { key, imageId } = await upload(await phonePhoto());
    expect(await processUpload(config, db, key)).toEqual({ imageId, status: 'ready', widths: [320, 640, 1280] });
    for (const w of Media.WIDTHS) {
      const meta = await sharp(await read(Media.variantKey(imageId, w))).metadata();
      // Stored sideways (2400×1800) with orientation 6: upright it is 1800 wide and 2400 tall.
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', w, Math.round((w * 2400) / 1800)]);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    const og = await sharp(await read(Media.ogImageKey(imageId))).metadata();
    expect([og.format, og.width, og.height, og.exif]).toEqual(['jpeg', 1200, 630, undefined]);
    const got = await client().send(
      new GetObjectCommand({ Bucket: config.mediaBucket, Key: Media.variantKey(imageId, 320) }),
    );
    expect([got.ContentType, got.CacheControl]).toEqual(['image/webp', 'public, max-age=31536000, immutable']);
    expect(await Media.findImage(db, imageId)).toMatchObject({
      status: 'ready',
      ownerId: userId,
      width: 1800,
      height: 2400,
    });
    // The original stays (private, under uploads/).
    expect(await exists(key)).toBe(true);
  });

  it('never enlarges a small photo, and reads PNG and WebP too', async () => {
    for (const format of ['png', 'webp'] as const) {
      const body = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#2a7' } })
        .toFormat(format)
        .toBuffer();
      const { key, imageId } = await upload(body);
      await processUpload(config, db, key);
      for (const w of Media.WIDTHS) {
        const meta = await sharp(await read(Media.variantKey(imageId, w))).metadata();
        expect(meta.width).toBe(Math.min(w, 500));
      }
    }
  });

  it.each([
    ['a text file named like a photo', () => Buffer.from('bukan foto sama sekali, hanya teks'), 'media.image.type'],
    ['a PDF', () => Buffer.from('%PDF-1.4\n%…\n'), 'media.image.type'],
    [
      'a broken JPEG',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
      'media.image.type',
    ],
    [
      'a photo over 5 MB',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5 * 1024 * 1024)]),
      'media.image.too_large',
    ],
    [
      'an icon-sized picture',
      () =>
        sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      'media.image.too_small',
    ],
  ])('refuses %s: deleted, recorded with the reason, no variants', async (_name, make, reason) => {
    const { key, imageId } = await upload(await make());
    expect(await processUpload(config, db, key)).toMatchObject({ status: 'refused', reason });
    expect(await exists(key)).toBe(false);
    expect(await exists(Media.variantKey(imageId, 320))).toBe(false);
    expect(await Media.findImage(db, imageId)).toMatchObject({ status: 'refused', reason, ownerId: userId });
    // Putting it on a product says why.
    await expect(Media.requireReady({ db, config, actor: undefined }, userId, [imageId])).rejects.toMatchObject({
      code: reason,
    });
  });

  it('ignores keys outside uploads/ (its own variants, CVs), and reads S3 event keys as S3 encodes them', async () => {
    expect(await processUpload(config, db, 'media/img/x-320.webp')).toBeUndefined();
    expect(await processUpload(config, db, `private/cv/${userId}/${newId()}`)).toBeUndefined();
    expect(keysOf({ Records: [{ s3: { object: { key: 'uploads/a%2Fb+c' } } }, {}] })).toEqual(['uploads/a/b c']);
  });

  it('runs in-process when the local S3 receives an upload, as the bucket event runs it in AWS', async () => {
    s3.onObjectCreated((key) => processUpload(config, db, key));
    const { imageId } = await upload(await phonePhoto());
    await s3.settle();
    expect(await Media.findImage(db, imageId)).toMatchObject({ status: 'ready' });
    // Someone else's photo cannot go on my product; mine can.
    await expect(Media.requireReady({ db, config, actor: undefined }, newId(), [imageId])).rejects.toMatchObject({
      code: 'media.cv.wrong_owner',
    });
    expect(await Media.requireReady({ db, config, actor: undefined }, userId, [imageId])).toHaveLength(1);
    await expect(Media.requireReady({ db, config, actor: undefined }, userId, [newId()])).rejects.toMatchObject({
      code: 'media.image.processing',
    });
  });
});
