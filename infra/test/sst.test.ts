import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { App } from 'sst/constructs';
import { initProject } from 'sst/project.js';
import { load } from 'sst/stacks/build.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.ts';

/**
 * sst.config.ts as `sst deploy` sees it: bundled by SST's own loader, its stacks run
 * in an SST App, then finished (SST's aspects: removal policy, stage checks). No AWS
 * calls: NODE_ENV=test (Vitest's default) makes SST skip its bootstrap lookup.
 * Needs `npm run build`, like any synth. Importing SST takes most of the ~10 s.
 */
async function synthSst(stage: string) {
  const root = repoRoot();
  await initProject({ root, stage });
  const [, config] = await load(path.join(root, 'sst.config.ts'), false);
  const { name, region } = await config.config({});
  const app = new App({ mode: 'deploy', name, stage, region, account: '123456789012' });
  await config.stacks(app);
  await app.finish();
  const stacks = app.node.children.filter(Stack.isStack);
  expect(stacks).toHaveLength(1);
  const stack = stacks[0] as Stack;
  return { stack, template: Template.fromStack(stack) };
}

describe('sst.config.ts', () => {
  it('deploys Bursa in one stage-named stack (Jakarta by default), outputs once', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const { stack, template } = await synthSst('alice');
    expect(stack.stackName).toBe('alice-bursa-Main');
    expect(stack.region).toBe(process.env.AWS_REGION || 'ap-southeast-3');
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: { Variables: Match.objectLike({ STAGE: 'alice' }) },
    });
    const outputs = Object.keys(template.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['SiteUrl', 'TableName', 'MediaBucketName']));
    expect(outputs.filter((o) => o.startsWith('Bursa'))).toEqual([]);
    // A throwaway stage is deletable: nothing retained.
    expect(JSON.stringify(template.toJSON())).not.toContain('"Retain"');
  });

  it('production needs the edge firewall: refused without its ARN, attached with it', async () => {
    delete process.env.BURSA_WEB_ACL_ARN;
    await expect(synthSst('production')).rejects.toThrow(/BURSA_WEB_ACL_ARN/);
  });

  it('production retains the table and uploads, behind the web ACL', async () => {
    process.env.BURSA_WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/bursa/0a1b2c3d';
    const { template } = await synthSst('production').finally(() => {
      delete process.env.BURSA_WEB_ACL_ARN;
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/bursa/0a1b2c3d',
      }),
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: { Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] },
    });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: { CorsConfiguration: Match.anyValue() },
    });
  });
});
