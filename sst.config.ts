import type { SSTConfig } from 'sst';
import type { StackContext } from 'sst/constructs';
import { Bursa, firewallWanted, isProductionStage } from './infra/src/index.ts';

/**
 * SST v2 (CDK-based) mounts the same `Bursa` construct as infra/bin/app.ts.
 *   npm run build && npx sst deploy --stage alice
 *   BURSA_SITE_URL=https://bursa.example.id npx sst deploy --stage production
 * BURSA_SITE_URL, not SITE_URL: SST loads .env files, and a local SITE_URL
 * (localhost) must never reach a deployed stage. Stage settings:
 *   BURSA_DOMAIN + BURSA_CERTIFICATE_ARN   a custom domain and its ACM certificate (us-east-1)
 *   BURSA_CONCURRENCY=api:50,web:100,events:5,image:10,search:20   reserved concurrency per function
 *   BURSA_WEB_ACL_ARN   the edge firewall (deploy infra/bin/edge.ts in us-east-1 first; SST
 *                       keeps every stack in one region). Required in production unless
 *   BURSA_STRIPE_SECRET_ARN   card payments: a Secrets Manager secret {secretKey, webhookSecret}
 *   BURSA_WAF=off       says to go without; BURSA_WAF=on requires it on any stage.
 */
export function Main({ stack, app }: StackContext) {
  const domain = process.env.BURSA_DOMAIN;
  const certificateArn = process.env.BURSA_CERTIFICATE_ARN;
  const webAclArn = firewallWanted(app.stage, process.env.BURSA_WAF) ? process.env.BURSA_WEB_ACL_ARN : 'none';
  if (!webAclArn) {
    throw new Error(
      `Stage ${app.stage} wants the edge firewall: deploy it first (STAGE=${app.stage} npx cdk deploy --app "npx tsx infra/bin/edge.ts", in us-east-1) and set BURSA_WEB_ACL_ARN to its WebAclArn output, or BURSA_WAF=off to deploy without it.`,
    );
  }
  const bursa = new Bursa(stack, 'Bursa', {
    stage: app.stage,
    siteUrl: process.env.BURSA_SITE_URL || undefined,
    ...(domain && certificateArn ? { domain: { name: domain, certificateArn } } : {}),
    reservedConcurrency: concurrencyFrom(process.env.BURSA_CONCURRENCY),
    webAclArn,
    stripeSecretArn: process.env.BURSA_STRIPE_SECRET_ARN || undefined,
    // SST prints stack outputs by these names; Bursa's own CfnOutputs would duplicate them.
    outputs: false,
  });
  stack.addOutputs({
    SiteUrl: bursa.siteUrl,
    TableName: bursa.table.table.tableName,
    MediaBucketName: bursa.media.bucket.bucketName,
  });
}

/** "api:50,web:100,events:5" → { api: 50, web: 100, events: 5 }; anything else is ignored. */
export function concurrencyFrom(setting: string | undefined): {
  api?: number;
  web?: number;
  events?: number;
  image?: number;
  search?: number;
} {
  const out: Record<string, number> = {};
  for (const part of (setting ?? '').split(',')) {
    const [name = '', value = ''] = part.split(':').map((x) => x.trim());
    if (['api', 'web', 'events', 'image', 'search'].includes(name) && /^\d+$/.test(value)) out[name] = Number(value);
  }
  return out;
}

export default {
  config(input) {
    // Jakarta: closest to the users, and data stays in Indonesia. `--region` or AWS_REGION overrides.
    return { name: 'bursa', region: input.region || process.env.AWS_REGION || 'ap-southeast-3' };
  },
  stacks(app) {
    // Throwaway stages clean up after themselves; production keeps its data (Bursa
    // already retains the table and media bucket there).
    if (!isProductionStage(app.stage)) app.setDefaultRemovalPolicy('destroy');
    app.stack(Main);
  },
} satisfies SSTConfig;
