import { tableDesign } from '@bursa/core/db';
import { PAYMENT_WEBHOOKS_PATH } from '@bursa/http';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { type AppFunction, Bursa, type BursaProps, EdgeFirewall, firewallWanted, ORIGIN_HEADER } from '../src/index.ts';
import { buildOutput } from '../src/paths.ts';
import { bursaStacks } from '../src/stacks.ts';

/** Needs `npm run build` (dist/lambda/*, web/dist/client), like a real synth. */
function synth(props: BursaProps) {
  // Nothing here bundles, but keep asset bundling off in unit tests all the same.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, `Bursa-${props.stage}`, { env: { account: '123456789012', region: 'ap-southeast-3' } });
  const bursa = new Bursa(stack, 'Bursa', props);
  const template = Template.fromStack(stack);
  const id = (fn: AppFunction) => stack.getLogicalId(fn.function.node.defaultChild as CfnFunction);
  return {
    stack,
    bursa,
    template,
    apiId: id(bursa.api),
    paymentsId: id(bursa.payments),
    webId: id(bursa.web),
    eventsId: id(bursa.events),
    imageId: id(bursa.images),
    searchId: id(bursa.search),
  };
}
const stackId = (fn: AppFunction) => dev.stack.getLogicalId(fn.function.node.defaultChild as CfnFunction);

const SITE = 'https://bursa.example.id';
const dev = synth({ stage: 'dev', siteUrl: SITE });
const WEB_ACL = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/bursa/0a1b2c3d';
const prod = synth({ stage: 'production', siteUrl: `${SITE}/`, webAclArn: WEB_ACL });

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
function statementsOf(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
function roleOf(template: Template, functionId: string): string {
  return template.toJSON().Resources[functionId].Properties.Role['Fn::GetAtt'][0];
}
const actions = (s: Statement[]) => s.flatMap((x) => (Array.isArray(x.Action) ? x.Action : [x.Action]));

describe('DataTable', () => {
  it('follows tableDesign: keys, the three GSIs, TTL', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.globalIndexes.map((gsi) => ({
        IndexName: gsi.name,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    expect(tableDesign.globalIndexes).toHaveLength(3);
  });

  it('is on-demand, with point-in-time recovery and a NEW_AND_OLD_IMAGES stream', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [
        Match.objectLike({
          Region: 'ap-southeast-3',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it('production keeps the table and uploads; dev stages do not', () => {
    prod.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: { Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] },
    });
    prod.template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: { CorsConfiguration: Match.anyValue() },
    });

    dev.template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    expect(dev.template.findResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' })).toEqual({});
  });
});

describe('functions', () => {
  it('run the pre-built bundles on Node 22, ARM, 512 MB, 10 s (the stream consumer 60 s), with one month of logs', () => {
    for (const [id, timeout] of [
      [dev.apiId, 10],
      [dev.webId, 10],
      [dev.eventsId, 60],
    ] as const) {
      const fn = dev.template.toJSON().Resources[id];
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: timeout,
        LoggingConfig: { LogGroup: expect.anything() },
      });
    }
    // The image function: a whole vCPU for libvips, 30 s for a big photo.
    expect(dev.template.toJSON().Resources[dev.imageId].Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 30,
    });
    // The search function: its indexes in memory, five minutes for a rebuild from the table.
    expect(dev.template.toJSON().Resources[dev.searchId].Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1536,
      Timeout: 300,
    });
    // api, payments, web, events, images, jobs, search and the origin secret's rotation function.
    dev.template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 8);
  });

  it('get the environment core/config.ts reads, and never a local endpoint', () => {
    for (const { template, apiId, webId, stage } of [
      { ...dev, stage: 'dev' },
      { ...prod, stage: 'production' },
    ]) {
      for (const id of [apiId, webId]) {
        const env = template.toJSON().Resources[id].Properties.Environment.Variables;
        expect(env).toEqual({
          STAGE: stage,
          TABLE_NAME: { Ref: expect.stringMatching(/^BursaDataTable/) },
          MEDIA_BUCKET: { Ref: expect.stringMatching(/^BursaMediaBucket/) },
          SITE_URL: SITE, // trailing slash removed
          HOME_REGENCY: '36.71',
          // The secret's ARN, read at run time: never its value.
          ORIGIN_SECRET_ARN: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
          // Searches go to the search function.
          SEARCH_FUNCTION_NAME: { Ref: expect.stringMatching(/^BursaSearchFunction/) },
        });
      }
    }
    // The payment webhooks: no search; the Stripe keys' ARN where card payments are configured (below).
    for (const { template, paymentsId, stage } of [
      { ...dev, stage: 'dev' },
      { ...prod, stage: 'production' },
    ]) {
      expect(template.toJSON().Resources[paymentsId].Properties.Environment.Variables).toEqual({
        STAGE: stage,
        TABLE_NAME: { Ref: expect.stringMatching(/^BursaDataTable/) },
        MEDIA_BUCKET: { Ref: expect.stringMatching(/^BursaMediaBucket/) },
        SITE_URL: SITE,
        HOME_REGENCY: '36.71',
        ORIGIN_SECRET_ARN: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
      });
    }
    // The stream consumer gets only what its projections read: no origin secret, no site URL.
    for (const { template, eventsId, stage } of [
      { ...dev, stage: 'dev' },
      { ...prod, stage: 'production' },
    ]) {
      expect(template.toJSON().Resources[eventsId].Properties.Environment.Variables).toEqual({
        STAGE: stage,
        TABLE_NAME: { Ref: expect.stringMatching(/^BursaDataTable/) },
        HOME_REGENCY: '36.71',
      });
    }
    for (const fn of Object.values(dev.template.findResources('AWS::Lambda::Function'))) {
      const env = fn.Properties.Environment?.Variables ?? {};
      expect(JSON.stringify(env)).not.toContain('resolve:secretsmanager');
      expect(env).not.toHaveProperty('DYNAMODB_ENDPOINT');
      expect(env).not.toHaveProperty('S3_ENDPOINT');
    }
  });

  it('api, payments and web have public function URLs (CloudFront OAC would break POST bodies); events has none', () => {
    dev.template.resourcePropertiesCountIs('AWS::Lambda::Url', { AuthType: 'NONE' }, 3);
    const targets = Object.values(dev.template.findResources('AWS::Lambda::Url')).map(
      (u) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0],
    );
    expect(targets.sort()).toEqual([dev.apiId, dev.paymentsId, dev.webId].sort());
  });

  it('payments: the item reads and writes of settling an order, the origin secret; no index, no media, no search', () => {
    expect(tableStatements(dev.paymentsId)).toEqual([
      {
        actions: ['GetItem', 'PutItem', 'UpdateItem'].map((a) => `dynamodb:${a}`),
        resource: tableArn,
      },
    ]);
    const rest = statementsOf(dev.template, roleOf(dev.template, dev.paymentsId)).filter(
      (s) => !actions([s]).some((a) => a.startsWith('dynamodb:')),
    );
    expect(rest).toEqual([
      expect.objectContaining({
        Action: 'secretsmanager:GetSecretValue',
        Resource: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
      }),
    ]);
  });

  it('card payments: the Stripe keys go to web (Checkout), payments (the webhook) and jobs (cancelling sessions), never to the API', () => {
    const arn = 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:bursa-stripe-AbCdEf';
    const card = synth({ stage: 'card', siteUrl: SITE, stripeSecretArn: arn });
    const readsKeys = (id: string) =>
      statementsOf(card.template, roleOf(card.template, id)).some(
        (s) => s.Resource === arn && actions([s]).includes('secretsmanager:GetSecretValue'),
      );
    const envOf = (id: string) => card.template.toJSON().Resources[id].Properties.Environment.Variables;
    const jobsId = card.stack.getLogicalId(card.bursa.jobs.function.node.defaultChild as CfnFunction);
    for (const id of [card.webId, card.paymentsId, jobsId]) {
      expect(readsKeys(id)).toBe(true);
      expect(envOf(id).STRIPE_SECRET_ARN).toBe(arn);
    }
    expect(readsKeys(card.apiId)).toBe(false);
    expect(envOf(card.apiId)).not.toHaveProperty('STRIPE_SECRET_ARN');
  });

  // Exactly what each function sends (test/grants/grants.test.ts checks that against what the
  // tests recorded): item actions on the table, Query on its indexes, never Scan, no S3 yet.
  const tableArn = { 'Fn::GetAtt': [expect.stringMatching(/^BursaDataTable/), 'Arn'] };
  const indexArn = { 'Fn::Join': ['', [tableArn, '/index/*']] };
  const tableStatements = (functionId: string) =>
    statementsOf(dev.template, roleOf(dev.template, functionId))
      .filter((s) => actions([s]).some((a) => a.startsWith('dynamodb:')))
      .map((s) => ({ actions: actions([s]).sort(), resource: s.Resource }));
  const HTTP_ACTIONS = ['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'];

  it('api and web: the item reads and writes their pages and routes send, Query on the indexes, the origin secret, private uploads only', () => {
    for (const id of [dev.apiId, dev.webId]) {
      expect(tableStatements(id)).toEqual([
        { actions: HTTP_ACTIONS.map((a) => `dynamodb:${a}`), resource: tableArn },
        { actions: ['dynamodb:Query'], resource: indexArn },
      ]);
      const rest = statementsOf(dev.template, roleOf(dev.template, id)).filter(
        (s) => !actions([s]).some((a) => a.startsWith('dynamodb:')),
      );
      expect(rest).toEqual([
        expect.objectContaining({
          Action: 'secretsmanager:GetSecretValue',
          Resource: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
        }),
        expect.objectContaining({
          Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
          // Private uploads only (CVs, certificates): never the public media/ keys, never the whole bucket.
          Resource: ['/private/cv/*', '/private/certificates/*'].map((suffix) => ({
            'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^BursaMediaBucket/), 'Arn'] }, suffix]],
          })),
        }),
        // Transfer proofs (private images): 5-minute signed reads only.
        expect.objectContaining({
          Action: 's3:GetObject',
          Resource: {
            'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^BursaMediaBucket/), 'Arn'] }, '/private/img/*']],
          },
        }),
        // Photos: signing their upload under uploads/, nothing more.
        expect.objectContaining({
          Action: 's3:PutObject',
          Resource: {
            'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^BursaMediaBucket/), 'Arn'] }, '/uploads/*']],
          },
        }),
        // Searching: invoking the search function (and its versions), nothing else.
        expect.objectContaining({
          Action: 'lambda:InvokeFunction',
          Resource: [
            { 'Fn::GetAtt': [expect.stringMatching(/^BursaSearchFunction/), 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^BursaSearchFunction/), 'Arn'] }, ':*']] },
          ],
        }),
      ]);
    }
  });

  it('search: invoked by web and api and every 15 minutes to compact; reads the table, keeps its snapshots under search/', () => {
    const bucketArn = { 'Fn::GetAtt': [expect.stringMatching(/^BursaMediaBucket/), 'Arn'] };
    expect(tableStatements(dev.searchId)).toEqual([
      {
        actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
        resource: tableArn,
      },
    ]);
    const rest = statementsOf(dev.template, roleOf(dev.template, dev.searchId)).filter(
      (st) => ![st.Action].flat().some((a) => a.startsWith('dynamodb:')),
    );
    expect(rest).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [bucketArn, '/search/*']] },
      }),
    ]);
    const env = dev.template.toJSON().Resources[dev.searchId].Properties.Environment.Variables;
    expect(Object.keys(env).sort()).toEqual(['HOME_REGENCY', 'MEDIA_BUCKET', 'STAGE', 'TABLE_NAME']);
    dev.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [dev.searchId, 'Arn'] },
          Input: JSON.stringify({ action: 'compact' }),
        }),
      ],
    });
  });

  it('images: invoked by the bucket for uploads/ only; reads and deletes uploads, writes media/img/, records the Image', () => {
    const bucketArn = { 'Fn::GetAtt': [expect.stringMatching(/^BursaMediaBucket/), 'Arn'] };
    expect(tableStatements(dev.imageId)).toEqual([{ actions: ['dynamodb:PutItem'], resource: tableArn }]);
    const rest = statementsOf(dev.template, roleOf(dev.template, dev.imageId)).filter(
      (s) => !actions([s]).some((a) => a.startsWith('dynamodb:')),
    );
    expect(rest).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [bucketArn, '/uploads/*']] },
      }),
      expect.objectContaining({
        Action: 's3:PutObject',
        Resource: [
          { 'Fn::Join': ['', [bucketArn, '/media/img/*']] },
          { 'Fn::Join': ['', [bucketArn, '/private/img/*']] },
        ],
      }),
    ]);
    dev.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [dev.imageId, 'Arn'] },
          },
        ],
      },
    });
  });

  it('events: its projections’ reads and writes, Query on the indexes, the stream reads, SES and the failure queue', () => {
    const streamArn = { 'Fn::GetAtt': [expect.stringMatching(/^BursaDataTable/), 'StreamArn'] };
    expect(tableStatements(dev.eventsId)).toEqual(
      expect.arrayContaining([
        {
          actions: [
            'dynamodb:BatchWriteItem',
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          resource: tableArn,
        },
        { actions: ['dynamodb:Query'], resource: indexArn },
        { actions: ['dynamodb:ListStreams'], resource: streamArn },
        {
          actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          resource: streamArn,
        },
      ]),
    );
    expect(tableStatements(dev.eventsId)).toHaveLength(4);
    const sqs = statementsOf(dev.template, roleOf(dev.template, dev.eventsId)).filter((s) =>
      actions([s]).some((a) => a.startsWith('sqs:')),
    );
    expect(sqs).toEqual([
      expect.objectContaining({
        Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^BursaEventsFailures/), 'Arn'] },
      }),
    ]);
    // Mail is sent by the events function only, from the stage's SES identities.
    const ses = statementsOf(dev.template, roleOf(dev.template, dev.eventsId)).filter((s) =>
      actions([s]).some((a) => a.startsWith('ses:')),
    );
    expect(ses).toEqual([expect.objectContaining({ Action: 'ses:SendEmail' })]);
    expect(JSON.stringify(ses[0]?.Resource)).toContain(':identity/*');
    for (const id of [dev.apiId, dev.webId]) {
      expect(actions(statementsOf(dev.template, roleOf(dev.template, id))).some((a) => a.startsWith('ses:'))).toBe(
        false,
      );
    }
  });

  it('no function may Scan', () => {
    const all = Object.values(dev.template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    const wildcard = (a: string) => new RegExp(`^${a.replace(/\*/g, '.*')}$`, 'i');
    for (const s of all.filter((x) => x.Effect === 'Allow')) {
      for (const a of actions([s])) expect(wildcard(a).test('dynamodb:Scan'), a).toBe(false);
    }
  });

  it('nothing in the stack gets a wildcard service action or dynamodb on *', () => {
    const all = Object.values(dev.template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    expect(all.length).toBeGreaterThan(0);
    for (const s of all.filter((x) => x.Effect === 'Allow')) {
      for (const a of actions([s])) {
        expect(a).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
        if (a.startsWith('dynamodb:')) expect(s.Resource).not.toBe('*');
      }
    }
  });
});

describe('EventsFunction', () => {
  const resources = dev.template.toJSON().Resources;
  const queueId = Object.keys(dev.template.findResources('AWS::SQS::Queue'))[0] ?? '';

  it('consumes the table stream from the start, in batches, retrying only from the failed record, bounded', () => {
    dev.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: dev.eventsId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BursaDataTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('sends batches it gives up on to an encrypted queue kept 14 days, with an alarm on it', () => {
    expect(queueId).toMatch(/^BursaEventsFailures/);
    expect(resources[queueId].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('MediaBucket', () => {
  it('is private, TLS-only, encrypted, takes browser uploads from the site, drops stale multipart uploads', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: Match.arrayEquals(['PUT', 'POST', 'GET']),
            AllowedOrigins: [SITE],
          }),
        ],
      },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })],
      },
    });
    // Every bucket (media, static assets, access logs) blocks public access.
    const buckets = Object.values(dev.template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(3);
    for (const b of buckets) expect(b.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
  });

  it('CloudFront may read only keys under media/', () => {
    dev.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^BursaMediaBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Deny',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            NotResource: { 'Fn::Join': ['', [Match.anyValue(), '/media/*']] },
          }),
        ]),
      },
    });
  });
});

describe('Site', () => {
  const distributions = dev.template.findResources('AWS::CloudFront::Distribution');
  const dist = Object.values(distributions)[0]?.Properties.DistributionConfig;
  type Behavior = { PathPattern?: string; TargetOriginId: string; [k: string]: unknown };
  const behavior = (path: string): Behavior => {
    const found = dist.CacheBehaviors.find((b: Behavior) => b.PathPattern === path);
    if (!found) throw new Error(`no ${path} behaviour`);
    return found;
  };
  /** The origin's domain, as the logical id it points at (function URL or bucket). */
  const originTarget = (b: Behavior): string => {
    const origin = dist.Origins.find((o: { Id: string }) => o.Id === b.TargetOriginId);
    const domain = origin.DomainName;
    return domain['Fn::GetAtt']?.[0] ?? domain['Fn::Select'][1]['Fn::Split'][1]['Fn::GetAtt'][0];
  };
  const hasOac = (b: Behavior) =>
    Boolean(dist.Origins.find((o: { Id: string }) => o.Id === b.TargetOriginId).OriginAccessControlId);
  const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
  const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
  const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

  it('is one distribution: HTTPS only, HTTP/2 and 3, price class 200', () => {
    expect(Object.keys(distributions)).toHaveLength(1);
    expect(dist).toMatchObject({ HttpVersion: 'http2and3', PriceClass: 'PriceClass_200' });
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) {
      expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
    }
  });

  it('sends pages to the SSR function URL, honouring its Cache-Control', () => {
    const d = dist.DefaultCacheBehavior;
    expect(originTarget(d)).toMatch(/^BursaWebFunctionFunctionUrl/);
    expect(d.AllowedMethods).toEqual(ALL_METHODS);
    expect(d.OriginRequestPolicyId).toEqual({ Ref: expect.stringMatching(/^BursaSiteAppOriginRequest/) });
    dev.template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'all' },
        }),
      }),
    });
    expect(d.CachePolicyId).toEqual({ Ref: expect.stringMatching(/^BursaSitePagesCache/) });
  });

  it('sends /api/* to the API function URL, uncached, every method', () => {
    const api = behavior('/api/*');
    expect(originTarget(api)).toMatch(/^BursaApiFunctionFunctionUrl/);
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: { Ref: expect.stringMatching(/^BursaSiteAppOriginRequest/) },
      AllowedMethods: ALL_METHODS,
    });
  });

  it('sends the payment webhooks to the payments function URL, ahead of the rest of /api', () => {
    const webhooks = behavior(`${PAYMENT_WEBHOOKS_PATH}*`);
    expect(originTarget(webhooks)).toMatch(/^BursaPaymentsFunctionFunctionUrl/);
    expect(webhooks).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: { Ref: expect.stringMatching(/^BursaSiteAppOriginRequest/) },
      AllowedMethods: ALL_METHODS,
    });
    // CloudFront takes the first pattern that matches.
    const order = dist.CacheBehaviors.map((b: Behavior) => b.PathPattern);
    expect(order.indexOf(`${PAYMENT_WEBHOOKS_PATH}*`)).toBeLessThan(order.indexOf('/api/*'));
  });

  it('sends every function URL the origin secret, from Secrets Manager (never a literal in the template)', () => {
    dev.template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    const functionOrigins = dist.Origins.filter(
      (o: { OriginCustomHeaders?: unknown; S3OriginConfig?: unknown }) => !o.S3OriginConfig,
    );
    expect(functionOrigins).toHaveLength(3);
    for (const o of functionOrigins) {
      const header = o.OriginCustomHeaders.find((h: { HeaderName: string }) => h.HeaderName === ORIGIN_HEADER);
      expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
    }
  });

  it('rotates the origin secret every 30 days with its own function, which may change only that secret and distribution', () => {
    const schedules = Object.values(dev.template.findResources('AWS::SecretsManager::RotationSchedule'));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      SecretId: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
      RotationLambdaARN: { 'Fn::GetAtt': [expect.stringMatching(/^BursaOriginRotation/), 'Arn'] },
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    const rotationId = stackId(dev.bursa.originRotation);
    const fn = dev.template.toJSON().Resources[rotationId].Properties;
    expect(fn.Timeout).toBe(900);
    expect(fn.Environment.Variables).toEqual({
      ORIGIN_DISTRIBUTION_ID: { Ref: expect.stringMatching(/^BursaSiteDistribution/) },
    });
    const granted = statementsOf(dev.template, roleOf(dev.template, rotationId)).map((s) => ({
      actions: actions([s]).sort(),
      resource: JSON.stringify(s.Resource),
    }));
    expect(granted).toEqual([
      {
        actions: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        resource: expect.stringMatching(/^\{"Ref":"BursaOriginSecret/),
      },
      { actions: ['secretsmanager:GetRandomPassword'], resource: '"*"' },
      {
        actions: ['cloudfront:GetDistribution', 'cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resource: expect.stringMatching(/:distribution\/.*BursaSiteDistribution/),
      },
    ]);
    const invokers = Object.values(dev.template.findResources('AWS::Lambda::Permission'))
      .map((p) => p.Properties)
      .filter((p) => p.FunctionName['Fn::GetAtt']?.[0] === rotationId);
    expect(invokers).toEqual([
      expect.objectContaining({
        Principal: 'secretsmanager.amazonaws.com',
        SourceArn: { Ref: expect.stringMatching(/^BursaOriginSecret/) },
      }),
    ]);
  });

  it('forwards cookies, CSRF headers and the real viewer address to the functions, never Host', () => {
    const policies = dev.template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const [config] = Object.values(policies).map((p) => p.Properties.OriginRequestPolicyConfig);
    expect(config.CookiesConfig.CookieBehavior).toBe('all');
    expect(config.HeadersConfig.HeaderBehavior).toBe('whitelist');
    const headers = config.HeadersConfig.Headers.map((h: string) => h.toLowerCase());
    expect(headers).toEqual(expect.arrayContaining(['origin', 'x-csrf-token', 'cloudfront-viewer-address']));
    expect(headers).not.toContain('host');
  });

  it('serves /_astro/* and public files from the assets bucket, /media/* from the media bucket, via OAC', () => {
    for (const path of ['/_astro/*', '/favicon.svg']) {
      expect(originTarget(behavior(path))).toMatch(/^BursaSiteAssets/);
      expect(behavior(path).CachePolicyId).toBe(CACHING_OPTIMIZED);
      expect(hasOac(behavior(path))).toBe(true);
    }
    expect(originTarget(behavior('/media/*'))).toMatch(/^BursaMediaBucket/);
    expect(behavior('/media/*').CachePolicyId).toBe(CACHING_OPTIMIZED);
    expect(hasOac(behavior('/media/*'))).toBe(true);
    dev.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
  });

  it('uploads web/dist/client: hashed files kept and immutable, the rest pruned and invalidated', () => {
    dev.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['_astro/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    dev.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Exclude: ['_astro/*'],
      DistributionPaths: ['/*'],
    });
  });
});

describe('Bursa', () => {
  it('outputs the site URL, table name and media bucket name', () => {
    const outputs = Object.keys(dev.template.findOutputs('*'));
    for (const name of ['SiteUrl', 'TableName', 'MediaBucketName']) {
      expect(outputs.some((o) => o.startsWith(`Bursa${name}`))).toBe(true);
    }
    dev.template.hasOutput('*', { Value: SITE });
  });

  it('without a site URL: no SITE_URL (it would be a dependency cycle), a warning, CloudFront URL as output', () => {
    const bare = synth({ stage: 'alice' });
    const env = bare.template.toJSON().Resources[bare.apiId].Properties.Environment.Variables;
    expect(env).not.toHaveProperty('SITE_URL');
    Annotations.fromStack(bare.stack).hasWarning('/Bursa-alice/Bursa', Match.stringLikeRegexp('No siteUrl'));
    bare.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://*.cloudfront.net'] })] },
    });
    bare.template.hasOutput('*', {
      Value: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^BursaSiteDistribution'), 'DomainName'] }],
        ],
      },
    });
  });

  it('refuses to synthesise without build output', () => {
    expect(() => buildOutput('dist/lambda/nope')).toThrow(/run npm run build first/);
  });
});

describe('security headers at the edge', () => {
  it('adds the app’s security headers to every behaviour, from the same definition', () => {
    const policy = Object.values(dev.template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
    const csp = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    const cspText = JSON.stringify(csp.ContentSecurityPolicy);
    expect(cspText).toContain("script-src 'self' 'sha256-");
    // Forms may post to the site and to the media bucket (presigned CV uploads), nowhere else.
    expect(cspText).toMatch(/form-action 'self' https:\/\/".*BursaMediaBucket.*RegionalDomainName/);
    // Stripe Checkout only where card payments are configured.
    expect(cspText).not.toContain('checkout.stripe.com');
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true }),
        }),
      }),
    });
    const distribution = Object.values(dev.template.findResources('AWS::CloudFront::Distribution'))[0];
    const config = distribution?.Properties.DistributionConfig;
    const behaviours = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    expect(behaviours.length).toBeGreaterThan(3);
    for (const b of behaviours) expect(b.ResponseHeadersPolicyId, b.PathPattern ?? 'default').toBeDefined();
  });
});

describe('logs, versions, concurrency and a custom domain', () => {
  const custom = synth({
    stage: 'production',
    webAclArn: 'none',
    domain: { name: 'bursa.tangerangkota.go.id', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
    reservedConcurrency: { api: 50, web: 100, events: 5 },
  });

  it('keeps CloudFront and media access logs in an expiring log bucket', () => {
    const distribution = Object.values(dev.template.findResources('AWS::CloudFront::Distribution'))[0];
    expect(distribution?.Properties.DistributionConfig.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'media/' }),
    });
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
  });

  it('sets reserved concurrency per function when the stage asks, and none by default', () => {
    const reserved = (t: Template) =>
      Object.values(t.findResources('AWS::Lambda::Function'))
        .map((f) => f.Properties.ReservedConcurrentExecutions)
        .filter((n) => n !== undefined)
        .sort((a, b) => a - b);
    // The jobs function always runs one at a time.
    expect(reserved(custom.template)).toEqual([1, 5, 50, 100]);
    expect(reserved(dev.template)).toEqual([1]);
  });

  it('serves a custom domain with its certificate, and uses it as the site URL', () => {
    const distribution = Object.values(custom.template.findResources('AWS::CloudFront::Distribution'))[0];
    expect(distribution?.Properties.DistributionConfig.Aliases).toEqual(['bursa.tangerangkota.go.id']);
    expect(distribution?.Properties.DistributionConfig.ViewerCertificate).toMatchObject({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(custom.bursa.siteUrl).toBe('https://bursa.tangerangkota.go.id');
  });
});

describe('edge firewall (WAF)', () => {
  const edgeStack = new Stack(new App(), 'Edge', { env: { account: '123456789012', region: 'us-east-1' } });
  new EdgeFirewall(edgeStack, 'Firewall');
  const acl = Object.values(Template.fromStack(edgeStack).findResources('AWS::WAFv2::WebACL'))[0]?.Properties;
  const rule = (name: string) => acl.Rules.find((r: { Name: string }) => r.Name === name);
  const paths = (name: string): string[] =>
    rule(name).Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements[1].OrStatement.Statements.map(
      (s: { ByteMatchStatement: { SearchString: string } }) => s.ByteMatchStatement.SearchString,
    );

  it('is a CloudFront web ACL that allows by default and rate-limits per client address over 5 minutes', () => {
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules.map((r: { Name: string }) => r.Name)).toEqual(['sign-in', 'sign-up', 'flood']);
    for (const r of acl.Rules) {
      expect(r.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
      expect(r.Action.Block.CustomResponse).toEqual({ ResponseCode: 429, CustomResponseBodyKey: 'tooMany' });
    }
    expect(acl.CustomResponseBodies.tooMany.Content).toContain('Tunggu beberapa menit');
  });

  it('limits POSTs to sign-in, password reset and sign-up in both languages and the API, generously', () => {
    for (const name of ['sign-in', 'sign-up']) {
      const methods = rule(name).Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements[0];
      expect(methods.ByteMatchStatement).toMatchObject({ SearchString: 'POST', FieldToMatch: { Method: {} } });
    }
    expect(paths('sign-in')).toEqual(
      expect.arrayContaining(['/masuk', '/en/masuk', '/api/auth/signin', '/lupa-sandi']),
    );
    expect(paths('sign-up')).toEqual(['/daftar', '/en/daftar', '/api/auth/register']);
    // A fair hall's Wi-Fi: hundreds of honest sign-ins from one address must pass.
    expect(rule('sign-in').Statement.RateBasedStatement.Limit).toBe(300);
    expect(rule('sign-up').Statement.RateBasedStatement.Limit).toBe(100);
  });

  it('is attached to the distribution when given, and production refuses to go without one unless told', () => {
    const distribution = Object.values(prod.template.findResources('AWS::CloudFront::Distribution'))[0];
    expect(distribution?.Properties.DistributionConfig.WebACLId).toBe(WEB_ACL);
    const devDistribution = Object.values(dev.template.findResources('AWS::CloudFront::Distribution'))[0];
    expect(devDistribution?.Properties.DistributionConfig.WebACLId).toBeUndefined();
    expect(() => synth({ stage: 'production', siteUrl: SITE })).toThrow(/no web ACL/);
    expect(firewallWanted('production', undefined)).toBe(true);
    expect(firewallWanted('alice', undefined)).toBe(false);
    expect(firewallWanted('alice', 'on')).toBe(true);
    expect(firewallWanted('production', 'off')).toBe(false);
  });

  it('plain CDK: production gets a us-east-1 edge stack whose web ACL the main stack uses', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { main, edge } = bursaStacks(app, { stage: 'production', account: '123456789012', siteUrl: SITE });
    expect(edge?.region).toBe('us-east-1');
    expect(main.region).toBe('ap-southeast-3');
    Template.fromStack(edge as Stack).resourceCountIs('AWS::WAFv2::WebACL', 1);
    const distribution = Object.values(Template.fromStack(main).findResources('AWS::CloudFront::Distribution'))[0];
    // A cross-region reference (read from SSM in the main stack's region), not a literal.
    expect(JSON.stringify(distribution?.Properties.DistributionConfig.WebACLId)).toMatch(/Firewall|Ref|GetAtt/);
    const devApp = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    expect(bursaStacks(devApp, { stage: 'dev', account: '123456789012' }).edge).toBeUndefined();
  });
});
