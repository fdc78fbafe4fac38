import * as Account from '@bursa/core/account';
import * as Company from '@bursa/core/company';
import type { Db } from '@bursa/core/db';
import { type Actor, type Ctx, loadConfig, todayInJakarta } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import * as Vacancy from '@bursa/core/vacancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaLocal, startLambdaLocal } from '../../../scripts/local/lambda-local.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { startProjections } from '../../../test/support/projections.ts';
import { browseSearch, browseVacancies, readBrowseQuery } from './browse.ts';

/**
 * /lowongan's results: search serves them with their count; when the search
 * function fails, the listing does, naming the filters it could not apply.
 */
let db: Db;
let lambdas: LambdaLocal;
let projections: Awaited<ReturnType<typeof startProjections>>;
let searching: Ctx;
let failing: Ctx;
const ids: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  projections = await startProjections(db);
  lambdas = await startLambdaLocal({
    broken: async () => {
      throw new Error('out of memory');
    },
  });
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName, HOLD_UNVERIFIED_VACANCIES: 'false' });
  searching = { db, config: { ...config, searchFunction: undefined }, actor: undefined };
  failing = {
    db,
    config: { ...config, searchFunction: 'broken', lambdaEndpoint: lambdas.endpoint },
    actor: undefined,
  };
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      { code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] },
      { code: '36.71.04', name: 'Karawaci', villages: [{ code: '36.71.04.1001', name: 'Bugel' }] },
    ],
  });
  const r = await Account.register(searching, { name: 'Dewi', email: 'dewi@toko-maju.co.id', password: 'rahasia123' });
  const owner: Actor = { userId: r.user.id, name: 'Dewi', roles: ['resident'] };
  const company = await Company.create(
    { ...searching, actor: owner },
    {
      name: 'CV Toko Maju',
      sector: 'perdagangan',
      address: 'Jl. Merdeka 1',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
    },
  );
  const post = async (title: string, extra: Record<string, unknown>) =>
    ids.push(
      (
        await Vacancy.create(
          { ...searching, actor: owner },
          {
            companyId: company.id,
            title,
            description: 'Melayani pembeli dan menata barang di toko, shift pagi.',
            // An apprenticeship: exempt from the minimum-wage checks, whatever the salary.
            type: 'apprenticeship',
            minEducation: 'SMA',
            openings: 1,
            publish: true,
            ...extra,
          },
        )
      ).id,
    );
  const day = (n: number) => todayInJakarta(Date.now() + n * 86_400_000);
  await post('Pramuniaga Sukarasa', {
    districtCode: '36.71.01',
    villageCode: '36.71.01.1001',
    closingDate: day(30),
    salaryMax: 4_500_000,
  });
  await post('Kasir Tangerang', { districtCode: '36.71.01', closingDate: day(5) });
  await post('Kasir Karawaci', {
    districtCode: '36.71.04',
    villageCode: '36.71.04.1001',
    closingDate: day(9),
    salaryMin: 5_000_000,
  });
  await projections.settle();
});
afterAll(async () => {
  await projections?.stop();
  await lambdas?.stop();
});

describe('/lowongan results', () => {
  it('come from search with every filter, the order and a count', async () => {
    const { query } = readBrowseQuery(new URLSearchParams('kelurahan=36.71.01.1001&gaji=4.000.000'));
    const r = await browseVacancies(searching, query);
    expect(r).toMatchObject({ count: 1, unapplied: [] });
    expect(r.items.map((v) => v.id)).toEqual([ids[0]]);
    const closing = await browseVacancies(searching, readBrowseQuery(new URLSearchParams('urut=closing')).query);
    expect(closing.items.map((v) => v.title)).toEqual(['Kasir Tangerang', 'Kasir Karawaci', 'Pramuniaga Sukarasa']);
    expect(closing.count).toBe(3);
  });

  it('come from the listing when the search function fails: the kelurahan’s kecamatan, no count, the filters left out named', async () => {
    const { query } = readBrowseQuery(new URLSearchParams('kelurahan=36.71.01.1001&gaji=4000000&urut=closing'));
    const r = await browseVacancies(failing, query);
    expect(r.count).toBeUndefined();
    expect(r.unapplied).toEqual(['kelurahan', 'gaji', 'urut']);
    // Newest first in Kec. Tangerang (the kelurahan's kecamatan), the other filters not applied.
    expect(r.items.map((v) => v.title)).toEqual(['Kasir Tangerang', 'Pramuniaga Sukarasa']);
    // Newest first is the listing's own order: nothing left out.
    expect((await browseVacancies(failing, { sort: 'newest' })).unapplied).toEqual([]);
  });

  it('a listing page goes on in the listing, with its cursor, even when search is back', async () => {
    const first = await browseVacancies(failing, { limit: '1' });
    expect(first.cursor).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const second = await browseVacancies(searching, { limit: '1', cursor: first.cursor as string });
    expect(second.count).toBeUndefined();
    expect(second.items.map((v) => v.title)).toEqual(['Kasir Tangerang']);
  });

  it('a kelurahan outside the chosen kecamatan is a validation error on its field, whichever serves the page', async () => {
    const { query } = readBrowseQuery(new URLSearchParams('kecamatan=36.71.04&kelurahan=36.71.01.1001'));
    for (const ctx of [searching, failing])
      await expect(browseVacancies(ctx, query)).rejects.toMatchObject({
        kind: 'validation',
        details: { fields: [{ path: 'villageCode', code: 'search.village.outside' }] },
      });
  });

  it('links to the next page keep every filter and the order', () => {
    const { filters } = readBrowseQuery(
      new URLSearchParams(
        'q=kasir&kecamatan=36.71.01&kelurahan=36.71.01.1001&jenis=part_time&pendidikan=SMA&gaji=4000000&urut=closing',
      ),
    );
    expect(browseSearch(filters, '20')).toBe(
      '?q=kasir&kecamatan=36.71.01&kelurahan=36.71.01.1001&jenis=part_time&pendidikan=SMA&gaji=4000000&urut=closing&lanjut=20',
    );
  });
});
