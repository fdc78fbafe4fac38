import { type FieldIssue, ValidationError } from './errors.ts';

/**
 * One environment variable's rule: what it must look like (`check` answers an issue
 * code, or nothing when it is fine) and its value when unset. Plain functions, not zod:
 * every function reads its config at start, and zod belongs only in the ones
 * that parse people's input (docs/architecture.md, on what a bundle keeps).
 */
type Rule<T> = { check: (v: string) => string | undefined; parse?: (v: string) => T; fallback: T };

const TOO_SHORT = 'request.field.too_small';
const INVALID = 'request.field.invalid';
// Without a fallback, a variable may be unset: its value is then `undefined`.
const text = <F extends string | undefined = undefined>(min: number, fallback?: F): Rule<string | F> => ({
  check: (v) => (v.length < min ? TOO_SHORT : undefined),
  fallback: fallback as F,
});
const url = <F extends string | undefined = undefined>(fallback?: F): Rule<string | F> => ({
  check: (v) => (URL.canParse(v) ? undefined : INVALID),
  fallback: fallback as F,
});
const startsWith = (prefix: string): Rule<string | undefined> => ({
  check: (v) => (v.startsWith(prefix) ? undefined : INVALID),
  fallback: undefined,
});
const matches = (re: RegExp, fallback: string): Rule<string> => ({
  check: (v) => (re.test(v) ? undefined : INVALID),
  fallback,
});
const int = (min: number, max: number, fallback: number): Rule<number> => ({
  check: (v) => (/^\s*-?\d+\s*$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : INVALID),
  parse: Number,
  fallback,
});
const flag = (fallback: boolean): Rule<boolean> => ({
  check: (v) => (['true', 'false', '1', '0', 'on', 'off'].includes(v) ? undefined : INVALID),
  parse: (v) => v === 'true' || v === '1' || v === 'on',
  fallback,
});

/**
 * Every setting Bursa reads from the environment, validated once. Defaults are
 * the local ones `npm start` uses, so a newcomer needs no .env file; a deployed
 * stage sets each of these from infra (see README, "Environment variables").
 */
const rules = {
  STAGE: text(1, 'local'),
  AWS_REGION: text(1, 'ap-southeast-3'),
  TABLE_NAME: text(3, 'bursa-local'),
  /** Set only locally: the DynamoDB Local endpoint. Unset in AWS. */
  DYNAMODB_ENDPOINT: url(),
  /**
   * How long one DynamoDB request may take before it is retried (3 attempts, then 503).
   * 2 s in AWS; the test run sets more, since one DynamoDB Local serves two busy test workers.
   */
  DYNAMODB_TIMEOUT_MS: int(100, 30_000, 2000),
  MEDIA_BUCKET: text(3, 'bursa-media-local'),
  /** Set only locally: the s3rver endpoint. Unset in AWS. */
  S3_ENDPOINT: url(),
  /** Public origin used for canonical and Open Graph URLs (never the request host). */
  SITE_URL: url('http://localhost:4321'),
  /** In AWS: the Secrets Manager secret whose value CloudFront sends in ORIGIN_HEADER (@bursa/http origin-secret.ts). */
  ORIGIN_SECRET_ARN: startsWith('arn:'),
  /** A fixed origin secret instead (tests; hosting without Secrets Manager). Never set by infra. */
  ORIGIN_SECRET: text(16),
  /** Locally: a folder where emails are written instead of sent (npm start: .data/outbox). Unset in AWS: SES sends them. */
  MAIL_OUTBOX: text(1),
  /** The sender of Bursa's emails (a verified SES identity in AWS). */
  MAIL_FROM: text(3, 'Bursa <no-reply@bursa.local>'),
  /** Tests only: a stand-in SES endpoint. Unset in AWS. */
  SES_ENDPOINT: url(),
  /** The regency/city this deployment serves (official code, like 36.71): Kota Tangerang by default. */
  HOME_REGENCY: matches(/^\d{2}\.\d{2}$/, '36.71'),
  /**
   * Card payments (Stripe Checkout) are off unless one of these is set. In AWS:
   * the Secrets Manager secret holding `{"secretKey": "sk_…", "webhookSecret": "whsec_…"}`
   * (infra's `stripeSecretArn`). Locally and in tests: the keys themselves, for the Stripe stand-in.
   */
  STRIPE_SECRET_ARN: startsWith('arn:'),
  STRIPE_SECRET_KEY: startsWith('sk_'),
  STRIPE_WEBHOOK_SECRET: startsWith('whsec_'),
  /** Set only locally: the Stripe stand-in (scripts/local/stripe-local.ts). Unset in AWS: the real api.stripe.com. */
  STRIPE_API_URL: url(),
  /**
   * The search function (functions/src/search) pages and the API ask. Unset: they search in
   * their own process (the search function itself, and unit tests). The web and API Lambda
   * bundles carry no search engine (web/adapter/remote-search-only.ts): they need it set.
   */
  SEARCH_FUNCTION_NAME: text(1),
  /** Set only locally: the stand-in for Lambda's Invoke API (scripts/local/lambda-local.ts). Unset in AWS. */
  LAMBDA_ENDPOINT: url(),
  /**
   * Vacancies from companies Disnaker has not verified wait for an officer's review before
   * they are listed (vacancy.review.ts). On unless set to `false` (or `0`/`off`).
   */
  HOLD_UNVERIFIED_VACANCIES: flag(true),
};

type Rules = typeof rules;
type Values = { [K in keyof Rules]: Rules[K] extends Rule<infer T> ? T : never };

/** Each variable checked by its rule (blank counts as unset); every bad one is named together. */
function read(env: Record<string, string | undefined>): Values {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules) as [string, Rule<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      out[name] = rule.fallback;
      continue;
    }
    const code = rule.check(raw);
    if (code) issues.push({ path: name, code });
    else out[name] = rule.parse ? rule.parse(raw) : raw;
  }
  if (issues.length) throw new ValidationError(issues);
  return out as Values;
}

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
  const c = read(env);
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
