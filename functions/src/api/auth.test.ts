import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { DEVICE_COOKIE, SESSION_COOKIE } from '@bursa/http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import type { Api } from './app.ts';
import { Agent, allResponseTexts, apiFor, companyInput, PASSWORD, SITE_URL, seedRegency } from './test-support.ts';

let db: Db;
let api: Api;
beforeAll(async () => {
  db = await createTestDb();
  await seedRegency(db);
  api = apiFor(db);
});

let n = 0;
/** A unique email per call, so tests share no accounts. */
const email = (label = 'orang') => `${label}.${++n}.${Date.now().toString(36)}@contoh.id`;
/** A unique, valid Indonesian mobile number per call, as people type it: 0812-…. */
const mobile = () => `0812-${String(Date.now() % 10_000).padStart(4, '0')}-${String(++n).padStart(4, '0')}`;
/** A distinct client address per test, so per-address sign-in limits do not leak between tests. */
const clientAddress = () => ({ 'x-forwarded-for': `203.0.113.${++n % 250}` });

describe('POST /api/auth/register', () => {
  it('creates a resident, signs them in and answers with the user and a CSRF token', async () => {
    const agent = new Agent(api);
    const address = email('siti');
    const res = await agent.post('/api/auth/register', { name: 'Siti Aminah', email: address, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: {
        id: expect.any(String),
        name: 'Siti Aminah',
        email: address,
        roles: ['resident'],
        // The API speaks the client's language (Accept-Language; Indonesian here): emails will too.
        locale: 'id',
        createdAt: expect.any(String),
      },
      csrf: expect.any(String),
    });
    expect(res.text).not.toContain('password');
    expect(agent.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=${res.body.user.id}\\.`));

    agent.csrf = res.body.csrf;
    const me = await agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: res.body.user.id, email: address },
      csrf: res.body.csrf,
      companies: [],
    });
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, for the whole site, without Secure on http://localhost', async () => {
    const res = await api.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rina', email: email(), password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    const [cookie, ...others] = res.headers.getSetCookie();
    expect(others).toEqual([]);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${30 * 24 * 3600}`);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('marks the cookie Secure when the site is served over https', async () => {
    const secureApi = apiFor(db, 'https://bursa.tangerangkota.go.id');
    const res = await secureApi.request('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rina', email: email(), password: PASSWORD }),
    });
    expect(res.status).toBe(201);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/;\s*Secure/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it.each([
    { why: 'a password without digits', fields: { password: 'rahasiasekali' }, paths: ['password'] },
    { why: 'a short password', fields: { password: 'ab1' }, paths: ['password'] },
    { why: 'a well-known password', fields: { password: 'bismillah' }, paths: ['password'] },
    { why: 'a phone number that is not a mobile', fields: { phone: '12345' }, paths: ['phone'] },
    { why: 'a malformed email', fields: { email: 'siti@' }, paths: ['email'] },
    { why: 'neither email nor phone', fields: { email: '', phone: undefined }, paths: ['email'] },
    { why: 'no name', fields: { name: '' }, paths: ['name'] },
    {
      why: 'several mistakes at once',
      fields: { name: 'S', email: undefined, phone: 'nol delapan', password: 'pendek' },
      paths: ['name', 'phone', 'password'],
    },
  ])('refuses $why with 400 listing the fields', async ({ fields, paths }) => {
    const agent = new Agent(api);
    const res = await agent.post('/api/auth/register', { name: 'Siti', email: email(), password: PASSWORD, ...fields });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    const got = (res.body.details.fields as { path: string; message: string }[]).map((f) => f.path);
    expect([...new Set(got)].sort()).toEqual([...paths].sort());
    for (const f of res.body.details.fields) expect(f.message).toEqual(expect.any(String));
    expect(agent.cookie).toBeUndefined();
  });

  it('says which field when neither email nor phone is given', async () => {
    const res = await new Agent(api).post('/api/auth/register', { name: 'Siti', password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([
      { path: 'email', code: 'account.email_or_phone.required', message: 'Isi email atau nomor HP.' },
    ]);
  });

  it('refuses malformed JSON with 400 request.malformed', async () => {
    const res = await new Agent(api).request('POST', '/api/auth/register', { raw: '{"name": "Siti",' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.malformed');
  });

  it('refuses an email that is taken, whatever its case, with 409 account.email_taken', async () => {
    const address = email('budi');
    await new Agent(api).register({ email: address });
    const res = await new Agent(api).post('/api/auth/register', {
      name: 'Budi Lain',
      email: ` ${address.toUpperCase()} `,
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'account.email_taken', details: { fields: [{ path: 'email' }] } });
  });

  it('reports a taken email together with the other mistakes, in one 400', async () => {
    const address = email('dobel');
    await new Agent(api).register({ email: address });
    const res = await new Agent(api).post('/api/auth/register', { name: 'B', email: address, password: 'pendek' });
    expect(res.status).toBe(400);
    const got = (res.body.details.fields as { path: string; code: string }[]).map((f) => `${f.path} ${f.code}`);
    expect(got).toEqual(expect.arrayContaining(['name account.name.min', 'email account.email.taken']));
    expect(got.some((f) => f.startsWith('password '))).toBe(true);
  });

  it('refuses a phone number that is taken, however it is written, with 409 account.phone_taken', async () => {
    const phone = mobile();
    await new Agent(api).register({ email: undefined, phone });
    const res = await new Agent(api).post('/api/auth/register', {
      name: 'Orang Lain',
      phone: `+62 ${phone.slice(1).replaceAll('-', ' ')}`,
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('account.phone_taken');
  });

  it('limits sign-ups per network: of 30 in one burst from one address, 20 get through, the rest are told when to return', async () => {
    const from = { 'x-forwarded-for': '192.0.2.77' };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new Agent(api).post(
          '/api/auth/register',
          { name: `Peserta ${i}`, email: email('burst'), password: PASSWORD },
          { headers: from },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]?.body.code).toBe('limit.register');
    expect(refused[0]?.body.message).toMatch(/Coba lagi dalam \d+ menit/);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another network is not affected.
    expect((await new Agent(api).register({ name: 'Lain' })).status).toBe(201);
  });

  it('lets exactly one of five concurrent registrations with one email through', async () => {
    const address = email('serentak');
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Agent(api).post('/api/auth/register', { name: `Peserta ${i}`, email: address, password: PASSWORD }),
      ),
    );
    const outcomes = replies.map((r) => `${r.status} ${r.body?.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(['201', ...Array(4).fill('409 account.email_taken')]);
  });

  it('lets exactly one of five concurrent registrations with one phone number, written five ways, through', async () => {
    const local = mobile().replaceAll('-', ''); // 0812xxxxxxxx
    const rest = local.slice(1); // 812xxxxxxxx
    const spellings = [local, `+62${rest}`, `62${rest}`, `+62 ${rest.slice(0, 3)}-${rest.slice(3)}`, `(0${rest})`];
    const replies = await Promise.all(
      spellings.map((phone, i) =>
        new Agent(api).post('/api/auth/register', { name: `Peserta ${i}`, phone, email: email(), password: PASSWORD }),
      ),
    );
    const outcomes = replies.map((r) => `${r.status} ${r.body?.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(['201', ...Array(4).fill('409 account.phone_taken')]);
    const winner = replies.find((r) => r.status === 201);
    expect(winner?.body.user.phone).toBe(`+62${rest}`);
  });
});

describe('POST /api/auth/signin', () => {
  it('signs in with email or with the phone number written another way', async () => {
    const address = email('andi');
    const phone = mobile();
    await new Agent(api).register({ email: address, phone });

    const byEmail = new Agent(api);
    const res = await byEmail.signIn(address.toUpperCase(), PASSWORD, clientAddress());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: address }, csrf: expect.any(String) });
    expect(res.text).not.toContain('passwordHash');
    expect(byEmail.cookie).toBeDefined();
    expect((await byEmail.get('/api/me')).status).toBe(200);

    const byPhone = new Agent(api);
    const res2 = await byPhone.signIn(`+62 ${phone.slice(1)}`, PASSWORD, clientAddress());
    expect(res2.status).toBe(200);
    expect(res2.body.user.id).toBe(res.body.user.id);
    // Two sessions, two CSRF tokens.
    expect(res2.body.csrf).not.toBe(res.body.csrf);
  });

  it('answers a wrong password and an unknown account alike: 401 auth.invalid_credentials', async () => {
    const address = email('salah');
    await new Agent(api).register({ email: address });
    const wrong = new Agent(api);
    const res = await wrong.signIn(address, 'bukan-sandinya1', clientAddress());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.invalid_credentials');
    expect(wrong.cookie).toBeUndefined();
    const unknown = await new Agent(api).signIn(email('tidak-ada'), PASSWORD, clientAddress());
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(res.body);
  });

  it('refuses an empty form with 400 and malformed JSON with 400', async () => {
    const empty = await new Agent(api).post('/api/auth/signin', { identifier: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['identifier', 'password']);
    const broken = await new Agent(api).request('POST', '/api/auth/signin', { raw: 'identifier=budi' });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('request.malformed');
  });

  const { freeFailures } = Account.SIGN_IN_POLICY;
  const fail = (who: Agent, address: string, n: number, from = clientAddress) =>
    (async () => {
      for (let i = 0; i < n; i++) {
        const res = await who.signIn(address, `tebakan${i}x`, from());
        expect(res.status, `failure ${i + 1}`).toBe(401);
      }
    })();

  it(`slows an account after ${freeFailures} free failures with a growing wait, even for the right password, but never locks it`, async () => {
    const address = email('dikunci');
    await new Agent(api).register({ email: address });
    const attacker = new Agent(api);
    await fail(attacker, address, freeFailures + 1); // the last one starts the first wait
    const slowed = await attacker.signIn(address, 'tebakan-lagi1', clientAddress());
    expect(slowed.status).toBe(429);
    expect(slowed.body.code).toBe('auth.too_many_attempts');
    expect(slowed.body.message).toContain('menit');
    const retryAfter = Number(slowed.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(Account.delayAfter(freeFailures + 1));
    expect(slowed.body.details.retryAfterSeconds).toBe(retryAfter);
    // A new device, even with the right password, waits too: the wait is short, never a lockout.
    const newPhone = new Agent(api);
    expect((await newPhone.signIn(address, PASSWORD, clientAddress())).status).toBe(429);
    expect(newPhone.cookie).toBeUndefined();
    expect(Account.delayAfter(freeFailures + 2)).toBe(2 * Account.delayAfter(freeFailures + 1));
    expect(Account.delayAfter(100)).toBe(Account.SIGN_IN_POLICY.maxDelaySeconds);
    // Other accounts are not affected.
    const other = email('bebas');
    await new Agent(api).register({ email: other });
    expect((await new Agent(api).signIn(other, PASSWORD, clientAddress())).status).toBe(200);
  });

  it('lets the owner in from a device they signed in from before, whatever an attacker did', async () => {
    const address = email('pemilik.hp');
    await new Agent(api).register({ email: address });
    const owner = new Agent(api);
    expect((await owner.signIn(address, PASSWORD, clientAddress())).status).toBe(200);
    expect(owner.cookies.get(DEVICE_COOKIE)).toBeDefined();
    await owner.post('/api/auth/signout');
    await fail(new Agent(api), address, freeFailures + 1);
    expect((await new Agent(api).signIn(address, PASSWORD, clientAddress())).status).toBe(429);
    expect((await owner.signIn(address, PASSWORD, clientAddress())).status).toBe(200);
  });

  it('counts failures per account: its email and its phone share one count', async () => {
    const address = email('dua.pintu');
    const phone = mobile();
    await new Agent(api).register({ email: address, phone });
    await fail(new Agent(api), address, freeFailures + 1);
    const byPhone = await new Agent(api).signIn(phone, PASSWORD, clientAddress());
    expect(byPhone.status).toBe(429);
  });

  it('checks exactly one of 50 parallel guesses once the account is being slowed', async () => {
    const address = email('serbu');
    await new Agent(api).register({ email: address });
    await fail(new Agent(api), address, freeFailures);
    // The right password is among them: only the one attempt that claims the slot is checked.
    const guesses = Array.from({ length: 50 }, (_, i) => (i === 25 ? PASSWORD : `tebakan${i}z`));
    const results = await Promise.all(guesses.map((g) => new Agent(api).signIn(address, g, clientAddress())));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401 || s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(49);
  });

  it('a successful sign-in clears the account’s failures', async () => {
    const address = email('lupa');
    await new Agent(api).register({ email: address });
    await fail(new Agent(api), address, freeFailures);
    expect((await new Agent(api).signIn(address, PASSWORD, clientAddress())).status).toBe(200);
    await fail(new Agent(api), address, freeFailures);
  });

  it('slows a network past 20 failures only for accounts with failures; IPv6 counts per /64', async () => {
    const clean = email('tetangga');
    const failing = email('tetangga.salah');
    await new Agent(api).register({ email: clean });
    await new Agent(api).register({ email: failing });
    // 20 failures from one /64, each from a different address in it, on unknown accounts.
    let host = 0;
    const sameNetwork = () => ({ 'x-forwarded-for': `2001:db8:7:7::${(++host).toString(16)}` });
    for (let i = 0; i < 20; i++) {
      expect((await new Agent(api).signIn(email(`acak${i}`), PASSWORD, sameNetwork())).status).toBe(401);
    }
    expect((await new Agent(api).signIn(failing, 'salah-sekali1', sameNetwork())).status).toBe(401);
    // The failing account can no longer be tried from this network …
    const blocked = await new Agent(api).signIn(failing, PASSWORD, sameNetwork());
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    // … but an account with no failures still signs in here (shared Wi-Fi), and elsewhere the failing one does too.
    expect((await new Agent(api).signIn(clean, PASSWORD, sameNetwork())).status).toBe(200);
    expect((await new Agent(api).signIn(failing, PASSWORD, { 'x-forwarded-for': '2001:db8:7:8::1' })).status).toBe(200);
  });

  it('ends the session the request already had', async () => {
    const address = email('ganti');
    const agent = new Agent(api);
    await agent.register({ email: address });
    const first = agent.cookie as string;
    expect((await agent.signIn(address, PASSWORD, clientAddress())).status).toBe(200);
    expect(agent.cookie).not.toBe(first);
    expect((await agent.get('/api/me')).status).toBe(200);
    const old = await api.request('/api/me', { headers: { cookie: first } });
    expect(old.status).toBe(401);
  });
});

describe('POST /api/auth/signout', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const agent = new Agent(api);
    await agent.register();
    const cookie = agent.cookie as string;
    const res = await agent.post('/api/auth/signout');
    expect(res.status).toBe(204);
    const [cleared] = res.headers.getSetCookie();
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toContain('Max-Age=0');
    expect(agent.cookie).toBeUndefined();
    // The old cookie, replayed, no longer signs anyone in.
    const replay = await api.request('/api/me', { headers: { cookie } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'auth.required' });
  });

  it('is harmless without a session', async () => {
    const res = await new Agent(api).post('/api/auth/signout');
    expect(res.status).toBe(204);
  });

  it('needs the CSRF token, so another site cannot sign people out', async () => {
    const agent = new Agent(api);
    await agent.register();
    const res = await agent.post('/api/auth/signout', undefined, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.csrf');
    expect((await agent.get('/api/me')).status).toBe(200);
  });
});

describe('GET /api/me', () => {
  it('is 401 auth.required for anonymous visitors, and for forged cookies', async () => {
    const anonymous = await new Agent(api).get('/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('auth.required');
    const forged = await api.request('/api/me', { headers: { cookie: `${SESSION_COOKIE}=01abc.forgedtoken` } });
    expect(forged.status).toBe(401);
  });

  it('shows the person their own email, phone, roles and companies; never cached', async () => {
    const agent = new Agent(api);
    const address = email('pemilik');
    const phone = mobile();
    await agent.register({ email: address, phone });
    const created = await agent.post('/api/companies', companyInput({ name: 'PT Saya Sendiri' }));
    expect(created.status).toBe(201);
    const me = await agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.body).toEqual({
      user: {
        id: agent.userId,
        name: agent.label,
        email: address,
        phone: `+62${phone.slice(1).replaceAll('-', '')}`,
        roles: ['employer', 'resident'],
        locale: 'id',
        createdAt: expect.any(String),
      },
      can: { signIn: false, register: false, signOut: true, openCompany: true, moderate: false },
      csrf: agent.csrf,
      companies: [{ companyId: created.body.id, companyName: 'PT Saya Sendiri', role: 'owner' }],
    });
  });
});

describe('CSRF and origin checks', () => {
  it('refuses a signed-in state change without the CSRF token: 403 auth.csrf', async () => {
    const agent = new Agent(api);
    await agent.register();
    const res = await agent.post('/api/companies', companyInput(), { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.csrf');
    // Nothing was created.
    expect((await agent.get('/api/me')).body.companies).toEqual([]);
  });

  it('refuses a wrong CSRF token, and another session’s token', async () => {
    const agent = new Agent(api);
    await agent.register();
    const other = new Agent(api);
    await other.register();
    for (const token of ['x', `${agent.csrf}x`, other.csrf as string]) {
      const res = await agent.post('/api/companies', companyInput(), {
        csrf: false,
        headers: { 'x-csrf-token': token },
      });
      expect(res.status, token).toBe(403);
      expect(res.body.code).toBe('auth.csrf');
    }
  });

  it('checks PATCH too, and lets reads through without a token', async () => {
    const agent = new Agent(api);
    await agent.register();
    const company = await agent.post('/api/companies', companyInput());
    expect(company.status).toBe(201);
    const patch = await agent.patch(`/api/companies/${company.body.id}`, companyInput({ name: 'PT Baru' }), {
      csrf: false,
    });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('auth.csrf');
    expect((await agent.get('/api/me', { csrf: false })).status).toBe(200);
  });

  it('refuses a state change from another origin: 403 request.bad_origin, signed in or not', async () => {
    const agent = new Agent(api);
    await agent.register();
    const evil = { origin: 'https://bursa-palsu.example' };
    const signedIn = await agent.post('/api/companies', companyInput(), { headers: evil });
    expect(signedIn.status).toBe(403);
    expect(signedIn.body.code).toBe('request.bad_origin');
    // Signing in from another site (login CSRF) is refused before the password is checked.
    const signin = await new Agent(api).signIn('siapa@contoh.id', PASSWORD, evil);
    expect(signin.status).toBe(403);
    expect(signin.body.code).toBe('request.bad_origin');
    // A look-alike origin is another origin.
    const port = await agent.post('/api/companies', companyInput(), { headers: { origin: `${SITE_URL}0` } });
    expect(port.body.code).toBe('request.bad_origin');
    // Reads are not state changes.
    expect((await agent.get('/api/me', { headers: evil })).status).toBe(200);
  });

  it('accepts the site’s own origin, and requests without an Origin header', async () => {
    const agent = new Agent(api);
    await agent.register();
    const same = await agent.post('/api/companies', companyInput(), { headers: { origin: SITE_URL } });
    expect(same.status).toBe(201);
    const none = await agent.post('/api/companies', companyInput());
    expect(none.status).toBe(201);
  });

  it('treats a forged cookie as no session: no CSRF demanded, and core answers 401', async () => {
    const res = await api.request('/api/companies', {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=01abc.forged`, 'content-type': 'application/json' },
      body: JSON.stringify(companyInput()),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'auth.required' });
  });
});

describe('personal data', () => {
  it('never sent a password hash in any answer of this file', () => {
    expect(allResponseTexts.length).toBeGreaterThan(20);
    const all = allResponseTexts.join('\n');
    expect(all).not.toContain('passwordHash');
    expect(all).not.toContain('scrypt$');
  });
});
