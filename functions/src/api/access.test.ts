import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  allResponseTexts,
  companyInput,
  createWorld,
  type Role,
  vacancyInput,
  type World,
} from './test-support.ts';

/**
 * Who may do what: every protected or state-changing route, asked by each
 * kind of person. `member` belongs to company A (which owns `open` and
 * `draft`); `otherEmployer` belongs to company B only.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.stop());

type Outcome = readonly [status: number, code?: string];
type Case = {
  route: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => unknown;
  expect: Record<Role, Outcome>;
};

const OK = [200] as const;
const CREATED = [201] as const;
const SIGN_IN_FIRST = [401, 'auth.required'] as const;
const NOT_MEMBER = [403, 'company.not_member'] as const;
const NOT_OFFICER = [403, 'company.verify_forbidden'] as const;
const HIDDEN = [404, 'vacancy.not_found'] as const;

/** A fresh unverified company, for decisions that use it up (rejecting). */
async function freshCompany(w: World): Promise<string> {
  // A new founder each time: one person may register only a few companies a day.
  const founder = new Agent(w.api, 'Pendiri');
  await founder.register();
  const res = await founder.post('/api/companies', companyInput({ name: 'UD Baru' }));
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A fresh verified company, for revoking. */
async function freshVerifiedCompany(w: World): Promise<string> {
  const id = await freshCompany(w);
  expect((await w.agents.officer.post(`/api/companies/${id}/verify`)).status).toBe(200);
  return id;
}

/** A fresh vacancy of company A held for review (it asks for money), for decisions that use it up. */
async function freshHeldVacancy(w: World): Promise<string> {
  const description = 'Pelamar wajib membayar biaya pendaftaran sebelum wawancara di kantor kami.';
  const res = await w.agents.member.post(
    `/api/companies/${w.companyA}/vacancies`,
    vacancyInput({ description, publish: true }),
  );
  expect(res.body.status).toBe('review');
  return res.body.id;
}

const NOT_REVIEWER = [403, 'vacancy.review.officer_only'] as const;

/** A fresh open vacancy of company A, for actions that use it up (closing). */
async function freshOpenVacancy(w: World): Promise<string> {
  const res = await w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, vacancyInput({ publish: true }));
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A vacancy its company closed (filled elsewhere), before its closing date: it may be reopened. */
async function freshClosedVacancy(w: World): Promise<string> {
  const id = await freshOpenVacancy(w);
  const res = await w.agents.member.post(`/api/vacancies/${id}/close`, { outcome: 'filled_elsewhere' });
  expect(res.status).toBe(200);
  return id;
}

const cases: Case[] = [
  {
    route: 'GET /api/me',
    method: 'GET',
    path: () => '/api/me',
    expect: { anonymous: SIGN_IN_FIRST, resident: OK, member: OK, otherEmployer: OK, officer: OK },
  },
  {
    // Public: only public items are indexed (open vacancies, listed products, shops).
    route: 'GET /api/search',
    method: 'GET',
    path: () => '/api/search?q=operator&tab=vacancies',
    expect: { anonymous: OK, resident: OK, member: OK, otherEmployer: OK, officer: OK },
  },
  {
    route: 'GET /api/companies/:id',
    method: 'GET',
    path: (w) => `/api/companies/${w.companyA}`,
    expect: { anonymous: OK, resident: OK, member: OK, otherEmployer: OK, officer: OK },
  },
  {
    route: 'PATCH /api/companies/:id',
    method: 'PATCH',
    path: (w) => `/api/companies/${w.companyA}`,
    body: () => companyInput({ description: 'Pabrik suku cadang sejak 1998.' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: OK,
      otherEmployer: NOT_MEMBER,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'POST /api/companies/:id/verify',
    method: 'POST',
    path: (w) => `/api/companies/${w.companyA}/verify`,
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_OFFICER,
      member: NOT_OFFICER,
      otherEmployer: NOT_OFFICER,
      officer: OK,
    },
  },
  {
    route: 'GET /api/companies?queue=unverified',
    method: 'GET',
    path: () => '/api/companies?queue=unverified',
    expect: {
      anonymous: NOT_OFFICER,
      resident: NOT_OFFICER,
      member: NOT_OFFICER,
      otherEmployer: NOT_OFFICER,
      officer: OK,
    },
  },
  {
    route: 'POST /api/companies/:id/reject {reason}',
    method: 'POST',
    path: async (w) => `/api/companies/${await freshCompany(w)}/reject`,
    body: () => ({ reason: 'Dokumen NIB tidak sesuai.' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_OFFICER,
      member: NOT_OFFICER,
      otherEmployer: NOT_OFFICER,
      officer: OK,
    },
  },
  {
    route: 'POST /api/auth/reset/issue',
    method: 'POST',
    path: () => '/api/auth/reset/issue',
    body: (w) => ({ identifier: w.agents.resident.email }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: [403, 'auth.reset.officer_only'],
      member: [403, 'auth.reset.officer_only'],
      otherEmployer: [403, 'auth.reset.officer_only'],
      officer: OK,
    },
  },
  {
    route: 'GET /api/companies/:id/vacancies',
    method: 'GET',
    path: (w) => `/api/companies/${w.companyA}/vacancies`,
    expect: { anonymous: SIGN_IN_FIRST, resident: NOT_MEMBER, member: OK, otherEmployer: NOT_MEMBER, officer: OK },
  },
  {
    route: 'POST /api/companies/:id/vacancies',
    method: 'POST',
    path: (w) => `/api/companies/${w.companyA}/vacancies`,
    body: () => vacancyInput({ publish: true }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: CREATED,
      otherEmployer: NOT_MEMBER,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'GET /api/vacancies/:id (open)',
    method: 'GET',
    path: (w) => `/api/vacancies/${w.openVacancy}`,
    expect: { anonymous: OK, resident: OK, member: OK, otherEmployer: OK, officer: OK },
  },
  {
    route: 'GET /api/vacancies/:id (draft)',
    method: 'GET',
    path: (w) => `/api/vacancies/${w.draftVacancy}`,
    expect: { anonymous: HIDDEN, resident: HIDDEN, member: OK, otherEmployer: HIDDEN, officer: OK },
  },
  {
    route: 'PATCH /api/vacancies/:id',
    method: 'PATCH',
    path: (w) => `/api/vacancies/${w.openVacancy}`,
    body: () => vacancyInput({ openings: 5 }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: OK,
      otherEmployer: NOT_MEMBER,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'POST /api/vacancies/:id/close (no outcome, no reason)',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshOpenVacancy(w)}/close`,
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      // The company says how it ended (filled through Bursa, elsewhere, cancelled).
      member: [400, 'request.invalid'],
      otherEmployer: NOT_MEMBER,
      // Officers may close any vacancy, but must tell the company why.
      officer: [400, 'request.invalid'],
    },
  },
  {
    route: 'POST /api/vacancies/:id/close {outcome}',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshOpenVacancy(w)}/close`,
    body: () => ({ outcome: 'filled_bursa' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: OK,
      otherEmployer: NOT_MEMBER,
      officer: [400, 'request.invalid'],
    },
  },
  {
    route: 'POST /api/vacancies/:id/close {reason}',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshOpenVacancy(w)}/close`,
    body: () => ({ reason: 'Lowongan meminta biaya pendaftaran.' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: [400, 'request.invalid'],
      otherEmployer: NOT_MEMBER,
      officer: OK,
    },
  },
  {
    route: 'POST /api/vacancies/:id/reopen',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshClosedVacancy(w)}/reopen`,
    // Only the company's members; an officer closes for moderation but does not reopen.
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_MEMBER,
      member: OK,
      otherEmployer: NOT_MEMBER,
      officer: NOT_MEMBER,
    },
  },
  {
    route: 'POST /api/companies/:id/revoke {reason}',
    method: 'POST',
    path: async (w) => `/api/companies/${await freshVerifiedCompany(w)}/revoke`,
    body: () => ({ reason: 'NIB ternyata milik usaha lain.' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_OFFICER,
      member: NOT_OFFICER,
      otherEmployer: NOT_OFFICER,
      officer: OK,
    },
  },
  {
    route: 'GET /api/vacancies/review',
    method: 'GET',
    path: () => '/api/vacancies/review',
    expect: {
      anonymous: NOT_REVIEWER,
      resident: NOT_REVIEWER,
      member: NOT_REVIEWER,
      otherEmployer: NOT_REVIEWER,
      officer: OK,
    },
  },
  {
    route: 'POST /api/vacancies/:id/approve',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshHeldVacancy(w)}/approve`,
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_REVIEWER,
      member: NOT_REVIEWER,
      otherEmployer: NOT_REVIEWER,
      officer: OK,
    },
  },
  {
    route: 'POST /api/vacancies/:id/reject {reason}',
    method: 'POST',
    path: async (w) => `/api/vacancies/${await freshHeldVacancy(w)}/reject`,
    body: () => ({ reason: 'Meminta biaya dari pelamar.' }),
    expect: {
      anonymous: SIGN_IN_FIRST,
      resident: NOT_REVIEWER,
      member: NOT_REVIEWER,
      otherEmployer: NOT_REVIEWER,
      officer: OK,
    },
  },
  {
    // Last: it makes whoever succeeds an employer of a new company.
    route: 'POST /api/companies',
    method: 'POST',
    path: () => '/api/companies',
    body: () => companyInput({ name: 'UD Usaha Baru' }),
    expect: { anonymous: SIGN_IN_FIRST, resident: CREATED, member: CREATED, otherEmployer: CREATED, officer: CREATED },
  },
];

const rows = cases.flatMap((c) =>
  (Object.entries(c.expect) as [Role, Outcome][]).map(([role, [status, code]]) => ({
    ...c,
    role,
    status,
    code,
    outcome: code ? `${status} ${code}` : String(status),
  })),
);

describe('access: role × route', () => {
  it.each(rows)('$route as $role → $outcome', async ({ method, path, body, role, status, code }) => {
    const agent = w.agents[role];
    const res = await agent.request(method, await path(w), body ? { json: body(w) } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) expect(res.body.code).toBe(code);
  });

  it('covers every role for every route', () => {
    for (const c of cases) expect(Object.keys(c.expect).sort()).toEqual(Object.keys(w.agents).sort());
  });

  it('lets a refused edit change nothing', async () => {
    const { otherEmployer, anonymous } = w.agents;
    const before = await anonymous.get(`/api/companies/${w.companyA}`);
    const res = await otherEmployer.patch(`/api/companies/${w.companyA}`, companyInput({ name: 'PT Diambil Alih' }));
    expect(res.status).toBe(403);
    const after = await anonymous.get(`/api/companies/${w.companyA}`);
    expect(after.body.company.name).toBe(before.body.company.name);
    expect(after.body.company.updatedAt).toBe(before.body.company.updatedAt);
  });

  it('an officer closing a vacancy is recorded as moderation, with the reason', async () => {
    const id = await freshOpenVacancy(w);
    const res = await w.agents.officer.post(`/api/vacancies/${id}/close`, { reason: 'Iklan menyesatkan.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closedBy: 'officer', closedReason: 'Iklan menyesatkan.' });
    const again = await w.agents.member.post(`/api/vacancies/${id}/close`, { outcome: 'cancelled' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('vacancy.closed');
  });

  it('never sends a password hash, who created or verified a company, or another person’s email', async () => {
    const all = allResponseTexts.join('\n');
    expect(all).not.toContain('passwordHash');
    expect(all).not.toContain('scrypt$');
    expect(all).not.toContain('verifiedBy');
    expect(all).not.toContain('createdBy');
    for (const [role, agent] of Object.entries(w.agents)) {
      const seen = agent.responseTexts.join('\n');
      for (const other of Object.values(w.agents)) {
        if (other !== agent && other.email) expect(seen, `${role} saw ${other.label}`).not.toContain(other.email);
      }
    }
  });
});
