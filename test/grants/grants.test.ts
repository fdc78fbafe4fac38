import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntryPoint } from '@bursa/core/db';
import { type AppFunction, Bursa } from '@bursa/infra';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';

/**
 * Runs after every other test (vitest.config.ts, project "grants"): while they
 * ran, each entry point recorded the AWS actions it sent (packages/core/src/db/action-recorder.ts).
 * DynamoDB Local and s3rver do not check IAM, so this is where a missing grant
 * shows, not as AccessDenied in AWS. Per function, both ways:
 *   - every action it sent is granted to its role in the synthesized template;
 *   - every data action granted to it was sent at least once (least privilege),
 *     apart from the platform actions listed below, which AWS services use with
 *     the role, not our code.
 * Needs `npm run build` (like any synth) and the whole suite in the same run.
 */

type Kind = 'table' | 'index' | 'stream' | 'queue' | 'bucket' | 'object' | 'secret' | 'distribution' | 'function' | '*';
type Action = { action: string; resource: Kind };

/** Granted to a role for AWS's own use of it, never sent by our code; each says why. */
const PLATFORM: Record<EntryPoint, (Action & { why: string })[]> = {
  api: [],
  payments: [],
  web: [],
  rotate: [],
  image: [],
  jobs: [],
  search: [],
  events: [
    // The event source mapping: Lambda reads the table's stream with the function's role.
    ...['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'].map((a) => ({
      action: `dynamodb:${a}`,
      resource: 'stream' as const,
      why: 'the event source mapping needs to read the table stream',
    })),
    // The on-failure destination: Lambda sends a failed batch's position to the queue with the role.
    ...['SendMessage', 'GetQueueAttributes', 'GetQueueUrl'].map((a) => ({
      action: `sqs:${a}`,
      resource: 'queue' as const,
      why: 'the event source mapping sends failed batches to the failure queue',
    })),
  ],
};
/** Managed policies a function role may carry: logs (CreateLogStream, PutLogEvents), used by the Lambda runtime. */
const PLATFORM_MANAGED = ['service-role/AWSLambdaBasicExecutionRole'];

const KIND_NAMES: Record<Kind, string> = {
  table: 'the table',
  index: 'an index',
  stream: 'the table stream',
  queue: 'the queue',
  bucket: 'the bucket',
  object: 'bucket objects',
  secret: 'the secret',
  distribution: 'the distribution',
  function: 'a function',
  '*': '*',
};
const describeKind = (k: string) => KIND_NAMES[k as Kind] ?? k;

// --- what the tests sent -----------------------------------------------------------------

const dir = process.env.BURSA_AWS_ACTIONS_DIR;
const sent = new Map<EntryPoint, Set<string>>([
  ['api', new Set()],
  ['payments', new Set()],
  ['web', new Set()],
  ['events', new Set()],
  ['rotate', new Set()],
  ['image', new Set()],
  ['jobs', new Set()],
  ['search', new Set()],
]);
if (dir && existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)) {
      const [entry, action, resource] = line.split('\t') as [EntryPoint, string, Kind];
      sent.get(entry)?.add(`${action}\t${resource}`);
    }
  }
}
const sentBy = (entry: EntryPoint): Action[] =>
  [...(sent.get(entry) ?? [])].sort().map((s) => {
    const [action = '', resource = '*'] = s.split('\t');
    return { action, resource: resource as Kind };
  });

// --- what the roles are granted ----------------------------------------------------------

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new Stack(app, 'Bursa-grants', { env: { account: '123456789012', region: 'ap-southeast-3' } });
const bursa = new Bursa(stack, 'Bursa', { stage: 'grants', siteUrl: 'https://bursa.example.id' });
const template = Template.fromStack(stack).toJSON() as {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const functions: Record<EntryPoint, AppFunction> = {
  api: bursa.api,
  payments: bursa.payments,
  web: bursa.web,
  events: bursa.events,
  rotate: bursa.originRotation,
  image: bursa.images,
  jobs: bursa.jobs,
  search: bursa.search,
};

type Statement = {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  NotAction?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
};
type Grant = { effect: 'Allow' | 'Deny'; actions: string[]; kinds: string[]; unsupported?: string };

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** What a resource expression in the template points at. */
function kindOf(resource: unknown): string {
  if (resource === '*') return '*';
  const r = resource as Record<string, unknown[]> | undefined;
  const ref = r?.Ref as unknown as string | undefined;
  if (ref && template.Resources[ref]?.Type === 'AWS::SecretsManager::Secret') return 'secret';
  const getAtt = r?.['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) {
    const type = template.Resources[getAtt[0]]?.Type;
    if (type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::DynamoDB::Table') {
      return getAtt[1] === 'StreamArn' ? 'stream' : getAtt[1] === 'Arn' ? 'table' : JSON.stringify(resource);
    }
    if (type === 'AWS::SQS::Queue' && getAtt[1] === 'Arn') return 'queue';
    if (type === 'AWS::S3::Bucket' && getAtt[1] === 'Arn') return 'bucket';
    if (type === 'AWS::Lambda::Function' && getAtt[1] === 'Arn') return 'function';
  }
  const join = r?.['Fn::Join'] as [string, unknown[]] | undefined;
  // formatArn's `arn:…:cloudfront::<account>:distribution/<id>`.
  const distribution = join?.[1].some(
    (part) => template.Resources[(part as { Ref?: string })?.Ref ?? '']?.Type === 'AWS::CloudFront::Distribution',
  );
  if (join && distribution && join[1].some((part) => typeof part === 'string' && part.endsWith(':distribution/'))) {
    return 'distribution';
  }
  if (join && join[0] === '' && join[1].length === 2 && typeof join[1][1] === 'string') {
    const base = kindOf(join[1][0]);
    if (base === 'table' && join[1][1] === '/index/*') return 'index';
    if (base === 'bucket' && join[1][1].startsWith('/')) return 'object';
    // grantInvoke's `<function arn>:*`: its versions and aliases.
    if (base === 'function' && join[1][1] === ':*') return 'function';
  }
  return JSON.stringify(resource);
}

function grantsOf(fn: AppFunction): { grants: Grant[]; managed: string[] } {
  const roleId = stack.getLogicalId(fn.function.role?.node.defaultChild as CfnRole);
  const role = template.Resources[roleId];
  if (!role) throw new Error(`no role for ${fn.node.path}`);
  const documents = [
    ...Object.values(template.Resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          list(r.Properties.Roles as unknown[]).some((x) => (x as { Ref?: string }).Ref === roleId),
      )
      .map((r) => r.Properties.PolicyDocument),
    ...list(role.Properties.Policies as { PolicyDocument: unknown }[]).map((p) => p.PolicyDocument),
  ] as { Statement: Statement[] }[];
  const grants = documents.flatMap((d) =>
    list(d.Statement).map(
      (s): Grant => ({
        effect: s.Effect,
        actions: list(s.Action),
        kinds: list(s.Resource).map(kindOf),
        ...(s.NotAction || s.NotResource || s.Condition
          ? { unsupported: 'NotAction, NotResource or Condition: this check cannot evaluate it' }
          : {}),
      }),
    ),
  );
  const managed = list(role.Properties.ManagedPolicyArns).map((arn) => {
    const text = JSON.stringify(arn);
    return PLATFORM_MANAGED.find((name) => text.includes(`:iam::aws:policy/${name}`)) ?? text;
  });
  return { grants, managed };
}

/** IAM's action match: case-insensitive, `*` any run of characters, `?` one character. */
const matches = (pattern: string, action: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  ).test(action);
const covers = (g: Grant, a: Action) =>
  g.actions.some((p) => matches(p, a.action)) &&
  // A recorded '*' is an action the recorder does not tie to a resource kind (e.g. SES): any granted resource counts.
  (a.resource === '*' || g.kinds.some((k) => k === a.resource || k === '*'));
const allowed = (grants: Grant[], a: Action) =>
  grants.some((g) => g.effect === 'Allow' && covers(g, a)) && !grants.some((g) => g.effect === 'Deny' && covers(g, a));

// --- the check ---------------------------------------------------------------------------

describe('IAM grants match what each function sends', () => {
  it('the run recorded the entry points (BURSA_AWS_ACTIONS_DIR, set by test/grants/actions-dir.ts)', () => {
    expect(dir, 'BURSA_AWS_ACTIONS_DIR is not set: run the tests through vitest.config.ts').toBeTruthy();
    const recorded = [...sent.values()].reduce((n, s) => n + s.size, 0);
    expect(recorded, `nothing recorded in ${dir}: run the whole suite (npx vitest run)`).toBeGreaterThan(0);
    // What each entry point sent, for whoever adjusts a grant.
    console.info(
      (['api', 'payments', 'web', 'events', 'rotate', 'image'] as const)
        .map(
          (e) =>
            `${e} sent: ${
              sentBy(e)
                .map((a) => `${a.action} (${a.resource})`)
                .join(', ') || 'nothing'
            }`,
        )
        .join('\n'),
    );
  });

  for (const entry of ['api', 'payments', 'web', 'events', 'rotate', 'image'] as const) {
    describe(entry, () => {
      const { grants, managed } = grantsOf(functions[entry]);

      it('is granted every action it sends', () => {
        const missing = sentBy(entry)
          .filter((a) => !allowed(grants, a))
          .map((a) => `${entry} sends ${a.action} on ${describeKind(a.resource)} but its role is not granted it`);
        expect(missing).toEqual([]);
      });

      it('is granted nothing it does not send, apart from the listed platform actions', () => {
        const sentKeys = sent.get(entry) ?? new Set<string>();
        const platform = PLATFORM[entry];
        const extra: string[] = [];
        for (const g of grants) {
          if (g.unsupported) extra.push(`${entry} has a statement with ${g.unsupported}: ${JSON.stringify(g)}`);
          if (g.effect !== 'Allow') continue;
          for (const action of g.actions) {
            for (const kind of g.kinds) {
              if (platform.some((p) => p.action === action && p.resource === kind)) continue;
              if (/[*?]/.test(action)) {
                extra.push(`${entry} is granted ${action} on ${describeKind(kind)}: grant the exact actions it sends`);
              } else if (!sentKeys.has(`${action}\t${kind}`) && !sentKeys.has(`${action}\t*`)) {
                extra.push(
                  `${entry} is granted ${action} on ${describeKind(kind)} but never sent it while the tests ran: drop the grant (or test the code that needs it)`,
                );
              }
            }
          }
        }
        for (const m of managed) {
          if (!PLATFORM_MANAGED.includes(m)) extra.push(`${entry}'s role has the managed policy ${m}`);
        }
        expect(extra).toEqual([]);
      });

      it('keeps the platform actions AWS uses with its role', () => {
        const lacking = PLATFORM[entry]
          .filter((p) => !allowed(grants, p))
          .map((p) => `${entry}'s role lacks ${p.action} on ${describeKind(p.resource)}: ${p.why}`);
        expect(lacking).toEqual([]);
        expect(managed).toEqual(PLATFORM_MANAGED);
      });
    });
  }
});
