import { createDb, ensureTable } from '@bursa/core/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../scripts/local/dynamodb-local.ts';
import { startAppServer } from '../../scripts/local/server.ts';
import { seedAll } from '../../scripts/seed/index.ts';

/**
 * Outages: with DynamoDB paused (its JVM stopped) or gone, requests fail fast
 * with 503 and a code or a short page, health says degraded, and everything
 * recovers when the database is back. Uses its own DynamoDB Local.
 */
let ddb: DynamoDbLocal;
let app: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  const tableName = 'outage';
  // The deployed timeouts (2 s a request), not the test run's patient ones: this file measures failing fast.
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: ddb.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'ap-southeast-3',
    DYNAMODB_TIMEOUT_MS: '2000',
  });
  const db = createDb({ region: 'ap-southeast-3', dynamodbEndpoint: ddb.endpoint, tableName });
  await ensureTable(db, tableName);
  // A served demo is all this file needs: the small one, without the dashboard's backdated year.
  await seedAll(db, '36.71', { small: true, history: false });
  app = await startAppServer(0);
  process.env.SITE_URL = app.url;
}, 120_000);

afterAll(async () => {
  if (ddb?.pid) {
    try {
      process.kill(ddb.pid, 'SIGCONT');
    } catch {
      // already gone
    }
  }
  await app?.stop();
  await ddb?.stop();
});

const timed = async (path: string) => {
  const started = Date.now();
  const res = await fetch(`${app.url}${path}`, { signal: AbortSignal.timeout(30_000) });
  return { res, seconds: (Date.now() - started) / 1000, text: await res.text() };
};

describe('when DynamoDB does not answer', () => {
  it('works while the database is up', async () => {
    expect((await timed('/api/health')).res.status).toBe(200);
    expect((await timed('/lowongan')).res.status).toBe(200);
  });

  it('answers 503 within seconds while it is paused: health degraded, the API with a code, pages with a short page', async () => {
    process.kill(ddb.pid as number, 'SIGSTOP');
    try {
      // All at once: each waits out the client's timeouts (about 6 s), not one after the other.
      const [health, api, page, en] = await Promise.all([
        timed('/api/health'),
        timed('/api/vacancies'),
        timed('/lowongan'),
        timed('/en/lowongan'),
      ]);
      expect(health.res.status).toBe(503);
      expect(JSON.parse(health.text)).toMatchObject({ status: 'degraded', checks: { dynamodb: 'error' } });
      expect(health.seconds).toBeLessThan(20);

      expect(api.res.status).toBe(503);
      expect(JSON.parse(api.text)).toMatchObject({ code: 'service.unavailable', message: expect.any(String) });
      expect(api.res.headers.get('retry-after')).toBe('5');

      expect(page.res.status).toBe(503);
      expect(page.res.headers.get('retry-after')).toBe('5');
      expect(page.text).toContain('Sedang tidak dapat dibuka');
      expect(en.text).toContain('Temporarily unavailable');
    } finally {
      process.kill(ddb.pid as number, 'SIGCONT');
    }
  }, 120_000);

  it('recovers as soon as the database answers again', async () => {
    expect((await timed('/api/health')).res.status).toBe(200);
    expect((await timed('/lowongan')).res.status).toBe(200);
  });
});
