import { App } from 'aws-cdk-lib';
import { bursaStacks } from '../src/stacks.ts';

/**
 * Plain CDK entry, for `npm run synth` and `cdk deploy` without SST:
 *   STAGE=dev BURSA_SITE_URL=https://... npx cdk deploy --all --app "npx tsx infra/bin/app.ts"
 * Run `npm run build` first: the functions and static assets come from dist/.
 * BURSA_SITE_URL, not SITE_URL: a local SITE_URL (localhost) must never reach a deploy.
 * BURSA_WAF=on|off (default: on in production) adds the us-east-1 edge firewall stack;
 * BURSA_WEB_ACL_ARN uses an existing web ACL instead.
 * BURSA_STRIPE_SECRET_ARN turns card payments on (a Secrets Manager secret with the Stripe keys).
 */
bursaStacks(new App(), {
  stage: process.env.STAGE ?? 'dev',
  account: process.env.CDK_DEFAULT_ACCOUNT,
  // Jakarta unless AWS_REGION says otherwise (as with SST). Not CDK_DEFAULT_REGION: the CLI
  // always sets it, falling back to us-east-1.
  region: process.env.AWS_REGION || 'ap-southeast-3',
  siteUrl: process.env.BURSA_SITE_URL || undefined,
  waf: process.env.BURSA_WAF,
  webAclArn: process.env.BURSA_WEB_ACL_ARN || undefined,
  stripeSecretArn: process.env.BURSA_STRIPE_SECRET_ARN || undefined,
});
