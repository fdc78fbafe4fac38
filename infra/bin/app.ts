import { App, Stack } from 'aws-cdk-lib';
import { Bursa } from '../src/index.ts';

/**
 * Plain CDK entry, for `npm run synth` and `cdk deploy` without SST:
 *   STAGE=dev BURSA_SITE_URL=https://... npx cdk deploy --app "npx tsx infra/bin/app.ts"
 * Run `npm run build` first: the functions and static assets come from dist/.
 * BURSA_SITE_URL, not SITE_URL: a local SITE_URL (localhost) must never reach a deploy.
 */
const stage = process.env.STAGE ?? 'dev';
const app = new App();
const stack = new Stack(app, `Bursa-${stage}`, {
  // Jakarta unless AWS_REGION says otherwise (as with SST). Not CDK_DEFAULT_REGION: the CLI
  // always sets it, falling back to us-east-1.
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.AWS_REGION || 'ap-southeast-3',
  },
  description: `Bursa virtual job fair (${stage})`,
});
new Bursa(stack, 'Bursa', { stage, siteUrl: process.env.BURSA_SITE_URL || undefined });
