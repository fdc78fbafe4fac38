import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Which AWS actions each entry point really sends, for the tests' grants check
 * (test/grants/grants.test.ts): recorded actions must be granted to that
 * function's role in the synthesized template, and every granted data action
 * must have been recorded. DynamoDB Local and s3rver do not check IAM, so
 * without this a missing grant only shows up in AWS, as AccessDenied.
 *
 * Off unless BURSA_AWS_ACTIONS_DIR is set (tests only): then each command sent
 * inside `runAsEntry` appends `<entry>\t<iam action>\t<resource kind>` to
 * `<dir>/<pid>.tsv`, synchronously, so forked test workers and the separately
 * bundled web app (its own copy of this module, its own ALS) all contribute.
 * Commands sent outside any entry (test setup, seeding) are not recorded.
 */
export type EntryPoint = 'api' | 'payments' | 'web' | 'events' | 'rotate' | 'image' | 'jobs' | 'search';

const entries = new AsyncLocalStorage<EntryPoint>();

/**
 * Runs `fn` (and everything it awaits) as the given entry point. A plain call
 * when not recording: an active AsyncLocalStorage costs every promise a hook.
 */
export function runAsEntry<T>(entry: EntryPoint, fn: () => T): T {
  return process.env.BURSA_AWS_ACTIONS_DIR ? entries.run(entry, fn) : fn();
}

/** The entry point the current async call chain runs in, if any. */
export function currentEntry(): EntryPoint | undefined {
  return entries.getStore();
}

/** An IAM action and the kind of resource it is authorised on: `table` or `index` (DynamoDB), `bucket` or `object` (S3), `secret`, `distribution`, `function` (Lambda). */
export type AwsAction = { action: string; resource: string };

type Input = Record<string, unknown> | undefined;

/**
 * The IAM actions one SDK command needs, the way IAM authorises them: a
 * transaction is authorised per contained operation (there is no
 * TransactWriteItems action), and a Query or Scan on an index needs the
 * action on the index's ARN (`<table>/index/<name>`), not the table's.
 */
export function iamActionsOf(clientName: string, commandName: string, input: Input): AwsAction[] {
  const name = commandName.replace(/Command$/, '');
  const service = serviceOf(clientName);
  if (service === 'dynamodb') {
    if (name === 'TransactWriteItems') {
      const ops: Record<string, string> = {
        Put: 'PutItem',
        Update: 'UpdateItem',
        Delete: 'DeleteItem',
        ConditionCheck: 'ConditionCheckItem',
      };
      const items = (input?.TransactItems ?? []) as Record<string, unknown>[];
      return items.flatMap((i) =>
        Object.keys(i)
          .filter((k) => k in ops)
          .map((k) => ({ action: `dynamodb:${ops[k]}`, resource: 'table' })),
      );
    }
    if (name === 'TransactGetItems') return [{ action: 'dynamodb:GetItem', resource: 'table' }];
    if (name === 'Query' || name === 'Scan') {
      return [{ action: `dynamodb:${name}`, resource: input?.IndexName ? 'index' : 'table' }];
    }
    return [{ action: `dynamodb:${name}`, resource: 'table' }];
  }
  // HeadObject has no IAM action of its own: GetObject authorises it.
  if (service === 's3') {
    const action = name === 'HeadObject' ? 'GetObject' : name;
    return [{ action: `s3:${action}`, resource: input?.Key === undefined ? 'bucket' : 'object' }];
  }
  // GetRandomPassword is the one Secrets Manager action not tied to a secret.
  if (service === 'secretsmanager')
    return [{ action: `${service}:${name}`, resource: input?.SecretId ? 'secret' : '*' }];
  // Lambda's Invoke API is authorised as InvokeFunction on the function.
  if (service === 'lambda' && name === 'Invoke') return [{ action: 'lambda:InvokeFunction', resource: 'function' }];
  if (service === 'cloudfront') return [{ action: `${service}:${name}`, resource: 'distribution' }];
  return [{ action: `${service}:${name}`, resource: '*' }];
}

/** IAM's service prefix from the SDK client's name: DynamoDBClient → dynamodb, S3Client → s3. */
function serviceOf(clientName: string): string {
  const base = clientName.replace(/Client$/, '').toLowerCase();
  // DynamoDB Streams' API is authorised under the dynamodb prefix, SES v2's under ses.
  if (base === 'dynamodbstreams') return 'dynamodb';
  return base === 'sesv2' ? 'ses' : base;
}

/**
 * Records actions sent without an SDK client (db/dynamo-http.ts, aws/*.ts), or
 * performed without sending anything (a presigned POST is signed here and sent
 * by the browser, with this function's authority), as the current entry point.
 */
export const recordSent = (action: string, resource: string) => recordActions([{ action, resource }]);

export function recordActions(actions: AwsAction[]): void {
  const dir = process.env.BURSA_AWS_ACTIONS_DIR;
  const entry = currentEntry();
  if (dir && entry) record(dir, entry, actions);
}

const written = new Set<string>();

function record(dir: string, entry: EntryPoint, actions: AwsAction[]): void {
  const file = path.join(dir, `${process.pid}.tsv`);
  for (const { action, resource } of actions) {
    const line = `${entry}\t${action}\t${resource}`;
    const key = `${file}\n${line}`;
    if (written.has(key)) continue;
    written.add(key);
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${line}\n`);
  }
}

type MiddlewareClient = {
  middlewareStack: {
    add(
      mw: (
        next: (args: { input: unknown }) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: { input: unknown }) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
};

/**
 * Adds the recording middleware to an AWS SDK v3 client (DynamoDB, S3, …),
 * only when BURSA_AWS_ACTIONS_DIR is set: no cost in production. Records
 * before sending, so an attempt that AWS would refuse is recorded too.
 */
export function recordAwsActions<C>(client: C): C {
  const dir = process.env.BURSA_AWS_ACTIONS_DIR;
  if (!dir) return client;
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      const entry = currentEntry();
      if (entry) {
        const actions = iamActionsOf(
          String(context.clientName ?? ''),
          String(context.commandName ?? ''),
          args.input as Input,
        );
        record(dir, entry, actions);
      }
      return next(args);
    },
    { step: 'initialize', name: 'bursaAwsActionRecorder' },
  );
  return client;
}
