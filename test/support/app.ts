/// <reference path="../../scripts/types/s3rver.d.ts" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@bursa/core/kernel';
import { processUpload } from '@bursa/functions/images/process';
import { createSearchHandler } from '@bursa/functions/search/search';
import { startLambdaLocal } from '../../scripts/local/lambda-local.ts';
import { startS3Local } from '../../scripts/local/s3-local.ts';
import { startAppServer } from '../../scripts/local/server.ts';
import { startStripeLocal } from '../../scripts/local/stripe-local.ts';
import { seedAll } from '../../scripts/seed/index.ts';
import { createTestDb } from './db.ts';
import { startProjections } from './projections.ts';

/**
 * The real app (built web + API) on a free port, over this file's own
 * seeded table on the run's DynamoDB Local.
 */
export async function startTestApp() {
  const db = await createTestDb();
  // A local S3 for uploads (CVs), as npm start has: the app reads S3_ENDPOINT on its first request.
  const s3 = await startS3Local({
    directory: mkdtempSync(path.join(tmpdir(), 'bursa-s3-')),
    buckets: ['bursa-media-test'],
  });
  // Card payments against the Stripe stand-in, its webhooks to this app.
  const stripe = await startStripeLocal({ webhookUrl: () => `${process.env.SITE_URL}/api/stripe/webhook` });
  Object.assign(process.env, {
    S3_ENDPOINT: s3.endpoint,
    MEDIA_BUCKET: 'bursa-media-test',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_URL: stripe.url,
    // The browser flows have a new, unverified company publish at once: holding its vacancies for
    // review (on by default) is tested in core (vacancy.review.test.ts); money phrases still hold here.
    HOLD_UNVERIFIED_VACANCIES: 'false',
  });
  // The image function runs in-process on every upload, as the bucket's event runs it in AWS.
  s3.onObjectCreated((key) => processUpload(loadConfig(), db, key));
  const projections = await startProjections(db);
  // The browser tests look at pages, not volumes: a smaller demo seeds (and projects) far sooner, and the
  // dashboard's backdated year (tested in scripts/seed/outcomes.test.ts) is left out.
  await seedAll(db, '36.71', { small: true, history: false });
  await projections.settle(60_000);
  // The search function behind the Invoke stand-in, as npm start has it (its indexes build from the table on
  // the first search; snapshots are tested in packages/core/src/search/search.test.ts).
  const search = createSearchHandler(loadConfig(), db);
  const lambdas = await startLambdaLocal({ 'bursa-search-test': search });
  Object.assign(process.env, { SEARCH_FUNCTION_NAME: 'bursa-search-test', LAMBDA_ENDPOINT: lambdas.endpoint });
  const app = await startAppServer(0);
  process.env.SITE_URL = app.url;
  return {
    db,
    url: app.url,
    stripe,
    /** The search function (compaction: `search({ action: 'compact' })`). */
    search,
    /** Waits until the stream projections (the browse listing, name copies) have caught up with every write. */
    settle: async () => {
      await s3.settle();
      await projections.settle();
    },
    /** Waits until every uploaded photo has been processed. */
    settleUploads: () => s3.settle(),
    stop: async () => {
      await app.stop();
      await projections.stop();
      await lambdas.stop();
      await s3.stop();
      await stripe.stop();
    },
  };
}
