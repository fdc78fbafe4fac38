import { loadConfig } from '@bursa/core/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaLocal, startLambdaLocal } from '../../../scripts/local/lambda-local.ts';
import { createSearchHandler } from '../search/search.ts';
import { createApi } from './app.ts';
import { Agent, createWorld, vacancyInput, type World } from './test-support.ts';

/**
 * GET /api/search: what a client that is not a page gets, and its errors in
 * the asker's language. The API asks the search function through Lambda's
 * Invoke API (the local stand-in), as it does in AWS.
 */
let w: World;
let lambdas: LambdaLocal;
let searcher: Agent;
beforeAll(async () => {
  w = await createWorld();
  const config = loadConfig({ ...process.env, TABLE_NAME: w.db.tableName });
  lambdas = await startLambdaLocal({ 'bursa-search-api': createSearchHandler(config, w.db) });
  const api = createApi({
    config: loadConfig({
      ...process.env,
      TABLE_NAME: w.db.tableName,
      SEARCH_FUNCTION_NAME: 'bursa-search-api',
      LAMBDA_ENDPOINT: lambdas.endpoint,
    }),
    db: w.db,
  });
  searcher = new Agent(api, 'Pencari');
});
afterAll(async () => {
  await lambdas?.stop();
  await w?.stop();
});

describe('GET /api/search', () => {
  it('finds an open vacancy by a derived word, with counts and facets, cacheable briefly at the edge', async () => {
    const created = await w.agents.member.post(
      `/api/companies/${w.companyA}/vacancies`,
      vacancyInput({ title: 'Penjahit Seragam Sekolah', publish: true }),
    );
    expect(created.status).toBe(201);
    await w.settle();
    const res = await searcher.get('/api/search?q=menjahit&tab=vacancies');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('s-maxage=15');
    expect(res.body.counts.vacancies).toBe(1);
    expect(res.body.vacancies[0]).toMatchObject({ id: created.body.id, title: 'Penjahit Seragam Sekolah' });
    expect(res.body.vacancies[0].text).toBeUndefined();
    expect(Object.keys(res.body.facets).sort()).toEqual(['districtCode', 'education', 'type']);
  });

  it('a wrong field is a 400 with a stable code and a message in the asker’s language', async () => {
    const id = await searcher.get(`/api/search?q=${'a'.repeat(101)}`);
    expect(id.status).toBe(400);
    expect(id.body.details.fields[0]).toMatchObject({ path: 'q', code: 'search.q.max' });
    expect(id.body.details.fields[0].message).toBe('Kata pencarian maksimal 100 huruf.');
    const en = await searcher.get('/api/search?tab=everything', { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(400);
    expect(en.body.details.fields[0]).toMatchObject({ path: 'tab', message: 'Choose vacancies, products or shops.' });
  });
});
