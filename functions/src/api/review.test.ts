import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyInput, createWorld, vacancyInput, type World } from './test-support.ts';

/** Issue 7: no lost edits, verification that means something, the API shows what the policy allows. */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.stop());

describe('no lost edits', () => {
  it('of 50 simultaneous edits made from the same version, exactly one wins; the rest are told to reload', async () => {
    const { version } = (await w.agents.member.get(`/api/companies/${w.companyA}`)).body.company;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        w.agents.member.patch(
          `/api/companies/${w.companyA}`,
          { description: `Versi ${i}` },
          { headers: { 'if-match': `"${version}"` } },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const stale = results.filter((r) => r.status === 409);
    expect(stale).toHaveLength(49);
    expect(stale[0]?.body).toMatchObject({ code: 'company.changed', message: expect.stringContaining('Muat ulang') });
    const after = (await w.agents.member.get(`/api/companies/${w.companyA}`)).body.company;
    expect(after.version).toBe(version + 1);
  });

  it('refuses a stale vacancy edit (version in the body, or If-Match), keeping the newer change', async () => {
    const { vacancy } = (await w.agents.member.get(`/api/vacancies/${w.openVacancy}`)).body;
    const first = await w.agents.member.patch(`/api/vacancies/${w.openVacancy}`, {
      title: 'Judul Pertama',
      version: vacancy.version,
    });
    expect(first.status).toBe(200);
    const stale = await w.agents.member.patch(`/api/vacancies/${w.openVacancy}`, {
      title: 'Judul Basi',
      version: vacancy.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('vacancy.changed');
    const staleHeader = await w.agents.member.patch(
      `/api/vacancies/${w.openVacancy}`,
      { title: 'Judul Basi' },
      { headers: { 'if-match': `W/"${vacancy.version}"` } },
    );
    expect(staleHeader.status).toBe(409);
    expect((await w.agents.anonymous.get(`/api/vacancies/${w.openVacancy}`)).body.vacancy.title).toBe('Judul Pertama');
  });
});

describe('verification that means something', () => {
  it('a verified company that renames itself keeps its verified name on show until an officer approves', async () => {
    expect((await w.agents.officer.post(`/api/companies/${w.companyB}/verify`)).status).toBe(200);
    const renamed = await w.agents.otherEmployer.patch(`/api/companies/${w.companyB}`, {
      name: 'Dinas Ketenagakerjaan Kota Tangerang',
      nib: '9120001234567',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'CV Sumber Rejeki',
      status: 'verified',
      pending: { name: 'Dinas Ketenagakerjaan Kota Tangerang', nib: '9120001234567' },
    });
    const pub = (await w.agents.anonymous.get(`/api/companies/${w.companyB}`)).body;
    expect(pub.company.name).toBe('CV Sumber Rejeki');
    expect(pub.company).not.toHaveProperty('pending');
    // The officer sees it in the review queue, turns it down with a reason the members read.
    const queue = (await w.agents.officer.get('/api/companies?queue=review')).body;
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(w.companyB);
    const rejected = await w.agents.officer.post(`/api/companies/${w.companyB}/reject`, {
      reason: 'Nama instansi pemerintah.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      name: 'CV Sumber Rejeki',
      status: 'verified',
      reviewNote: 'Nama instansi pemerintah.',
    });
    expect(rejected.body).not.toHaveProperty('pending');
    expect((await w.agents.otherEmployer.get(`/api/companies/${w.companyB}`)).body.company.reviewNote).toBe(
      'Nama instansi pemerintah.',
    );
    expect((await w.agents.anonymous.get(`/api/companies/${w.companyB}`)).body.company).not.toHaveProperty(
      'reviewNote',
    );
    // A reasonable change is approved, and only then goes live.
    await w.agents.otherEmployer.patch(`/api/companies/${w.companyB}`, { name: 'CV Sumber Rejeki Logistik' });
    const approved = await w.agents.officer.post(`/api/companies/${w.companyB}/verify`);
    expect(approved.body).toMatchObject({ name: 'CV Sumber Rejeki Logistik', status: 'verified' });
    expect(approved.body).not.toHaveProperty('pending');
  });

  it('a rejected registration says why to its members, and goes back to the queue when they fix it', async () => {
    const created = await w.agents.resident.post('/api/companies', companyInput({ name: 'PT Tanpa Izin' }));
    const id = created.body.id;
    const noReason = await w.agents.officer.post(`/api/companies/${id}/reject`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields[0]).toMatchObject({ path: 'reason', code: 'company.reason.required' });
    expect((await w.agents.member.post(`/api/companies/${id}/reject`, { reason: 'Saya bukan petugas.' })).status).toBe(
      403,
    );
    const rejected = await w.agents.officer.post(`/api/companies/${id}/reject`, {
      reason: 'NIB tidak ditemukan di OSS.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'NIB tidak ditemukan di OSS.' });
    expect((await w.agents.officer.post(`/api/companies/${id}/verify`)).status).toBe(409);
    const fixed = await w.agents.resident.patch(`/api/companies/${id}`, { nib: '9120009876543' });
    expect(fixed.body.status).toBe('unverified');
    const queue = (await w.agents.officer.get('/api/companies?queue=unverified&limit=50')).body;
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('pages through the officers’ queue with a cursor, and only officers may read it', async () => {
    for (let i = 0; i < 3; i++) await w.agents.resident.post('/api/companies', companyInput({ name: `UD Antre ${i}` }));
    const first = await w.agents.officer.get('/api/companies?queue=unverified&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.cursor).toBeDefined();
    const second = await w.agents.officer.get(`/api/companies?queue=unverified&limit=2&cursor=${first.body.cursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await w.agents.member.get('/api/companies?queue=unverified')).status).toBe(403);
    expect((await w.agents.officer.get('/api/companies?queue=unverified&cursor=bad')).body.code).toBe(
      'request.invalid_cursor',
    );
  });
});

describe('the API shows what the policy allows', () => {
  it('hides an officer’s close reason from everyone but the company and officers', async () => {
    const v = await w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, vacancyInput({ publish: true }));
    await w.agents.officer.post(`/api/vacancies/${v.body.id}/close`, { reason: 'Meminta biaya pendaftaran.' });
    const anonymous = (await w.agents.anonymous.get(`/api/vacancies/${v.body.id}`)).body.vacancy;
    expect(anonymous.status).toBe('closed');
    expect(anonymous).not.toHaveProperty('closedReason');
    expect(anonymous).not.toHaveProperty('closedBy');
    const member = (await w.agents.member.get(`/api/vacancies/${v.body.id}`)).body.vacancy;
    expect(member.closedReason).toBe('Meminta biaya pendaftaran.');
  });
});

describe('input that used to break pages', () => {
  const lone = 'PT Rusak \uD800 Jaya';

  it('refuses ill-formed Unicode in any text field with 400 and a code, before anything is stored', async () => {
    const company = await w.agents.member.patch(`/api/companies/${w.companyA}`, { name: lone });
    expect(company.status).toBe(400);
    expect(company.body.details.fields).toEqual([
      { path: 'name', code: 'request.field.malformed_text', message: expect.stringContaining('karakter yang rusak') },
    ]);
    const nested = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ skills: ['ok', lone] }),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.details.fields[0]).toMatchObject({ path: 'skills.1', code: 'request.field.malformed_text' });
  });

  it('still renders a vacancy whose stored company name has a lone surrogate (written before the check)', async () => {
    const v = await w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, vacancyInput({ publish: true }));
    await w.db.doc.send(
      new UpdateCommand({
        TableName: w.db.tableName,
        Key: { pk: `VACANCY#${v.body.id}`, sk: 'VACANCY' },
        UpdateExpression: 'SET companyName = :n',
        ExpressionAttributeValues: { ':n': lone },
      }),
    );
    const api = await w.agents.anonymous.get(`/api/vacancies/${v.body.id}`);
    expect(api.status).toBe(200);
  });

  it.each(['vacancies', 'companies'])(
    'answers a 2,100-character id on /api/%s/:id with 404, before any database call',
    async (kind) => {
      const res = await w.agents.anonymous.get(`/api/${kind}/${'a'.repeat(2100)}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toMatch(/\.not_found$/);
    },
  );
});
