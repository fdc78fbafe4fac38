import { Sha256 } from '@aws-crypto/sha256-js';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type S3Local, startS3Local } from '../../../../scripts/local/s3-local.ts';
import { deleteObject, getObject, headObject, presignGet, presignPost, putObject } from './s3.ts';
import { signRequest } from './sigv4.ts';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE',
};
const date = new Date('2026-12-07T12:34:56Z');
const aws = { region: 'ap-southeast-3', bucket: 'bursa-prod-media' };
// As media.client.ts configured it: checksums only when required.
const sdk = new S3Client({
  region: aws.region,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

describe('S3 over fetch: the same signatures as the SDK', () => {
  const env = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
    });
  });
  afterAll(() => {
    process.env = env;
    vi.useRealTimers();
  });

  it('a presigned POST form: the same URL, fields, policy and signature', async () => {
    const key = 'private/cv/01user/01file';
    const conditions: [string, string | number, string | number][] = [
      ['content-length-range', 1, 2_097_152],
      ['eq', '$Content-Type', 'application/pdf'],
      ['starts-with', '$key', 'private/cv/01user/'],
      ['eq', '$success_action_redirect', 'https://bursa.example/saya/profil?cv=1'],
    ];
    const fields = {
      'Content-Type': 'application/pdf',
      success_action_redirect: 'https://bursa.example/saya/profil?cv=1',
    };
    vi.useFakeTimers({ now: date, toFake: ['Date'] });
    const theirs = await createPresignedPost(sdk, {
      Bucket: aws.bucket,
      Key: key,
      Conditions: conditions as never,
      Fields: fields,
      Expires: 600,
    });
    vi.useRealTimers();
    expect(presignPost(aws, { key, conditions, fields, expiresS: 600, date })).toEqual(theirs);
  });

  it('a presigned GET link with the type and disposition to show', async () => {
    const key = 'private/proofs/01order/bukti transfer (1).webp';
    const theirs = await getSignedUrl(
      sdk,
      new GetObjectCommand({
        Bucket: aws.bucket,
        Key: key,
        ResponseContentType: 'image/webp',
        ResponseContentDisposition: 'inline; filename="Bukti bayar.webp"',
      }),
      { expiresIn: 300, signingDate: date },
    );
    const ours = presignGet(aws, key, {
      expiresS: 300,
      contentType: 'image/webp',
      contentDisposition: 'inline; filename="Bukti bayar.webp"',
      date,
    });
    const params = (u: string) => Object.fromEntries(new URL(u).searchParams);
    expect(new URL(ours).pathname).toBe(new URL(theirs).pathname);
    expect(new URL(ours).host).toBe(new URL(theirs).host);
    expect(params(ours)).toEqual(params(theirs));
  });

  it('a signed request for an object, as S3 signs it (the path not encoded twice)', async () => {
    const url = new URL(
      `https://${aws.bucket}.s3.${aws.region}.amazonaws.com/search/36.71/vacancies/2026-12-07T12-00-00-000Z.json.gz`,
    );
    const ours = signRequest({
      method: 'GET',
      url,
      headers: { range: 'bytes=0-7' },
      service: 's3',
      region: aws.region,
      credentials,
      date,
      s3: true,
    });
    const signer = new SignatureV4({
      service: 's3',
      region: aws.region,
      credentials,
      sha256: Sha256,
      uriEscapePath: false,
    });
    const theirs = await signer.sign(
      new HttpRequest({
        method: 'GET',
        protocol: 'https:',
        hostname: url.hostname,
        path: url.pathname,
        headers: { host: url.host, range: 'bytes=0-7' },
      }),
      { signingDate: date },
    );
    expect(ours.authorization).toBe(theirs.headers.authorization);
  });
});

describe('S3 over fetch: against the local S3', () => {
  let s3: S3Local;
  let bucket: { region: string; bucket: string; endpoint: string };
  beforeAll(async () => {
    s3 = await startS3Local({
      directory: `${process.env.TMPDIR ?? '/tmp'}/bursa-s3-aws-test-${process.pid}`,
      buckets: ['aws-test'],
    });
    bucket = { region: 'ap-southeast-3', bucket: 'aws-test', endpoint: s3.endpoint };
  });
  afterAll(() => s3.stop());

  it('puts, heads, gets (whole, a range, or not when too big) and deletes; a missing object is undefined', async () => {
    const key = 'private/cv/01user/file name.pdf';
    const body = new TextEncoder().encode('%PDF-1.7 sebuah CV');
    await putObject(bucket, key, body, { contentType: 'application/pdf' });
    expect(await headObject(bucket, key)).toEqual({ length: body.length });
    expect(Buffer.from((await getObject(bucket, key))?.bytes ?? []).toString()).toBe('%PDF-1.7 sebuah CV');
    expect(Buffer.from((await getObject(bucket, key, { range: 'bytes=0-7' }))?.bytes ?? []).toString()).toBe(
      '%PDF-1.7',
    );
    expect(await getObject(bucket, key, { maxBytes: 4 })).toEqual({ bytes: undefined, length: body.length });
    // What the SDK wrote, this reads (and the other way round).
    const client = new S3Client({
      region: 'ap-southeast-3',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await client.send(new PutObjectCommand({ Bucket: 'aws-test', Key: 'a/b.txt', Body: 'dari SDK' }));
    expect(Buffer.from((await getObject(bucket, 'a/b.txt'))?.bytes ?? []).toString()).toBe('dari SDK');
    const got = await client.send(new GetObjectCommand({ Bucket: 'aws-test', Key: key }));
    expect(await got.Body?.transformToString()).toBe('%PDF-1.7 sebuah CV');
    await deleteObject(bucket, key);
    expect(await headObject(bucket, key)).toBeUndefined();
    expect(await getObject(bucket, key)).toBeUndefined();
    // Deleting what is gone is not an error (a retried cleanup).
    await deleteObject(bucket, key);
  });

  it('a presigned GET link serves the object locally', async () => {
    await putObject(bucket, 'private/x.txt', new TextEncoder().encode('rahasia'), { contentType: 'text/plain' });
    const res = await fetch(presignGet(bucket, 'private/x.txt', { expiresS: 60, contentType: 'text/plain' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('rahasia');
  });
});
