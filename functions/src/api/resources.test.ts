import { newId } from '@bursa/core/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  allResponseTexts,
  companyInput,
  createWorld,
  daysFromToday,
  vacancyInput,
  type World,
} from './test-support.ts';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.stop());

/** Posts a vacancy for company A as its member. */
async function postVacancy(fields: Record<string, unknown> = {}) {
  const res = await w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, vacancyInput(fields));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string; title: string };
}

const browse = async (query = '') => {
  // The listing is a stream projection: wait until it has caught up with every write so far.
  await w.settle();
  const res = await w.agents.anonymous.get(`/api/vacancies${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { id: string; title: string }[]; cursor?: string };
};
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('companies', () => {
  it('registers a company in the home regency, unverified, with its contacts normalised', async () => {
    const res = await w.agents.resident.post('/api/companies', companyInput({ name: 'CV Kopi Cisadane' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      name: 'CV Kopi Cisadane',
      regencyCode: '36.71',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      contactPhone: '+62215551234',
      contactEmail: 'hrd@majujaya.co.id',
      status: 'unverified',
    });
    // Business contacts are public.
    const pub = await w.agents.anonymous.get(`/api/companies/${res.body.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.company).toEqual(res.body);
    // What the asker may do comes with it, so every client shows the same buttons.
    expect(pub.body.can).toEqual({
      view: true,
      edit: false,
      postVacancy: false,
      manageVacancies: false,
      verify: false,
      reject: false,
      revoke: false,
      seeReview: false,
      seeOfficeNotes: false,
    });
    // The version to send back in If-Match when editing.
    expect(pub.headers.get('etag')).toBe('"1"');
  });

  it('limits how many companies one person registers in a day', async () => {
    const founder = new Agent(w.api, 'Pendiri Banyak');
    await founder.register();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await founder.post('/api/companies', companyInput({ name: `UD Cabang ${i}` }))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await founder.post('/api/companies', companyInput({ name: 'UD Cabang 7' }));
    expect(refused.body).toMatchObject({ code: 'limit.company', message: expect.stringContaining('Disnaker') });
  });

  it('refuses a kelurahan outside the chosen kecamatan, and a bad NIB, with 400 listing fields', async () => {
    const res = await w.agents.member.post(
      '/api/companies',
      companyInput({ districtCode: '36.71.04', villageCode: '36.71.01.1001' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([
      { path: 'villageCode', code: 'region.village.invalid', message: expect.stringContaining('Karawaci') },
    ]);
    const nib = await w.agents.member.post('/api/companies', companyInput({ nib: '123', sector: 'tambang' }));
    expect(nib.status).toBe(400);
    expect(nib.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['nib', 'sector']);
  });

  it('lets a member edit the profile, and renames it in their company list', async () => {
    const res = await w.agents.member.patch(
      `/api/companies/${w.companyA}`,
      companyInput({ name: 'PT Maju Jaya Abadi', nib: '1234567890123' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'PT Maju Jaya Abadi', nib: '1234567890123' });
    // The members' copies of the name follow through the stream (company-renamed).
    await w.settle();
    const me = await w.agents.member.get('/api/me');
    expect(me.body.companies).toContainEqual({
      companyId: w.companyA,
      companyName: 'PT Maju Jaya Abadi',
      role: 'owner',
    });
  });

  it('lets an officer verify a company; the answer names no officer', async () => {
    const res = await w.agents.officer.post(`/api/companies/${w.companyB}/verify`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.companyB, status: 'verified', verifiedAt: expect.any(String) });
    expect(res.body).not.toHaveProperty('verifiedBy');
    const pub = await w.agents.anonymous.get(`/api/companies/${w.companyB}`);
    expect(pub.body.company.status).toBe('verified');
    expect(pub.body.company).not.toHaveProperty('verifiedBy');
    expect(pub.body.company).not.toHaveProperty('createdBy');
  });

  it('shows members their vacancies with counts per status', async () => {
    const res = await w.agents.member.get(`/api/companies/${w.companyA}/vacancies`);
    expect(res.status).toBe(200);
    const statuses = res.body.vacancies.map((v: { id: string; effectiveStatus: string }) => [v.id, v.effectiveStatus]);
    expect(statuses).toContainEqual([w.openVacancy, 'open']);
    expect(statuses).toContainEqual([w.draftVacancy, 'draft']);
    const counted = { draft: 0, review: 0, open: 0, closed: 0 } as Record<string, number>;
    for (const [, s] of statuses) counted[s] = (counted[s] ?? 0) + 1;
    expect(res.body.counts).toEqual(counted);
  });
});

describe('vacancies', () => {
  it('creates a draft by default and an open vacancy with publish: true', async () => {
    const draft = await postVacancy({ title: 'Admin Gudang' });
    expect(draft.status).toBe('draft');
    const open = await postVacancy({ title: 'Kasir', publish: true });
    expect(open).toMatchObject({ status: 'open', companyId: w.companyA, regencyCode: '36.71', version: 1 });
    const page = await browse('?limit=50');
    expect(ids(page)).toContain(open.id);
    expect(ids(page)).not.toContain(draft.id);
  });

  it('refuses an invalid vacancy with 400 listing fields', async () => {
    const res = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ title: 'AB', districtCode: '36.71.99', openings: 0, salaryMin: 6_000_000, salaryMax: 5_000_000 }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    // Every problem in one answer: the kecamatan (checked against the regency) too.
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'districtCode',
      'openings',
      'salaryMax',
      'title',
    ]);
    const place = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ districtCode: '36.71.99' }),
    );
    expect(place.status).toBe(400);
    expect(place.body.details.fields).toEqual([
      { path: 'districtCode', code: 'region.district.invalid', message: expect.any(String) },
    ]);
    const past = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ closingDate: daysFromToday(-1), publish: true }),
    );
    expect(past.status).toBe(400);
    expect(past.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['closingDate']);
  });

  it('answers one 400 with the field errors and the warnings to confirm; confirmed, it publishes', async () => {
    const post = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
      w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, vacancyInput(fields), { headers });
    // Part-time below the UMK, closing in 8 months, 2,000 openings: all plausible, each to confirm.
    const doubtful = {
      publish: true,
      title: 'Kasir Akhir Pekan',
      type: 'part_time',
      salaryMin: 1_000_000,
      salaryMax: 1_500_000,
      closingDate: daysFromToday(250),
      openings: 2000,
    };
    const res = await post({ ...doubtful, title: 'AB' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
    expect(res.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['title']);
    expect(res.body.details.warnings.map((x: { code: string }) => x.code)).toEqual([
      'below_umk',
      'far_closing',
      'many_openings',
    ]);
    expect(res.body.details.warnings[0].message).toMatch(/^Gaji di bawah UMK Kota Tangerang \d{4} \(Rp\d/);
    const one = await post({ ...doubtful, confirm: ['below_umk'] }, { 'accept-language': 'en' });
    expect(one.status).toBe(400);
    expect(one.body).toMatchObject({
      code: 'vacancy.confirm_required',
      details: {
        warnings: [
          { code: 'below_umk', confirmed: true },
          { code: 'far_closing', confirmed: false, message: expect.stringContaining('more than 6 months') },
          { code: 'many_openings', confirmed: false },
        ],
      },
    });
    expect(one.body.details.fields).toBeUndefined();
    // Published as a contract at the UMK or above (a part-time one would join the browse tests' part-time list).
    const contract = { type: 'contract', salaryMin: 5_500_000, salaryMax: 6_000_000 };
    const stillAsked = await post({ ...doubtful, ...contract, confirm: ['far_closing'] });
    expect(stillAsked.body.details.warnings).toEqual([
      { code: 'far_closing', confirmed: true, message: expect.any(String) },
      { code: 'many_openings', confirmed: false, message: expect.any(String) },
    ]);
    const ok = await post({ ...doubtful, ...contract, confirm: ['far_closing', 'many_openings'] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'open', openings: 2000, applyInBursa: true });
  });

  it('refuses a full-time salary below the UMK, naming it, and a vacancy with no way to apply', async () => {
    const low = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ publish: true, salaryMin: 3_000_000, salaryMax: 4_000_000 }),
    );
    expect(low.status).toBe(400);
    expect(low.body.details.fields).toEqual([
      {
        path: 'salaryMax',
        code: 'vacancy.salary.below_umk',
        message: expect.stringMatching(/UMK Kota Tangerang \d{4}/),
      },
    ]);
    const nowhere = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ publish: true, applyInBursa: false }),
    );
    expect(nowhere.body.details.fields.map((f: { code: string }) => f.code)).toEqual(['vacancy.apply.none']);
    const byWhatsApp = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ publish: true, applyInBursa: false, contactPhone: '0812 7777 8888' }),
    );
    expect(byWhatsApp.status).toBe(201);
    expect(byWhatsApp.body).toMatchObject({ applyInBursa: false, contactPhone: '+6281277778888' });
  });

  it('saves a draft with only a title', async () => {
    const res = await w.agents.member.post(`/api/companies/${w.companyA}/vacancies`, { title: 'Staf Gudang Malam' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', title: 'Staf Gudang Malam' });
    expect(res.body.description).toBeUndefined();
  });

  it('publishes a draft with PATCH publish: true, keeping it hidden until then', async () => {
    const draft = await postVacancy({ title: 'Teknisi Listrik' });
    expect((await w.agents.anonymous.get(`/api/vacancies/${draft.id}`)).status).toBe(404);
    const res = await w.agents.member.patch(
      `/api/vacancies/${draft.id}`,
      vacancyInput({ title: 'Teknisi Listrik', publish: true }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', version: 2, publishedAt: expect.any(String) });
    const pub = await w.agents.anonymous.get(`/api/vacancies/${draft.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.vacancy.title).toBe('Teknisi Listrik');
    expect(ids(await browse('?limit=50'))).toContain(draft.id);
  });

  it('closing takes a vacancy off the list; it stays readable, closed, and can no longer be edited', async () => {
    const v = await postVacancy({ title: 'Sopir Ekspedisi', publish: true });
    expect(ids(await browse('?limit=50'))).toContain(v.id);
    // No body at all: the company must say how it ended, and is told so on the field.
    const bare = await w.agents.member.request('POST', `/api/vacancies/${v.id}/close`);
    expect(bare.status).toBe(400);
    expect(bare.body.details.fields).toEqual([
      expect.objectContaining({ path: 'outcome', code: 'vacancy.outcome.required' }),
    ]);
    const res = await w.agents.member.post(`/api/vacancies/${v.id}/close`, { outcome: 'filled_elsewhere' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closedBy: 'company', closedOutcome: 'filled_elsewhere' });
    expect(ids(await browse('?limit=50'))).not.toContain(v.id);
    const pub = await w.agents.anonymous.get(`/api/vacancies/${v.id}`);
    expect(pub.body.vacancy.status).toBe('closed');
    const edit = await w.agents.member.patch(`/api/vacancies/${v.id}`, vacancyInput());
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('vacancy.closed');
  });

  it('reopens a vacancy the company closed, until its closing date; one an officer closed stays closed', async () => {
    const v = await postVacancy({ title: 'Kurir Motor', publish: true });
    await w.agents.member.post(`/api/vacancies/${v.id}/close`, { outcome: 'cancelled' });
    const res = await w.agents.member.post(`/api/vacancies/${v.id}/reopen`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('open');
    expect(res.body.closedOutcome).toBeUndefined();
    await w.settle();
    expect(ids(await browse('?limit=50'))).toContain(v.id);
    const twice = await w.agents.member.post(`/api/vacancies/${v.id}/reopen`);
    expect([twice.status, twice.body.code]).toEqual([409, 'vacancy.reopen.not_closed']);
    await w.agents.officer.post(`/api/vacancies/${v.id}/close`, { reason: 'Iklan menyesatkan.' });
    const afterOfficer = await w.agents.member.post(`/api/vacancies/${v.id}/reopen`);
    expect([afterOfficer.status, afterOfficer.body.code]).toEqual([409, 'vacancy.reopen.officer_closed']);
  });

  it('refuses a malformed close body with 400', async () => {
    const v = await postVacancy({ publish: true });
    const res = await w.agents.member.request('POST', `/api/vacancies/${v.id}/close`, { raw: '{reason:' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.malformed');
  });
});

describe('GET /api/vacancies (browse)', () => {
  let karawaci: string;
  let s1: string;
  let partTime: string;
  beforeAll(async () => {
    karawaci = (await postVacancy({ title: 'Perawat Klinik', districtCode: '36.71.04', publish: true })).id;
    s1 = (await postVacancy({ title: 'Akuntan', minEducation: 'S1', publish: true })).id;
    partTime = (await postVacancy({ title: 'Barista', type: 'part_time', minEducation: 'SMP', publish: true })).id;
  });

  it('is public and cacheable for 30 seconds, newest first', async () => {
    await w.settle();
    const res = await w.agents.anonymous.get('/api/vacancies');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    const list = ids(res.body);
    expect(list.indexOf(partTime)).toBeLessThan(list.indexOf(s1));
    expect(list.indexOf(s1)).toBeLessThan(list.indexOf(karawaci));
  });

  it('filters by kecamatan, type and education', async () => {
    const tangerang = ids(await browse('?districtCode=36.71.01&limit=50'));
    expect(tangerang).toContain(s1);
    expect(tangerang).not.toContain(karawaci);
    expect(ids(await browse('?districtCode=36.71.04'))).toEqual([karawaci]);
    expect(ids(await browse('?type=part_time'))).toEqual([partTime]);
    // A seeker with SMA qualifies for SMA and SMP vacancies, not for S1 ones.
    const sma = ids(await browse('?education=SMA&limit=50'));
    expect(sma).toContain(partTime);
    expect(sma).not.toContain(s1);
    expect(ids(await browse('?type=part_time&education=SMP&districtCode=36.71.01'))).toEqual([partTime]);
  });

  it('pages with limit and cursor', async () => {
    const first = await browse('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await browse(`?limit=2&cursor=${first.cursor}`);
    expect(second.items.length).toBeGreaterThan(0);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('answers bad filters with 400', async () => {
    const type = await w.agents.anonymous.get('/api/vacancies?type=freelance&limit=500');
    expect(type.status).toBe(400);
    expect(type.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['limit', 'type']);
    const cursor = await w.agents.anonymous.get('/api/vacancies?cursor=bm9wZQ');
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('request.invalid_cursor');
  });
});

describe('unknown ids', () => {
  const missing = newId();
  it.each([
    ['GET', '/api/companies/:missing', 'anonymous', 'company.not_found'],
    ['GET', '/api/companies/not-an-id', 'anonymous', 'company.not_found'],
    ['POST', '/api/companies/:missing/verify', 'officer', 'company.not_found'],
    ['GET', '/api/vacancies/:missing', 'anonymous', 'vacancy.not_found'],
    ['GET', '/api/vacancies/not-an-id', 'officer', 'vacancy.not_found'],
    ['PATCH', '/api/vacancies/:missing', 'member', 'vacancy.not_found'],
    ['POST', '/api/vacancies/:missing/close', 'member', 'vacancy.not_found'],
    ['POST', '/api/vacancies/:missing/close', 'officer', 'vacancy.not_found'],
  ] as const)('%s %s as %s → 404 %s', async (method, template, role, code) => {
    const path = template.replace(':missing', missing);
    const res = await w.agents[role].request(method, path, method === 'PATCH' ? { json: vacancyInput() } : {});
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(code);
  });

  it('editing or posting to an unknown company is 404, for members of other companies too', async () => {
    const edit = await w.agents.member.patch(`/api/companies/${missing}`, companyInput());
    expect(edit.status).toBe(404);
    expect(edit.body.code).toBe('company.not_found');
    const post = await w.agents.member.post(`/api/companies/${missing}/vacancies`, vacancyInput());
    expect(post.status).toBe(404);
    expect(post.body.code).toBe('company.not_found');
  });

  it('PATCH keeps the fields it leaves out', async () => {
    const before = await w.agents.anonymous.get(`/api/vacancies/${w.openVacancy}`);
    const res = await w.agents.member.patch(`/api/vacancies/${w.openVacancy}`, { title: 'Judul Baru Saja' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Judul Baru Saja',
      description: before.body.vacancy.description,
      openings: before.body.vacancy.openings,
    });
    const company = await w.agents.member.patch(`/api/companies/${w.companyA}`, { description: 'Profil baru.' });
    expect(company.status).toBe(200);
    expect(company.body.description).toBe('Profil baru.');
    expect(company.body.address.length).toBeGreaterThan(4);
  });
});

describe('malformed JSON', () => {
  it.each([
    ['POST', '/api/companies'],
    ['PATCH', '/api/companies/:a'],
    ['POST', '/api/companies/:a/vacancies'],
    ['PATCH', '/api/vacancies/:open'],
  ])('%s %s → 400 request.malformed', async (method, template) => {
    const path = template.replace(':a', w.companyA).replace(':open', w.openVacancy);
    const res = await w.agents.member.request(method, path, { raw: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.malformed');
  });

  it('a JSON body that is not an object is a validation error, not a crash', async () => {
    const res = await w.agents.member.request('POST', '/api/companies', { raw: '[1,2]' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.invalid');
  });
});

it('never sent a password hash, or an officer’s id to anyone else', () => {
  const { officer, ...others } = w.agents;
  const seenByOthers = Object.values(others)
    .flatMap((a) => a.responseTexts)
    .join('\n');
  expect(seenByOthers).toContain(w.companyB); // the verified company was read...
  expect(seenByOthers).not.toContain(officer.userId); // ...without naming who verified it
  const all = allResponseTexts.join('\n');
  expect(all).not.toContain('passwordHash');
  expect(all).not.toContain('verifiedBy');
});
