import { deleteObject, getObject, headObject, presignGet, presignPost } from '../aws/s3.ts';
import { recordSent } from '../db/action-recorder.ts';
import type { Config } from '../kernel/config.ts';
import { DomainError } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { mediaBucket } from './media.bucket.ts';

/**
 * Private uploads: CVs and training certificates. The browser posts the file
 * straight to the bucket (a presigned POST whose policy allows only the
 * person's own key prefix and at most 2 MB), the bucket sends the browser back
 * to us, and verify checks the stored object itself: the local S3 enforces no
 * policy, and no policy can read a file's first bytes. What fails is deleted.
 * Objects are read only through links valid for at most 5 minutes.
 */
export const MAX_BYTES = 2 * 1024 * 1024;
export const CV_MAX_BYTES = MAX_BYTES;
export const LINK_SECONDS = 300;
export const CV_LINK_SECONDS = LINK_SECONDS;

/** What each kind of upload may be, recognised by its first bytes (never by its name). */
const SIGNATURES = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
} as const;
export type FileType = keyof typeof SIGNATURES;

export const KINDS = {
  cv: { folder: 'cv', types: ['application/pdf'] as FileType[], notAllowed: 'media.cv.not_pdf' },
  certificate: {
    folder: 'certificates',
    types: ['application/pdf', 'image/jpeg', 'image/png'] as FileType[],
    notAllowed: 'media.file.type',
  },
} as const;
export type Kind = keyof typeof KINDS;

const prefixOf = (kind: Kind, userId: string) => `private/${KINDS[kind].folder}/${userId}/`;

export type UploadForm = { url: string; fields: Record<string, string>; key: string; maxBytes: number };

/** A form a browser can post a file with, no JavaScript needed: the hidden fields, then the file as `file`. */
export async function presignUpload(
  config: Config,
  kind: Kind,
  { userId, redirectUrl }: { userId: string; redirectUrl: string },
): Promise<UploadForm> {
  const key = `${prefixOf(kind, userId)}${newId()}`;
  const single = KINDS[kind].types.length === 1 ? KINDS[kind].types[0] : undefined;
  // The POST's signature is computed here, not sent through the client: record it for the grants check.
  recordSent('s3:PutObject', 'object');
  const { url, fields } = presignPost(mediaBucket(config), {
    key,
    conditions: [
      ['content-length-range', 1, MAX_BYTES],
      // One allowed type: the policy pins it. Several: the check after the upload decides.
      single ? ['eq', '$Content-Type', single] : ['starts-with', '$Content-Type', ''],
      ['starts-with', '$key', prefixOf(kind, userId)],
      ['eq', '$success_action_redirect', redirectUrl],
    ],
    fields: { 'Content-Type': single ?? 'application/octet-stream', success_action_redirect: redirectUrl },
    expiresS: 600,
  });
  return { url, fields, key, maxBytes: MAX_BYTES };
}

export const presignCvUpload = (config: Config, who: { userId: string; redirectUrl: string }) =>
  presignUpload(config, 'cv', who);

const refuse = (code: string) => new DomainError('validation', code);

/**
 * Checks an upload: under the person's own prefix, present, at most 2 MB, and
 * one of the kind's types by its first bytes. Anything else is deleted on the
 * spot, so nothing unchecked stays in the bucket.
 */
export async function verifyUpload(
  config: Config,
  kind: Kind,
  { userId, key }: { userId: string; key: string },
): Promise<{ key: string; bytes: number; contentType: FileType }> {
  if (!key.startsWith(prefixOf(kind, userId)) || key.includes('..')) throw refuse('media.cv.wrong_owner');
  const bucket = mediaBucket(config);
  const found = await headObject(bucket, key);
  if (!found) throw refuse('media.cv.missing');
  const bytes = found.length;
  let contentType: FileType | undefined;
  if (bytes <= MAX_BYTES) {
    const head = Buffer.from((await getObject(bucket, key, { range: 'bytes=0-7' }))?.bytes ?? []);
    contentType = KINDS[kind].types.find((t) => head.subarray(0, SIGNATURES[t].length).equals(SIGNATURES[t]));
  }
  if (!contentType) {
    await removeObject(config, key);
    throw refuse(bytes > MAX_BYTES ? 'media.cv.too_large' : KINDS[kind].notAllowed);
  }
  return { key, bytes, contentType };
}

export const verifyCv = async (config: Config, who: { userId: string; key: string }) => {
  const { key, bytes } = await verifyUpload(config, 'cv', who);
  return { key, bytes };
};

const EXTENSIONS: Record<FileType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A link to a private file valid for 5 minutes, shown inline with its real type. */
export async function signedUrl(
  config: Config,
  key: string,
  { fileName, contentType = 'application/pdf' }: { fileName: string; contentType?: FileType },
): Promise<string> {
  const safe = fileName.replace(/[^\p{L}\p{N} _.-]/gu, '').slice(0, 60) || 'berkas';
  return presignGet(mediaBucket(config), key, {
    expiresS: LINK_SECONDS,
    contentType,
    contentDisposition: `inline; filename="${safe}.${EXTENSIONS[contentType]}"`,
  });
}

export const signedCvUrl = (config: Config, key: string, { fileName }: { fileName: string }) =>
  signedUrl(config, key, { fileName });

export async function removeObject(config: Config, key: string): Promise<void> {
  await deleteObject(mediaBucket(config), key);
}
