import { S3 } from '@bursa/core/aws';
import { type Db, runAsEntry } from '@bursa/core/db';
import type { Config } from '@bursa/core/kernel';
import * as Media from '@bursa/core/media';
import sharp, { type Metadata } from 'sharp';

/**
 * One uploaded photo (`uploads/<userId>/<imageId>`) → WebP variants about
 * 320, 640 and 1280 px wide under `media/img/`, orientation applied and
 * metadata (EXIF, GPS) dropped, and the Image record saying it is ready.
 * Anything that is not a photo, is over 5 MB or is tiny is deleted and
 * recorded as refused with the reason, so the seller's page can say why.
 * The same function runs in Lambda (an S3 event) and in-process locally.
 */
export type Processed = { imageId: string; status: 'ready' | 'refused'; reason?: string; widths: number[] };

const MIN_WIDTH = 200;
/** JPEG, PNG and WebP, recognised by their first bytes (the name and the declared type prove nothing). */
function isPhoto(head: Buffer): boolean {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return true;
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  return head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP';
}

export function processUpload(config: Config, db: Db, key: string): Promise<Processed | undefined> {
  // Tagged as the image function's calls (the tests' grants check).
  return runAsEntry('image', () => process(config, db, key));
}

async function process(config: Config, db: Db, key: string): Promise<Processed | undefined> {
  const parsed = Media.parseUploadKey(key);
  if (!parsed) return undefined;
  const { userId, imageId, visibility } = parsed;
  const bucket = Media.mediaBucket(config);
  const refuse = async (reason: string, width = 0, height = 0): Promise<Processed> => {
    await S3.deleteObject(bucket, key);
    await Media.recordImage(db, {
      id: imageId,
      ownerId: userId,
      status: 'refused',
      reason,
      width,
      height,
      ...(visibility ? { visibility } : {}),
      createdAt: new Date().toISOString(),
    });
    return { imageId, status: 'refused', reason, widths: [] };
  };
  const got = await S3.getObject(bucket, key, { maxBytes: Media.IMAGE_MAX_BYTES });
  // Deleted before we got to it (a retry after success): nothing to do.
  if (!got) return undefined;
  // Too big: not read.
  if (!got.bytes) return refuse('media.image.too_large');
  const body = Buffer.from(got.bytes);
  if (body.length > Media.IMAGE_MAX_BYTES) return refuse('media.image.too_large');
  if (!isPhoto(body.subarray(0, 12))) return refuse('media.image.type');
  let meta: Metadata;
  try {
    // autoOrient: the phone's EXIF orientation becomes real pixels, before the metadata is dropped.
    meta = await sharp(body, { failOn: 'error' }).autoOrient().metadata();
  } catch {
    return refuse('media.image.type');
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width < MIN_WIDTH || height < 50) return refuse('media.image.too_small', width, height);
  if (visibility === 'private') {
    // A proof: one upright WebP for the people allowed to see it, and the picture's hash; nothing public.
    const out = await sharp(body)
      .autoOrient()
      .resize({ width: 1280, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    await S3.putObject(bucket, Media.privateImageKey(imageId), out, { contentType: 'image/webp' });
    await S3.deleteObject(bucket, key);
    await Media.recordImage(db, {
      id: imageId,
      ownerId: userId,
      status: 'ready',
      width,
      height,
      visibility,
      hash: await pictureHash(body),
      createdAt: new Date().toISOString(),
    });
    return { imageId, status: 'ready', widths: [1280] };
  }
  const widths: number[] = [];
  for (const w of Media.WIDTHS) {
    const out = await sharp(body)
      .autoOrient()
      .resize({ width: w, withoutEnlargement: true })
      .webp({ quality: w <= 320 ? 72 : 78 })
      .toBuffer();
    // The name never changes content (a new photo is a new id): cache for a year.
    await S3.putObject(bucket, Media.variantKey(imageId, w), out, {
      contentType: 'image/webp',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    widths.push(w);
  }
  // Link previews: 1200×630 (the size WhatsApp and Facebook crop to), JPEG, centred on the photo.
  const og = await sharp(body)
    .autoOrient()
    .resize({ width: 1200, height: 630, fit: 'cover', withoutEnlargement: false })
    .jpeg({ quality: 72, mozjpeg: true })
    .toBuffer();
  await S3.putObject(bucket, Media.ogImageKey(imageId), og, {
    contentType: 'image/jpeg',
    cacheControl: 'public, max-age=31536000, immutable',
  });
  await Media.recordImage(db, {
    id: imageId,
    ownerId: userId,
    status: 'ready',
    width,
    height,
    createdAt: new Date().toISOString(),
  });
  return { imageId, status: 'ready', widths };
}

/**
 * A 64-bit difference hash: the picture shrunk to 9×8 grey pixels, one bit per
 * "brighter than its right neighbour". The same screenshot re-saved, resized
 * or recompressed gives the same hash; a different transfer does not.
 */
export async function pictureHash(body: Buffer): Promise<string> {
  const px = await sharp(body).autoOrient().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let bits = 0n;
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++)
      bits = (bits << 1n) | ((px[y * 9 + x] as number) > (px[y * 9 + x + 1] as number) ? 1n : 0n);
  return bits.toString(16).padStart(16, '0');
}

/** The keys an S3 event names (URL-encoded, spaces as `+`, as S3 sends them). */
export function keysOf(event: { Records?: { s3?: { object?: { key?: string } } }[] }): string[] {
  return (event.Records ?? [])
    .map((r) => r.s3?.object?.key)
    .filter((k): k is string => typeof k === 'string')
    .map((k) => decodeURIComponent(k.replace(/\+/g, ' ')));
}
