import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type Role, type World } from './test-support.ts';

/**
 * Every write route, as every role, with a few hundred generated bodies:
 * wrong types, huge and empty strings, nested objects, arrays, nulls, unicode
 * edge cases (lone surrogates, RTL, emoji, NUL), numbers as strings, extra
 * fields, malformed JSON. Never a 5xx; every 4xx has a stable code and a text.
 * A fixed seed keeps runs repeatable.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.stop());

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = random(20261124);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const strings = [
  '',
  ' ',
  'a',
  'x'.repeat(10_001),
  '\uD800',
  'PT \uDFFF Jaya',
  '\u0000',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  'مرحبا',
  '🧵👗',
  '36.71.01',
  '36.71.01.1001',
  '2026-13-45',
  '2099-12-31',
  '-1',
  '4.500.000',
  'Rp5000000',
  'true',
  'null',
  '../../etc/passwd',
  '{"a":1}',
];
const values = (depth = 0): unknown => {
  const kind = Math.floor(rnd() * (depth > 1 ? 6 : 8));
  switch (kind) {
    case 0:
      return pick(strings);
    case 1:
      return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 3.14, 10_001]);
    case 2:
      return pick([true, false, null]);
    case 3:
      return undefined;
    case 4:
      return pick(strings).slice(0, 50);
    case 5:
      return Math.floor(rnd() * 100);
    case 6:
      return Array.from({ length: Math.floor(rnd() * 4) }, () => values(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: 3 }, () => [pick(fields), values(depth + 1)]));
  }
};
const fields = [
  'name',
  'email',
  'phone',
  'password',
  'identifier',
  'sector',
  'address',
  'districtCode',
  'villageCode',
  'contactPhone',
  'contactEmail',
  'nib',
  'description',
  'title',
  'type',
  'minEducation',
  'skills',
  'salaryMin',
  'salaryMax',
  'openings',
  'closingDate',
  'publish',
  'reason',
  'version',
  'code',
  'id',
  'companyId',
  '__proto__',
  'constructor',
] as const;
const body = () => Object.fromEntries(fields.filter(() => rnd() < 0.4).map((f) => [f, values()]));

type Route = { method: 'POST' | 'PATCH'; path: (w: World) => string };
const routes: Route[] = [
  { method: 'POST', path: () => '/api/auth/register' },
  { method: 'POST', path: () => '/api/auth/signin' },
  { method: 'POST', path: () => '/api/auth/reset/request' },
  { method: 'POST', path: () => '/api/auth/reset' },
  { method: 'POST', path: () => '/api/auth/reset/issue' },
  { method: 'POST', path: () => '/api/companies' },
  { method: 'PATCH', path: (w) => `/api/companies/${w.companyA}` },
  { method: 'POST', path: (w) => `/api/companies/${w.companyA}/verify` },
  { method: 'POST', path: (w) => `/api/companies/${w.companyA}/reject` },
  { method: 'POST', path: (w) => `/api/companies/${w.companyA}/revoke` },
  { method: 'POST', path: (w) => `/api/companies/${w.companyA}/vacancies` },
  { method: 'PATCH', path: (w) => `/api/vacancies/${w.openVacancy}` },
  { method: 'POST', path: (w) => `/api/vacancies/${w.draftVacancy}/close` },
  { method: 'POST', path: (w) => `/api/vacancies/${w.draftVacancy}/approve` },
  { method: 'POST', path: (w) => `/api/vacancies/${w.draftVacancy}/reject` },
];
const roles: Role[] = ['anonymous', 'resident', 'member', 'otherEmployer', 'officer'];

describe('fuzzing every write route', () => {
  it.each(routes)('$method $path: no 5xx for any input, and every refusal has a code and a text', async (route) => {
    const problems: string[] = [];
    for (let i = 0; i < 30; i++) {
      const role = pick(roles);
      const raw = rnd() < 0.1 ? pick(['{', '[1,2', '"text"', 'null', '{"a":}', '\u0000']) : undefined;
      const json = raw === undefined ? (rnd() < 0.15 ? values() : body()) : undefined;
      const res = await w.agents[role].request(route.method, route.path(w), raw !== undefined ? { raw } : { json });
      if (res.status >= 500) problems.push(`${res.status} as ${role}: ${res.text.slice(0, 200)}`);
      else if (res.status >= 400 && !(res.body?.code && res.body?.message))
        problems.push(`${res.status} as ${role} without code/message: ${res.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });
});
