/// <reference path="../../../../scripts/types/s3rver.d.ts" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Local, startS3Local } from '../../../../scripts/local/s3-local.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { type Actor, type Config, type Ctx, loadConfig } from '../kernel/index.ts';
import * as Media from '../media/index.ts';
import * as Region from '../region/index.ts';
import * as Profile from './index.ts';

let db: Db;
let s3: S3Local;
let config: Config;
let seeker: Actor;
let other: Actor;
const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
const fields = {
  birthYear: '1998',
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  education: 'SMK',
  skills: 'Menjahit, Obras, Menjahit',
  languages: 'Indonesia, Sunda',
  experience: [
    { title: 'Penjahit', employer: 'Konveksi Berkah', startYear: '2019', endYear: '2022' },
    { title: '', employer: '', startYear: '', endYear: '' },
  ],
  certificates: [{ programme: 'blk', institution: 'BLK Kota Tangerang', track: 'Menjahit', year: '2018' }],
  ak1: '3671-2024-000123',
  openToWork: 'on',
};

beforeAll(async () => {
  db = await createTestDb();
  s3 = await startS3Local({ directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')), buckets: ['bursa-media-test'] });
  config = loadConfig({
    ...process.env,
    TABLE_NAME: db.tableName,
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-test',
  });
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
  const a = await Account.register(as(undefined), { name: 'Siti', phone: '0812 3333 4444', password: 'rahasia123' });
  const b = await Account.register(as(undefined), { name: 'Dewi', phone: '0812 5555 6666', password: 'rahasia123' });
  seeker = { userId: a.user.id, name: 'Siti', roles: ['resident'] };
  other = { userId: b.user.id, name: 'Dewi', roles: ['resident'] };
});
afterAll(() => s3.stop());

describe('profile', () => {
  it('saves a form as the schema reads it: tags deduplicated, blank rows dropped, AK1 digits only', async () => {
    expect(Profile.completeness(undefined)).toMatchObject({ percent: 0, canApply: false });
    const saved = await Profile.save(as(seeker), fields as never);
    expect(saved).toMatchObject({
      birthYear: 1998,
      skills: ['Menjahit', 'Obras'],
      experience: [{ title: 'Penjahit', employer: 'Konveksi Berkah', startYear: 2019, endYear: 2022 }],
      ak1: '36712024000123',
      openToWork: true,
      version: 1,
    });
    expect(Profile.completeness(saved)).toEqual({ percent: 85, missing: ['cv'], canApply: true });
  });

  it('reports every problem at once, at the row the person typed in; refuses a NIK where the AK1 goes', async () => {
    const bad = {
      ...fields,
      birthYear: '2030',
      villageCode: '',
      ak1: '3671014502990003',
      experience: [
        { title: '', employer: '', startYear: '', endYear: '' },
        { title: 'Operator', employer: 'PT A', startYear: '2020', endYear: '2019' },
      ],
    };
    await expect(Profile.save(as(other), bad as never)).rejects.toMatchObject({
      code: 'request.invalid',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'birthYear', code: 'profile.birth_year.range' }),
        expect.objectContaining({ path: 'villageCode', code: 'profile.village.required' }),
        expect.objectContaining({ path: 'ak1', code: 'profile.ak1.nik' }),
        expect.objectContaining({ path: 'experience.1.endYear', code: 'profile.experience.years_order' }),
      ]),
    });
    expect(Profile.looksLikeNik('3671014502990003')).toBe(true);
    expect(Profile.looksLikeNik('3671202400012345')).toBe(false);
  });

  it('reports a kelurahan outside its kecamatan together with the other mistakes, limits named', async () => {
    const bad = { ...fields, birthYear: '2030', villageCode: '36.71.02.1001', major: 'x'.repeat(81) };
    const error = await Profile.save(as(other), bad as never).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'request.invalid',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'birthYear', code: 'profile.birth_year.range' }),
        expect.objectContaining({ path: 'villageCode', code: 'region.village.invalid' }),
        expect.objectContaining({ path: 'major', code: 'profile.text.max', params: { max: 80 } }),
      ]),
    });
  });

  it('a stale version is a 409', async () => {
    await expect(Profile.save(as(seeker), { ...fields, version: 1 } as never)).resolves.toMatchObject({ version: 2 });
    await expect(Profile.save(as(seeker), { ...fields, version: 1 } as never)).rejects.toMatchObject({
      code: 'profile.changed',
      kind: 'conflict',
    });
  });

  it('shows the AK1 number only to whom the policy allows', async () => {
    const p = (await Profile.find(db, seeker.userId)) as Profile.Info;
    const stranger = Profile.capabilities({ actor: other, self: false, applicantOfMine: false });
    expect(stranger).toMatchObject({ view: false, seeAk1: false, readCv: false });
    expect(Profile.forViewer(p, stranger).ak1).toBeUndefined();
    const employer = Profile.capabilities({ actor: other, self: false, applicantOfMine: true });
    expect(Profile.forViewer(p, employer).ak1).toBe('36712024000123');
    const officer = Profile.capabilities({
      actor: { ...other, roles: ['officer'] },
      self: false,
      applicantOfMine: false,
    });
    expect(officer.seeAk1).toBe(true);
  });
});

/** Posts a file the way a browser posts the CV form: the presigned fields, then the file. */
async function upload(form: Media.UploadForm, bytes: Buffer, name: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(form.fields)) body.append(k, v);
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return fetch(form.url, { method: 'POST', body, redirect: 'manual' });
}
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('CV upload', () => {
  it('a PDF posted straight to the bucket is checked and put on the profile; its link lasts 5 minutes', async () => {
    const form = await Profile.cvUploadForm(as(seeker), 'http://localhost:4321/saya/profil/cv');
    expect(form.maxBytes).toBe(2 * 1024 * 1024);
    const res = await upload(form, pdf, 'cv-siti.pdf');
    expect(res.status).toBeLessThan(400);
    const cv = await Profile.attachCv(as(seeker), { key: form.key });
    expect(cv).toMatchObject({ key: form.key, bytes: pdf.length });
    const p = (await Profile.find(db, seeker.userId)) as Profile.Info;
    const link = await Profile.cvLink(
      as(seeker),
      p,
      Profile.capabilities({ actor: seeker, self: true, applicantOfMine: false }),
      'CV Siti',
    );
    expect(Number(new URL(link).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(
      Buffer.from(await (await fetch(link)).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expect(
      Profile.cvLink(as(other), p, Profile.capabilities({ actor: other, self: false, applicantOfMine: false }), 'x'),
    ).rejects.toMatchObject({ code: 'profile.cv.forbidden' });
  });

  it('refuses a renamed non-PDF and an oversized file, and deletes them', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const fake = await Profile.cvUploadForm(as(seeker), 'http://localhost:4321/saya/profil/cv');
    await upload(fake, png, 'foto.pdf');
    await expect(Profile.attachCv(as(seeker), { key: fake.key })).rejects.toMatchObject({ code: 'media.cv.not_pdf' });
    await expect(Media.verifyCv(config, { userId: seeker.userId, key: fake.key })).rejects.toMatchObject({
      code: 'media.cv.missing',
    });
    const big = await Profile.cvUploadForm(as(seeker), 'http://localhost:4321/saya/profil/cv');
    await upload(big, Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]), 'besar.pdf');
    await expect(Profile.attachCv(as(seeker), { key: big.key })).rejects.toMatchObject({ code: 'media.cv.too_large' });
    // The CV from before is still the one on the profile.
    expect((await Profile.find(db, seeker.userId))?.cv?.bytes).toBe(pdf.length);
  });

  it('a certificate gets a scan or photo (PDF, JPG or PNG), kept when the profile is saved again', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]);
    const form = await Profile.certificateUploadForm(as(seeker), 'http://localhost:4321/saya/profil/sertifikat/0');
    expect(form.key).toMatch(new RegExp(`^private/certificates/${seeker.userId}/`));
    await upload(form, png, 'sertifikat.png');
    const file = await Profile.attachCertificateFile(as(seeker), { index: 0, key: form.key });
    expect(file).toMatchObject({ key: form.key, contentType: 'image/png', bytes: png.length });
    // Saving the form again (same certificate in the same row) keeps the file.
    const before = (await Profile.find(db, seeker.userId)) as Profile.Info;
    await Profile.save(as(seeker), { ...fields, version: before.version } as never);
    const p = (await Profile.find(db, seeker.userId)) as Profile.Info;
    expect(p.certificates[0]?.file?.key).toBe(form.key);
    const link = await Profile.certificateLink(
      as(seeker),
      p,
      Profile.capabilities({ actor: seeker, self: true, applicantOfMine: false }),
      0,
    );
    const res = await fetch(link);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Number(new URL(link).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    // A text file is no certificate; a row without a certificate takes no file.
    const text = await Profile.certificateUploadForm(as(seeker), 'http://localhost:4321/saya/profil/sertifikat/0');
    await upload(text, Buffer.from('bukan sertifikat'), 'sertifikat.pdf');
    await expect(Profile.attachCertificateFile(as(seeker), { index: 0, key: text.key })).rejects.toMatchObject({
      code: 'media.file.type',
    });
    await expect(Profile.attachCertificateFile(as(seeker), { index: 3, key: text.key })).rejects.toMatchObject({
      code: 'profile.certificate.missing',
    });
  });

  it('refuses a key under someone else’s prefix', async () => {
    const theirs = await Profile.cvUploadForm(as(other), 'http://localhost:4321/saya/profil/cv');
    await expect(Media.verifyCv(config, { userId: seeker.userId, key: theirs.key })).rejects.toMatchObject({
      code: 'media.cv.wrong_owner',
    });
  });
});
