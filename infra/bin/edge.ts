import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { EdgeFirewall } from '../src/edge-firewall.ts';

/**
 * The edge firewall alone, for SST deploys (SST v2 keeps every stack in the
 * app's region, and CloudFront web ACLs must be in us-east-1):
 *   STAGE=production npx cdk deploy --app "npx tsx infra/bin/edge.ts"
 * then deploy with BURSA_WEB_ACL_ARN set to its WebAclArn output.
 */
const stage = process.env.STAGE ?? 'production';
const app = new App();
const stack = new Stack(app, `Bursa-${stage}-edge`, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
  description: `Bursa edge firewall (${stage}): CloudFront web ACLs live in us-east-1`,
});
new CfnOutput(stack, 'WebAclArn', { value: new EdgeFirewall(stack, 'Firewall').arn });
