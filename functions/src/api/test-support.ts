/**
 * Helpers for the API's integration tests: a small world on a fresh table of
 * the run's DynamoDB Local, and an Agent that carries its cookie and CSRF
 * token by hand, the way a browser would. Imported only by *.test.ts.
 */
import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { loadConfig, todayInJakarta } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import { SESSION_COOKIE } from '@bursa/http';
import { expect } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { startProjections } from '../../../test/support/projections.ts';
import { type Api, createApi } from './app.ts';

export const SITE_URL = 'http://localhost:4321';
export const PASSWORD = 'rahasia123';

export async function seedRegency(db: Db) {
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      { code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukaasih' }] },
      { code: '36.71.04', name: 'Karawaci', villages: [] },
    ],
  });
}

/**
 * The API on a test table. Company A posts its vacancies before any officer
 * verifies it (its unverified profile is what several tests edit), so holding
 * unverified companies' vacancies for review is off here; the hold itself is
 * tested in core (vacancy.review.test.ts).
 */
export function apiFor(db: Db, siteUrl = SITE_URL): Api {
  const env = { ...process.env, SITE_URL: siteUrl, TABLE_NAME: db.tableName, HOLD_UNVERIFIED_VACANCIES: 'false' };
  return createApi({ config: loadConfig(env), db });
}

export type Reply = {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back; the assertions are the types.
  body: any;
  text: string;
};

/** Every response body any agent received in this test file, to check that secrets never leave the API. */
export const allResponseTexts: string[] = [];

type RequestOptions = {
  json?: unknown;
  /** A raw body, sent as application/json as it is (for malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
  /** Send the CSRF token the agent holds (default true). */
  csrf?: boolean;
};

export class Agent {
  /** Every cookie the API set, by name, as `name=value` (a tiny cookie jar). */
  readonly cookies = new Map<string, string>();
  /** The session cookie, as `bursa_session=…`. */
  get cookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }
  set cookie(pair: string | undefined) {
    if (pair) this.cookies.set(SESSION_COOKIE, pair);
    else this.cookies.delete(SESSION_COOKIE);
  }
  csrf: string | undefined;
  userId: string | undefined;
  email: string | undefined;
  /** Every response body this agent received. */
  readonly responseTexts: string[] = [];
  constructor(
    readonly api: Api,
    readonly label = 'agent',
  ) {}

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies.values()].join('; ');
    if (this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    let body: string | undefined;
    if (opts.json !== undefined || opts.raw !== undefined) {
      headers['content-type'] = 'application/json';
      body = opts.raw ?? JSON.stringify(opts.json);
    }
    const res = await this.api.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      const name = pair.slice(0, pair.indexOf('='));
      if (value && !/max-age=0/i.test(line)) this.cookies.set(name, pair);
      else this.cookies.delete(name);
    }
    const text = await res.text();
    allResponseTexts.push(text);
    this.responseTexts.push(text);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get = (path: string, opts?: RequestOptions) => this.request('GET', path, opts);
  post = (path: string, json?: unknown, opts?: RequestOptions) =>
    this.request('POST', path, { ...opts, ...(json !== undefined ? { json } : {}) });
  patch = (path: string, json?: unknown, opts?: RequestOptions) =>
    this.request('PATCH', path, { ...opts, ...(json !== undefined ? { json } : {}) });

  /** Registers through the API and keeps the session it starts. */
  async register(fields: Record<string, unknown> = {}): Promise<Reply> {
    const res = await this.post('/api/auth/register', {
      name: this.label,
      email: `${this.label.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@contoh.id`,
      password: PASSWORD,
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    this.csrf = res.body.csrf;
    this.userId = res.body.user.id;
    this.email = res.body.user.email;
    return res;
  }

  async signIn(identifier: string, password = PASSWORD, headers?: Record<string, string>): Promise<Reply> {
    const res = await this.post('/api/auth/signin', { identifier, password }, { ...(headers ? { headers } : {}) });
    if (res.status === 200) {
      this.csrf = res.body.csrf;
      this.userId = res.body.user.id;
    }
    return res;
  }
}

/** A date `days` from today in Jakarta, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return todayInJakarta(Date.now() + days * 24 * 3600 * 1000);
}

export const companyInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'PT Maju Jaya',
  sector: 'manufaktur',
  address: 'Jl. Merdeka No. 1, Tangerang',
  districtCode: '36.71.01',
  villageCode: '36.71.01.1001',
  contactPhone: '021-5551234',
  contactEmail: 'hrd@majujaya.co.id',
  ...overrides,
});

export const vacancyInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Operator Produksi',
  description: 'Mengoperasikan mesin produksi, shift pagi dan malam, di pabrik Jatiuwung.',
  type: 'full_time',
  minEducation: 'SMA',
  skills: ['mesin', 'K3'],
  districtCode: '36.71.01',
  openings: 3,
  // At or above the UMK of Kota Tangerang (Rp5.399.405 in 2026): below it a full-time job is refused.
  salaryMin: 5_500_000,
  salaryMax: 6_200_000,
  closingDate: daysFromToday(30),
  ...overrides,
});

/**
 * The cast every access test needs: an anonymous visitor, a resident, an
 * employer with company A (with an open vacancy and a draft), an employer
 * with company B, and an officer.
 */
export async function createWorld() {
  const db = await createTestDb();
  // The stream drives the projections (the browse listing, name copies), as in AWS.
  const projections = await startProjections(db);
  await seedRegency(db);
  const api = apiFor(db);
  const anonymous = new Agent(api, 'Anonim');
  const resident = new Agent(api, 'Siti Warga');
  const member = new Agent(api, 'Budi Pemberi Kerja');
  const otherEmployer = new Agent(api, 'Dewi Perusahaan Lain');
  const officer = new Agent(api, 'Agus Petugas');
  await Promise.all([resident.register(), member.register(), otherEmployer.register(), officer.register()]);
  await Account.grantRole(db, officer.userId as string, 'officer');

  const a = await member.post('/api/companies', companyInput());
  const b = await otherEmployer.post('/api/companies', companyInput({ name: 'CV Sumber Rejeki', sector: 'logistik' }));
  expect([a.status, b.status]).toEqual([201, 201]);
  const companyA: string = a.body.id;
  const companyB: string = b.body.id;
  const open = await member.post(`/api/companies/${companyA}/vacancies`, vacancyInput({ publish: true }));
  const draft = await member.post(`/api/companies/${companyA}/vacancies`, vacancyInput({ title: 'Staf Gudang' }));
  expect([open.status, draft.status]).toEqual([201, 201]);
  return {
    db,
    api,
    settle: projections.settle,
    stop: projections.stop,
    agents: { anonymous, resident, member, otherEmployer, officer },
    companyA,
    companyB,
    openVacancy: open.body.id as string,
    draftVacancy: draft.body.id as string,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
export type Role = keyof World['agents'];
