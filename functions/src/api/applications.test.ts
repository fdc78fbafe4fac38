/// <reference path="../../../scripts/types/s3rver.d.ts" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@bursa/core/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Local, startS3Local } from '../../../scripts/local/s3-local.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { startProjections } from '../../../test/support/projections.ts';
import { createApi } from './app.ts';
import { Agent, companyInput, seedRegency, vacancyInput } from './test-support.ts';

/**
 * Job seekers, applications and notifications over HTTP: who may do what
 * (seeker, another seeker, the hiring company's member, another company's
 * employer, an officer, an anonymous visitor), and that personal data (phone,
 * email, AK1, CV) never reaches anyone who should not see it.
 */
type Role = 'anonymous' | 'seeker' | 'otherSeeker' | 'member' | 'otherEmployer' | 'officer';
let agents: Record<Role, Agent>;
let s3: S3Local;
let stop: () => Promise<void>;
let settle: () => Promise<void>;
let vacancyId: string;
let newAgent: (label: string) => Agent;
const AK1 = '3671202400077777';
const SEEKER_PHONE = '081299998888';

const profile = {
  birthYear: 1997,
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  education: 'SMA',
  skills: ['Kasir', 'Gudang'],
  languages: ['Indonesia'],
  experience: [],
  certificates: [],
  ak1: AK1,
  openToWork: true,
};

/** A person with a profile who has applied to the open vacancy. */
async function applicant(label: string): Promise<Agent> {
  const a = newAgent(label);
  await a.register({
    email: undefined,
    phone: `0812${Math.floor(Math.random() * 1e8)
      .toString()
      .padStart(8, '0')}`,
  });
  expect((await a.request('PUT', '/api/me/profile', { json: profile })).status).toBe(200);
  expect((await a.post(`/api/vacancies/${vacancyId}/applications`, {})).status).toBe(201);
  return a;
}

beforeAll(async () => {
  const db = await createTestDb();
  const projections = await startProjections(db);
  ({ stop, settle } = projections);
  await seedRegency(db);
  s3 = await startS3Local({ directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')), buckets: ['bursa-media-api'] });
  const api = createApi({
    config: loadConfig({
      ...process.env,
      TABLE_NAME: db.tableName,
      S3_ENDPOINT: s3.endpoint,
      MEDIA_BUCKET: 'bursa-media-api',
    }),
    db,
  });
  newAgent = (label) => new Agent(api, label);
  agents = {
    anonymous: newAgent('Anonim'),
    seeker: newAgent('Rina Pencari Kerja'),
    otherSeeker: newAgent('Joko Pencari Lain'),
    member: newAgent('Budi HRD'),
    otherEmployer: newAgent('Dewi HRD Lain'),
    officer: newAgent('Agus Petugas'),
  };
  await agents.seeker.register({ phone: SEEKER_PHONE });
  await Promise.all([agents.otherSeeker.register(), agents.member.register(), agents.otherEmployer.register()]);
  await agents.officer.register();
  const Account = await import('@bursa/core/account');
  await Account.grantRole(db, agents.officer.userId as string, 'officer');
  const a = await agents.member.post('/api/companies', companyInput());
  await agents.otherEmployer.post('/api/companies', companyInput({ name: 'CV Lain', sector: 'logistik' }));
  // Verified by an officer first, as in real life: its vacancy opens at once instead of waiting for review.
  expect((await agents.officer.post(`/api/companies/${a.body.id}/verify`)).status).toBe(200);
  const v = await agents.member.post(`/api/companies/${a.body.id}/vacancies`, vacancyInput({ publish: true }));
  vacancyId = v.body.id;
  expect((await agents.seeker.request('PUT', '/api/me/profile', { json: profile })).status).toBe(200);
  const applied = await agents.seeker.post(`/api/vacancies/${vacancyId}/applications`, {
    coverNote: 'Siap kerja shift.',
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
}, 90_000);
afterAll(async () => {
  await stop();
  await s3.stop();
});

type Outcome = readonly [number, string?];
const OK = [200] as const;
const SIGN_IN_FIRST = [401, 'auth.required'] as const;
const HIDDEN = [404, 'application.not_found'] as const;
const NOT_MEMBER = [403, 'application.not_member'] as const;
const INCOMPLETE = [400, 'application.profile_incomplete'] as const;
type Case = {
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: () => string | Promise<string>;
  body?: unknown;
  expect: Record<Role, Outcome>;
};
const seekerApp = () => `/api/vacancies/${vacancyId}/applications/${agents.seeker.userId}`;
const freshApp = async () => `/api/vacancies/${vacancyId}/applications/${(await applicant('Pelamar Baru')).userId}`;
const freshWithdraw = async () => `${await freshApp()}/withdraw`;

const cases: Case[] = [
  ...(['/api/me/profile', '/api/me/applications', '/api/me/notifications'] as const).map(
    (p): Case => ({
      route: `GET ${p}`,
      method: 'GET',
      path: () => p,
      expect: { anonymous: SIGN_IN_FIRST, seeker: OK, otherSeeker: OK, member: OK, otherEmployer: OK, officer: OK },
    }),
  ),
  {
    route: 'POST /api/me/profile/cv-upload',
    method: 'POST',
    path: () => '/api/me/profile/cv-upload',
    expect: { anonymous: SIGN_IN_FIRST, seeker: OK, otherSeeker: OK, member: OK, otherEmployer: OK, officer: OK },
  },
  {
    route: 'POST /api/vacancies/:id/applications',
    method: 'POST',
    path: () => `/api/vacancies/${vacancyId}/applications`,
    body: {},
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: [409, 'application.duplicate'],
      otherSeeker: INCOMPLETE,
      member: INCOMPLETE,
      otherEmployer: INCOMPLETE,
      officer: INCOMPLETE,
    },
  },
  {
    route: 'GET /api/vacancies/:id/applications',
    method: 'GET',
    path: () => `/api/vacancies/${vacancyId}/applications`,
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: NOT_MEMBER,
      otherSeeker: NOT_MEMBER,
      member: OK,
      otherEmployer: NOT_MEMBER,
      officer: OK,
    },
  },
  {
    route: 'GET /api/vacancies/:id/applications/:userId',
    method: 'GET',
    path: seekerApp,
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: OK,
      otherSeeker: HIDDEN,
      member: OK,
      otherEmployer: HIDDEN,
      officer: OK,
    },
  },
  {
    route: 'PATCH /api/vacancies/:id/applications/:userId {to: shortlisted}',
    method: 'PATCH',
    path: freshApp,
    body: { to: 'shortlisted' },
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: HIDDEN,
      otherSeeker: HIDDEN,
      member: OK,
      otherEmployer: HIDDEN,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'PUT /api/vacancies/:id/applications/:userId/note',
    method: 'PUT',
    path: () => `${seekerApp()}/note`,
    body: { note: 'Telepon Senin pagi.' },
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: NOT_MEMBER,
      otherSeeker: HIDDEN,
      member: [204],
      otherEmployer: HIDDEN,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'GET /api/vacancies/:id/applications/:userId/cv (no CV yet)',
    method: 'GET',
    path: () => `${seekerApp()}/cv`,
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: [404, 'profile.cv.none'],
      otherSeeker: HIDDEN,
      member: [404, 'profile.cv.none'],
      otherEmployer: HIDDEN,
      officer: [404, 'profile.cv.none'],
    },
  },
  {
    route: 'POST /api/vacancies/:id/applications/:userId/withdraw',
    method: 'POST',
    path: freshWithdraw,
    expect: {
      anonymous: SIGN_IN_FIRST,
      seeker: HIDDEN,
      otherSeeker: HIDDEN,
      member: [403, 'application.not_applicant'],
      otherEmployer: HIDDEN,
      officer: [403, 'application.not_applicant'],
    },
  },
];

describe('applications: role × route', () => {
  const rows = cases.flatMap((c) =>
    (Object.entries(c.expect) as [Role, Outcome][]).map(([role, [status, code]]) => ({
      ...c,
      role,
      status,
      code,
      outcome: code ? `${status} ${code}` : String(status),
    })),
  );
  it.each(rows)('$route as $role → $outcome', async ({ method, path: p, body, role, status, code }) => {
    const target = await p();
    const res = await agents[role].request(method, target, body !== undefined ? { json: body } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) expect(res.body.code).toBe(code);
  });

  it('the applicant withdraws their own; 50 parallel applications make one', async () => {
    const a = newAgent('Sekali Saja');
    await a.register();
    await a.request('PUT', '/api/me/profile', { json: profile });
    const tries = await Promise.all(
      Array.from({ length: 50 }, () => a.post(`/api/vacancies/${vacancyId}/applications`, {})),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([201, ...Array(49).fill(409)]);
    const mine = `/api/vacancies/${vacancyId}/applications/${a.userId}`;
    expect((await a.post(`${mine}/withdraw`)).body).toMatchObject({ stage: 'withdrawn' });
  });

  it('a CV posted to the bucket is checked through the API; the hiring company gets a 5-minute link', async () => {
    const form = await agents.seeker.post('/api/me/profile/cv-upload');
    expect(form.status).toBe(200);
    const post = async (bytes: Buffer) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(form.body.fields as Record<string, string>)) body.append(k, v);
      body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'cv.pdf');
      return fetch(form.body.url, { method: 'POST', body, redirect: 'manual' });
    };
    // A picture renamed .pdf: refused, and gone from the bucket.
    await post(Buffer.from('89504e470d0a1a0a', 'hex'));
    const refused = await agents.seeker.post('/api/me/profile/cv', { key: form.body.key });
    expect([refused.status, refused.body.code]).toEqual([400, 'media.cv.not_pdf']);
    // The real thing.
    const again = await agents.seeker.post('/api/me/profile/cv-upload');
    const body = new FormData();
    for (const [k, v] of Object.entries(again.body.fields as Record<string, string>)) body.append(k, v);
    body.append(
      'file',
      new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }),
      'cv.pdf',
    );
    await fetch(again.body.url, { method: 'POST', body, redirect: 'manual' });
    const attached = await agents.seeker.post('/api/me/profile/cv', { key: again.body.key });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    const link = await agents.member.get(`${seekerApp()}/cv`);
    expect(link.status).toBe(200);
    expect(Number(new URL(link.body.url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect((await (await fetch(link.body.url)).text()).startsWith('%PDF-')).toBe(true);
    const stranger = await agents.otherEmployer.get(`${seekerApp()}/cv`);
    expect([stranger.status, stranger.body.code]).toEqual([404, 'application.not_found']);
  });

  it('personal data reaches only the applicant, the hiring company and officers', async () => {
    await settle();
    const forMember = await agents.member.get(seekerApp());
    expect(forMember.body.contact.phone).toBe(`+62${SEEKER_PHONE.slice(1)}`);
    expect(forMember.body.profile.ak1).toBe(AK1);
    expect(forMember.body.application.employerNote).toBe('Telepon Senin pagi.');
    const own = await agents.seeker.get(seekerApp());
    expect(own.body.application.employerNote).toBeUndefined();
    for (const role of ['otherSeeker', 'otherEmployer', 'anonymous'] as const) {
      const seen = agents[role].responseTexts.join('\n');
      expect(seen, role).not.toContain(AK1);
      expect(seen, role).not.toContain(SEEKER_PHONE.slice(1));
      expect(seen, role).not.toContain(`private/cv/${agents.seeker.userId}`);
      expect(seen, role).not.toContain('Telepon Senin pagi');
    }
    const inbox = await agents.member.get('/api/me/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'new_applicant', text: expect.stringContaining('Pelamar baru') });
  });
});
