import path from 'node:path';
import { createDb, ensureTable } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { createStreamHandler } from '@bursa/functions/events/stream';
import { processUpload } from '@bursa/functions/images/process';
import { expireOrders, remindInterviews } from '@bursa/functions/jobs/expire';
import { createSearchHandler } from '@bursa/functions/search/search';
import type { DynamoDBRecord } from 'aws-lambda';
import { runMigrations } from '../migrations.ts';
import { seedAll } from '../seed/index.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { startLambdaLocal } from './lambda-local.ts';
import { assertPortFree } from './ports.ts';
import { type S3Local, startS3Local } from './s3-local.ts';
import { startAppServer } from './server.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';
import { type StripeLocal, startStripeLocal } from './stripe-local.ts';

/** The search function's name under the local Invoke stand-in. */
export const SEARCH_FUNCTION = 'bursa-search-local';

export type StackOptions = {
  /** App port; 0 picks a free one. */
  port: number;
  /** DynamoDB Local and S3 ports; undefined picks free ones. */
  dynamodbPort?: number;
  s3Port?: number;
  /** Where data survives restarts; undefined keeps DynamoDB in memory and S3 in a temp dir. */
  dataDir?: string;
  tableName: string;
  mediaBucket: string;
  seed: boolean;
  /** Sees every stream batch once its projections ran (the bench's write pricing). */
  onStreamHandled?: (records: DynamoDBRecord[]) => void;
  /**
   * Run the scheduled jobs every minute (default). The bench turns them off: their DynamoDB
   * calls would count against whichever route it is measuring at that minute.
   */
  scheduledJobs?: boolean;
};

export type RunningStack = {
  url: string;
  dynamodb: DynamoDbLocal;
  s3: S3Local;
  projections: StreamPoller;
  stripe: StripeLocal;
  stop: () => Promise<void>;
};

/**
 * The whole product on this machine: DynamoDB Local, a local S3, the table
 * and bucket, reference and demo data, and web + API on one port. Used by
 * `npm start`, the benchmark and the browser tests alike.
 */
export async function startStack(o: StackOptions): Promise<RunningStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    // Fail fast, before starting anything, if the app's port is taken.
    if (o.port !== 0) await assertPortFree(o.port, 'PORT');
    const dynamodb = await startDynamoDbLocal({
      ...(o.dynamodbPort ? { port: o.dynamodbPort } : {}),
      ...(o.dataDir ? { dataDir: path.join(o.dataDir, 'dynamodb') } : {}),
    });
    stops.push(dynamodb.stop);
    const s3 = await startS3Local({
      ...(o.s3Port ? { port: o.s3Port } : {}),
      directory: o.dataDir
        ? path.join(o.dataDir, 's3')
        : path.join(process.env.TMPDIR ?? '/tmp', `bursa-s3-${process.pid}`),
      buckets: [o.mediaBucket],
    });
    stops.push(s3.stop);
    // Card payments against the Stripe stand-in; its webhooks go to this app's /api/stripe/webhook.
    const stripe = await startStripeLocal({ webhookUrl: () => `${process.env.SITE_URL}/api/stripe/webhook` });
    stops.push(stripe.stop);

    // The app reads its settings from the environment, exactly as in Lambda.
    Object.assign(process.env, {
      TABLE_NAME: o.tableName,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      MEDIA_BUCKET: o.mediaBucket,
      S3_ENDPOINT: s3.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-3',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_URL: stripe.url,
      // Emails are written here instead of sent (read them in .data/outbox).
      MAIL_OUTBOX:
        process.env.MAIL_OUTBOX ??
        path.join(o.dataDir ?? path.join(process.env.TMPDIR ?? '/tmp', `bursa-${process.pid}`), 'outbox'),
    });
    const config = loadConfig();
    const db = createDb(config);
    await ensureTable(db, config.tableName);
    // The stream consumer, as the event source mapping runs it in AWS: projections follow every write.
    const projections = await startStreamPoller({
      endpoint: dynamodb.endpoint,
      region: config.region,
      tableName: config.tableName,
      handler: createStreamHandler({ config, db }),
      ...(o.dataDir ? { checkpointFile: path.join(o.dataDir, 'stream-checkpoints.json') } : {}),
      ...(o.onStreamHandled ? { onHandled: o.onStreamHandled } : {}),
    });
    stops.push(projections.stop);
    // A table kept from an older Bursa (npm start's .data) gets the data migrations it has not had.
    if (o.dataDir) await runMigrations(db, (line) => console.log(line));
    if (o.seed) {
      // The demo photos go through the image function as the seed uploads them.
      await seedAll(db, config.homeRegency, { photos: true });
      await projections.settle(60_000);
    }
    // The search function behind a stand-in of Lambda's Invoke API; the first snapshots now, then on the jobs' beat.
    const search = createSearchHandler(config, db);
    await search({ action: 'compact' });
    const lambdas = await startLambdaLocal({ [SEARCH_FUNCTION]: search });
    stops.push(lambdas.stop);
    Object.assign(process.env, { SEARCH_FUNCTION_NAME: SEARCH_FUNCTION, LAMBDA_ENDPOINT: lambdas.endpoint });
    // From here on, the image function runs on every upload, as the bucket's event notification runs it in AWS.
    s3.onObjectCreated((key) => processUpload(config, db, key));

    if (o.port !== 0 && !process.env.SITE_URL) process.env.SITE_URL = `http://localhost:${o.port}`;
    const app = await startAppServer(o.port);
    stops.push(app.stop);
    if (o.port === 0 && !process.env.SITE_URL) process.env.SITE_URL = app.url;
    // The scheduled jobs (EventBridge every 15 minutes in AWS): every minute here.
    if (o.scheduledJobs !== false) {
      const jobs = setInterval(() => {
        expireOrders(config, db).catch((e) => console.error('expire-orders:', (e as Error).message));
        remindInterviews(config, db).catch((e) => console.error('remind-interviews:', (e as Error).message));
        search({ action: 'compact' }).catch((e) => console.error('search-compact:', (e as Error).message));
      }, 60_000);
      stops.push(async () => clearInterval(jobs));
    }
    return { url: app.url, dynamodb, s3, projections, stripe, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
