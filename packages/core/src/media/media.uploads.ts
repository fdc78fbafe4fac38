import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { recordSent } from '../db/action-recorder.ts';
import type { Config } from '../kernel/config.ts';
import { DomainError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { mediaClient } from './media.client.ts';

/**
 * Private uploads: CVs for now. The browser posts the file straight to the
 * bucket (a presigned POST whose policy allows only this key prefix, a PDF
 * content type and at most CV_MAX_BYTES), the bucket sends the browser back to
 * us, and verifyCv checks the stored object itself: the local S3 enforces no
 * policy, and no policy can read a file's first bytes. Objects are read only
 * through links valid for at most 5 minutes.
 */
export const CV_MAX_BYTES = 2 * 1024 * 1024;
export const CV_LINK_SECONDS = 300;
const cvPrefix = (userId: string) => `private/cv/${userId}/`;

export type UploadForm = { url: string; fields: Record<string, string>; key: string; maxBytes: number };

/** A form a browser can post a CV with, no JavaScript needed: hidden fields, then the file as `file`. */
export async function presignCvUpload(
  config: Config,
  { userId, redirectUrl }: { userId: string; redirectUrl: string },
): Promise<UploadForm> {
  const key = `${cvPrefix(userId)}${newId()}.pdf`;
  // The POST's signature is computed here, not sent through the client: record it for the grants check.
  recordSent('s3:PutObject', 'object');
  const { url, fields } = await createPresignedPost(mediaClient(config), {
    Bucket: config.mediaBucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, CV_MAX_BYTES],
      ['eq', '$Content-Type', 'application/pdf'],
      ['starts-with', '$key', cvPrefix(userId)],
      ['eq', '$success_action_redirect', redirectUrl],
    ],
    Fields: { 'Content-Type': 'application/pdf', success_action_redirect: redirectUrl },
    Expires: 600,
  });
  return { url, fields, key, maxBytes: CV_MAX_BYTES };
}

const refuse = (code: string) => new DomainError('validation', code);

/**
 * Checks an uploaded CV: under the person's own prefix, present, at most
 * 2 MB, and a PDF by its magic bytes (`%PDF-`), not its name. Anything else is
 * deleted on the spot, so nothing unchecked stays in the bucket.
 */
export async function verifyCv(config: Config, { userId, key }: { userId: string; key: string }) {
  if (!key.startsWith(cvPrefix(userId)) || key.includes('..')) throw refuse('media.cv.wrong_owner');
  const s3 = mediaClient(config);
  const Bucket = config.mediaBucket;
  let bytes: number;
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
    bytes = head.ContentLength ?? 0;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (e as { name?: string }).name === 'NotFound') throw refuse('media.cv.missing');
    throw e;
  }
  let code: string | undefined;
  if (bytes > CV_MAX_BYTES) code = 'media.cv.too_large';
  else {
    const head = await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: 'bytes=0-4' }));
    const first = Buffer.from((await head.Body?.transformToByteArray()) ?? []).toString('latin1');
    if (first !== '%PDF-') code = 'media.cv.not_pdf';
  }
  if (code) {
    await removeObject(config, key);
    throw refuse(code);
  }
  return { key, bytes };
}

/** A link to a CV valid for 5 minutes, shown inline as a PDF. */
export async function signedCvUrl(config: Config, key: string, { fileName }: { fileName: string }): Promise<string> {
  const safe = fileName.replace(/[^\p{L}\p{N} _.-]/gu, '').slice(0, 60) || 'CV';
  return getSignedUrl(
    mediaClient(config),
    new GetObjectCommand({
      Bucket: config.mediaBucket,
      Key: key,
      ResponseContentType: 'application/pdf',
      ResponseContentDisposition: `inline; filename="${safe}.pdf"`,
    }),
    { expiresIn: CV_LINK_SECONDS },
  );
}

export async function removeObject(config: Config, key: string): Promise<void> {
  await mediaClient(config).send(new DeleteObjectCommand({ Bucket: config.mediaBucket, Key: key }));
}
