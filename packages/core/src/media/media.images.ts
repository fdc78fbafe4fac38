import {
  BatchGetCommand,
  BatchGetRequest,
  Entity,
  executeBatchGet,
  GetItemCommand,
  item,
  number,
  PutItemCommand,
  string,
} from 'dynamodb-toolbox';
import { presignGet, presignPost } from '../aws/s3.ts';
import { recordSent } from '../db/action-recorder.ts';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import type { Config } from '../kernel/config.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { DomainError } from '../kernel/errors.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { mediaBucket } from './media.bucket.ts';

/**
 * Public photos (products, posts, shop avatars). The phone shrinks the photo
 * (to about 1600 px) and posts it straight to the bucket under
 * `uploads/<userId>/<imageId>` (a presigned POST: image types, at most 5 MB);
 * the bucket's event runs the image function (functions/src/images), which
 * checks the real type, writes WebP variants 320/640/1280 px wide under
 * `media/img/` (EXIF gone, orientation applied) and records the Image. Only
 * `media/` is served, through CloudFront `/media/*`; originals stay private.
 * Private photos (transfer proofs) are uploaded under `uploads/<userId>/private/`
 * and become one WebP under `private/img/` with a picture hash (the same
 * screenshot sent twice is recognised); they are read only through 5-minute links.
 *
 *   Image  pk = IMAGE#<id>  sk = IMAGE   (ready or refused; who uploaded it; its size)
 */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const WIDTHS = [320, 640, 1280] as const;
export const UPLOAD_PREFIX = 'uploads/';
export const VARIANT_PREFIX = 'media/img/';
export const PRIVATE_PREFIX = 'private/img/';
/** What the phone resizes to before sending (progressive enhancement: see web/public/resize.js). */
export const CLIENT_MAX_EDGE = 1600;

export type Image = {
  id: string;
  ownerId: string;
  status: 'ready' | 'refused';
  reason?: string;
  width: number;
  height: number;
  /** Private images (proofs): not under /media, read through signed links. Absent: public. */
  visibility?: 'private';
  /** A private image's picture hash (64-bit difference hash, hex): equal for the same picture re-encoded. */
  hash?: string;
  createdAt: string;
};

const build = (table: BursaTable) => ({
  Image: new Entity({
    name: 'Image',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      ownerId: string(),
      status: string().enum('ready', 'refused'),
      reason: string().optional(),
      width: number(),
      height: number(),
      visibility: string().enum('private').optional(),
      hash: string().optional(),
      createdAt: string(),
    }),
    computeKey: ({ id }) => ({ pk: `IMAGE#${id}`, sk: 'IMAGE' }),
  }),
});
export const imageEntities = (db: Db) => bindEntities(db, build);

export const uploadKeyOf = (userId: string, imageId: string, visibility?: 'private') =>
  `${UPLOAD_PREFIX}${userId}/${visibility ? 'private/' : ''}${imageId}`;

/** `uploads/<userId>/[private/]<imageId>` → its parts, or undefined for anything else. */
export function parseUploadKey(key: string): { userId: string; imageId: string; visibility?: 'private' } | undefined {
  const m = /^uploads\/([0-9A-Za-z]{20})\/(private\/)?([0-9A-Za-z]{20})$/.exec(key);
  if (!m || !ID_PATTERN.test(m[3] as string)) return undefined;
  return { userId: m[1] as string, imageId: m[3] as string, ...(m[2] ? { visibility: 'private' as const } : {}) };
}

export const privateImageKey = (imageId: string) => `${PRIVATE_PREFIX}${imageId}.webp`;

/** A 5-minute link to a private image (the caller has checked who may see it). */
export async function privateImageUrl(config: Config, imageId: string): Promise<string> {
  return presignGet(mediaBucket(config), privateImageKey(imageId), { expiresS: 300, contentType: 'image/webp' });
}

export const variantKey = (imageId: string, width: number) => `${VARIANT_PREFIX}${imageId}-${width}.webp`;
/** Site-relative: CloudFront (and the local server) serve `/media/*` from the bucket. */
export const imageUrl = (imageId: string, width: (typeof WIDTHS)[number] = 640) => `/${variantKey(imageId, width)}`;
/** A JPEG for link previews (WhatsApp and Facebook read it everywhere; WebP previews are not universal). */
export const ogImageKey = (imageId: string) => `${VARIANT_PREFIX}${imageId}-og.jpg`;
export const ogImageUrl = (imageId: string) => `/${ogImageKey(imageId)}`;
/** `srcset` for an image: the browser picks by the slot's width (`sizes`), so a 360 px phone grid loads 320 px files. */
export const srcsetOf = (imageId: string) => WIDTHS.map((w) => `/${variantKey(imageId, w)} ${w}w`).join(', ');

export type ImageUploadForm = { url: string; fields: Record<string, string>; imageId: string; maxBytes: number };

/** A form a phone can post one photo with (no JavaScript needed; with it, the photo is shrunk first). */
export async function presignImageUpload(
  config: Config,
  { userId, redirectUrl, visibility }: { userId: string; redirectUrl: string; visibility?: 'private' },
): Promise<ImageUploadForm> {
  const imageId = newId();
  const key = uploadKeyOf(userId, imageId, visibility);
  recordSent('s3:PutObject', 'object');
  const { url, fields } = presignPost(mediaBucket(config), {
    key,
    conditions: [
      ['content-length-range', 1, IMAGE_MAX_BYTES],
      ['starts-with', '$Content-Type', 'image/'],
      ['eq', '$key', key],
      ['eq', '$success_action_redirect', redirectUrl],
    ],
    fields: { 'Content-Type': 'image/jpeg', success_action_redirect: redirectUrl },
    expiresS: 1800,
  });
  return { url, fields, imageId, maxBytes: IMAGE_MAX_BYTES };
}

const refuse = (code: string) => new DomainError('validation', code);

/**
 * Photos someone is about to put on a product or post (or a private proof on
 * an order): each must be theirs, processed, and public (or private) as asked. One BatchGetItem. Not yet processed: `media.image.processing`
 * (the page waits a moment and asks again); refused: the reason.
 */
export async function requireReady(
  ctx: Ctx,
  ownerId: string,
  imageIds: string[],
  { visibility }: { visibility?: 'private' } = {},
): Promise<Image[]> {
  if (imageIds.length === 0) return [];
  if (imageIds.length > 10 || imageIds.some((id) => !ID_PATTERN.test(id))) throw refuse('media.image.missing');
  const { Image } = imageEntities(ctx.db);
  const out = await executeBatchGet(
    ctx.db.table.build(BatchGetCommand).requests(...imageIds.map((id) => Image.build(BatchGetRequest).key({ id }))),
  );
  const items = (out.Responses?.[0] ?? []) as (Image | undefined)[];
  return imageIds.map((_id, i) => {
    const image = items[i];
    if (!image) throw refuse('media.image.processing');
    if (image.ownerId !== ownerId) throw refuse('media.cv.wrong_owner');
    if (image.status !== 'ready') throw refuse(image.reason ?? 'media.image.type');
    // A proof is never a product photo, and a public photo is never a proof.
    if (image.visibility !== visibility) throw refuse('media.image.missing');
    return image;
  });
}

/** The Image record for an upload, if the image function has seen it yet (one GetItem). */
export async function findImage(db: Db, imageId: string): Promise<Image | undefined> {
  if (!ID_PATTERN.test(imageId)) return undefined;
  const { Item } = await imageEntities(db).Image.build(GetItemCommand).key({ id: imageId }).send();
  return Item as Image | undefined;
}

/** Records what the image function decided about an upload (it runs once per upload; a retry writes the same). */
export async function recordImage(db: Db, image: Image): Promise<void> {
  await imageEntities(db).Image.build(PutItemCommand).item(image).send();
}
