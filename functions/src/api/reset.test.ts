import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, outbox } from '../../../test/support/db.ts';
import { startProjections } from '../../../test/support/projections.ts';
import type { Api } from './app.ts';
import { Agent, apiFor, PASSWORD } from './test-support.ts';

/** "Lupa kata sandi": one-time codes by email or from an officer; a reset ends every other session. */
let db: Db;
let api: Api;
let projections: Awaited<ReturnType<typeof startProjections>>;
let n = 0;
const email = () => `reset.${++n}.${Date.now().toString(36)}@contoh.id`;
/** The code in the newest email to `to`, once the stream has delivered it. */
const codeFor = async (to: string) => {
  await projections.settle();
  const mail = outbox()
    .filter((m) => m.to === to)
    .at(-1);
  return mail?.subject.match(/(\d{6})$/)?.[1];
};

beforeAll(async () => {
  db = await createTestDb();
  projections = await startProjections(db);
  api = apiFor(db);
});
afterAll(() => projections.stop());

describe('password reset', () => {
  it('mails a code to an email account; the code sets a new password once, and every other session ends', async () => {
    const address = email();
    const owner = new Agent(api);
    await owner.register({ email: address });
    const elsewhere = new Agent(api);
    expect((await elsewhere.signIn(address)).status).toBe(200);

    const asked = await new Agent(api).post('/api/auth/reset/request', { identifier: address });
    expect(asked.body).toEqual({ sent: 'email-if-registered' });
    const code = await codeFor(address);
    expect(code).toMatch(/^\d{6}$/);
    expect(outbox().at(-1)?.text).toContain('hanya dapat dipakai sekali');

    const wrong = await new Agent(api).post('/api/auth/reset', {
      identifier: address,
      code: code === '000000' ? '000001' : '000000',
      password: 'kopi susu 99',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields[0]).toMatchObject({ path: 'code', code: 'auth.reset.invalid_code' });
    const done = await new Agent(api).post('/api/auth/reset', { identifier: address, code, password: 'kopi susu 99' });
    expect(done.status).toBe(200);
    // Single use.
    expect(
      (await new Agent(api).post('/api/auth/reset', { identifier: address, code, password: 'kopi susu 98' })).status,
    ).toBe(400);
    // Every session from before the reset has ended; the new password works, the old one does not.
    expect((await owner.get('/api/me')).status).toBe(401);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await new Agent(api).signIn(address, 'kopi susu 99')).status).toBe(200);
    expect((await new Agent(api).signIn(address, PASSWORD)).status).toBe(401);
  });

  it('answers alike for unknown accounts, and tells phone-only accounts to ask an officer', async () => {
    const before = outbox().length;
    const unknown = await new Agent(api).post('/api/auth/reset/request', { identifier: email() });
    expect(unknown.body).toEqual({ sent: 'email-if-registered' });
    await projections.settle();
    expect(outbox().length).toBe(before);
    const phone = await new Agent(api).post('/api/auth/reset/request', { identifier: '0812 7777 0001' });
    expect(phone.body).toEqual({ sent: 'ask-officer' });
  });

  it('lets an officer issue a code for a phone-only account, and nobody else', async () => {
    const phone = '0812 7777 0002';
    await new Agent(api).register({ phone });
    const resident = new Agent(api);
    await resident.register();
    expect((await resident.post('/api/auth/reset/issue', { identifier: phone })).body.code).toBe(
      'auth.reset.officer_only',
    );
    const officer = new Agent(api);
    await officer.register();
    await Account.grantRole(db, officer.userId as string, 'officer');
    const issued = await officer.post('/api/auth/reset/issue', { identifier: phone });
    expect(issued.body).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), minutes: Account.RESET.minutes });
    const done = await new Agent(api).post('/api/auth/reset', {
      identifier: phone,
      code: issued.body.code,
      password: 'teh manis 77',
    });
    expect(done.status).toBe(200);
    expect((await new Agent(api).signIn(phone, 'teh manis 77')).status).toBe(200);
  });

  it('spends a code after 5 wrong tries, and limits how often codes are asked for', async () => {
    const address = email();
    await new Agent(api).register({ email: address });
    await new Agent(api).post('/api/auth/reset/request', { identifier: address });
    const code = (await codeFor(address)) as string;
    const other = (c: string) => String((Number(c) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < Account.RESET.tries; i++) {
      await new Agent(api).post('/api/auth/reset', {
        identifier: address,
        code: other(code),
        password: 'kopi susu 99',
      });
    }
    expect(
      (await new Agent(api).post('/api/auth/reset', { identifier: address, code, password: 'kopi susu 99' })).status,
    ).toBe(400);
    const asks = [];
    for (let i = 0; i < 3; i++)
      asks.push((await new Agent(api).post('/api/auth/reset/request', { identifier: address })).status);
    expect(asks).toEqual([200, 200, 429]);
  });
});
