import * as z from 'zod';
import { parseInput } from './validation.ts';

/**
 * Every setting Bursa reads from the environment, validated once. Defaults are
 * the local ones `npm start` uses, so a newcomer needs no .env file; a deployed
 * stage sets each of these from infra (see README, "Environment variables").
 */
const configSchema = z.object({
  STAGE: z.string().min(1).default('local'),
  AWS_REGION: z.string().min(1).default('ap-southeast-3'),
  TABLE_NAME: z.string().min(3).default('bursa-local'),
  /** Set only locally: the DynamoDB Local endpoint. Unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /**
   * How long one DynamoDB request may take before it is retried (3 attempts, then 503).
   * 2 s in AWS; the test run sets more, since one DynamoDB Local serves two busy test workers.
   */
  DYNAMODB_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  MEDIA_BUCKET: z.string().min(3).default('bursa-media-local'),
  /** Set only locally: the s3rver endpoint. Unset in AWS. */
  S3_ENDPOINT: z.url().optional(),
  /** Public origin used for canonical and Open Graph URLs (never the request host). */
  SITE_URL: z.url().default('http://localhost:4321'),
  /** In AWS: the Secrets Manager secret whose value CloudFront sends in ORIGIN_HEADER (@bursa/http origin-secret.ts). */
  ORIGIN_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** A fixed origin secret instead (tests; hosting without Secrets Manager). Never set by infra. */
  ORIGIN_SECRET: z.string().min(16).optional(),
  /** Locally: a folder where emails are written instead of sent (npm start: .data/outbox). Unset in AWS: SES sends them. */
  MAIL_OUTBOX: z.string().min(1).optional(),
  /** The sender of Bursa's emails (a verified SES identity in AWS). */
  MAIL_FROM: z.string().min(3).default('Bursa <no-reply@bursa.local>'),
  /** Tests only: a stand-in SES endpoint. Unset in AWS. */
  SES_ENDPOINT: z.url().optional(),
  /** The regency/city this deployment serves (official code): Kota Tangerang by default. */
  HOME_REGENCY: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'format 36.71')
    .default('36.71'),
  /**
   * Card payments (Stripe Checkout) are off unless one of these is set. In AWS:
   * the Secrets Manager secret holding `{"secretKey": "sk_…", "webhookSecret": "whsec_…"}`
   * (infra's `stripeSecretArn`). Locally and in tests: the keys themselves, for the Stripe stand-in.
   */
  STRIPE_SECRET_ARN: z.string().startsWith('arn:').optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Set only locally: the Stripe stand-in (scripts/local/stripe-local.ts). Unset in AWS: the real api.stripe.com. */
  STRIPE_API_URL: z.url().optional(),
  /**
   * The search function (functions/src/search) pages and the API ask. Unset: they search in
   * their own process (the search function itself, and unit tests). The web and API Lambda
   * bundles carry no search engine (web/adapter/remote-search-only.ts): they need it set.
   */
  SEARCH_FUNCTION_NAME: z.string().min(1).optional(),
  /** Set only locally: the stand-in for Lambda's Invoke API (scripts/local/lambda-local.ts). Unset in AWS. */
  LAMBDA_ENDPOINT: z.url().optional(),
  /**
   * Vacancies from companies Disnaker has not verified wait for an officer's review before
   * they are listed (vacancy.review.ts). On unless set to `false` (or `0`/`off`).
   */
  HOLD_UNVERIFIED_VACANCIES: z
    .enum(['true', 'false', '1', '0', 'on', 'off'], 'true or false')
    .default('true')
    .transform((v) => v === 'true' || v === '1' || v === 'on'),
});

export type Config = {
  stage: string;
  region: string;
  tableName: string;
  dynamodbEndpoint: string | undefined;
  dynamodbTimeoutMs: number;
  mediaBucket: string;
  s3Endpoint: string | undefined;
  siteUrl: string;
  homeRegency: string;
  originSecret: string | undefined;
  originSecretArn: string | undefined;
  mailOutbox: string | undefined;
  mailFrom: string;
  sesEndpoint: string | undefined;
  stripe: { secretArn?: string; secretKey?: string; webhookSecret?: string; apiUrl?: string } | undefined;
  searchFunction: string | undefined;
  lambdaEndpoint: string | undefined;
  /** Vacancies of unverified companies are held for an officer's review before they are listed. */
  holdUnverifiedVacancies: boolean;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const c = parseInput(configSchema, picked);
  return {
    stage: c.STAGE,
    region: c.AWS_REGION,
    tableName: c.TABLE_NAME,
    dynamodbEndpoint: c.DYNAMODB_ENDPOINT,
    dynamodbTimeoutMs: c.DYNAMODB_TIMEOUT_MS,
    mediaBucket: c.MEDIA_BUCKET,
    s3Endpoint: c.S3_ENDPOINT,
    siteUrl: c.SITE_URL.replace(/\/$/, ''),
    homeRegency: c.HOME_REGENCY,
    originSecret: c.ORIGIN_SECRET,
    originSecretArn: c.ORIGIN_SECRET_ARN,
    mailOutbox: c.MAIL_OUTBOX,
    mailFrom: c.MAIL_FROM,
    sesEndpoint: c.SES_ENDPOINT,
    stripe:
      c.STRIPE_SECRET_ARN || (c.STRIPE_SECRET_KEY && c.STRIPE_WEBHOOK_SECRET)
        ? {
            ...(c.STRIPE_SECRET_ARN ? { secretArn: c.STRIPE_SECRET_ARN } : {}),
            ...(c.STRIPE_SECRET_KEY ? { secretKey: c.STRIPE_SECRET_KEY } : {}),
            ...(c.STRIPE_WEBHOOK_SECRET ? { webhookSecret: c.STRIPE_WEBHOOK_SECRET } : {}),
            ...(c.STRIPE_API_URL ? { apiUrl: c.STRIPE_API_URL } : {}),
          }
        : undefined,
    searchFunction: c.SEARCH_FUNCTION_NAME,
    lambdaEndpoint: c.LAMBDA_ENDPOINT,
    holdUnverifiedVacancies: c.HOLD_UNVERIFIED_VACANCIES,
  };
}
