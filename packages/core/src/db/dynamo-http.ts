import { randomUUID } from 'node:crypto';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type AwsCredentials, credentialsFromEnv, signRequest } from '../aws/sigv4.ts';
import { currentEntry, iamActionsOf, recordActions } from './action-recorder.ts';
import { countCall } from './metrics.ts';
import { isOutage, unavailable } from './unavailable.ts';

/**
 * DynamoDB's JSON API over fetch, as a document client: `send(command)` takes
 * the commands dynamodb-toolbox and Bursa build (`GetCommand`, `QueryCommand`,
 * … from @aws-sdk/lib-dynamodb, or their stand-ins in the Lambda bundles:
 * db/lib-dynamodb-lite.ts), marshals their input, signs and sends one request
 * (`X-Amz-Target: DynamoDB_20120810.<operation>`) and unmarshals the answer.
 * It replaces the SDK's DynamoDB and document clients, about 230 KB of every
 * bundle (issue 15), and keeps what Bursa relied on them for:
 * - errors named as the SDK names them (`ConditionalCheckFailedException`,
 *   `TransactionCanceledException` with `CancellationReasons`, …);
 * - retries with jittered backoff on throttling, 5xx, timeouts and dropped
 *   connections (3 attempts), each attempt bounded (DYNAMODB_TIMEOUT_MS), and
 *   an outage that outlasts them becomes 503 `service.unavailable`; a
 *   transaction carries an idempotency token (ClientRequestToken), so a retry
 *   of one that was applied is not applied again;
 * - the bench's counting (metrics.ts) and the tests' IAM recording (action-recorder.ts).
 */
const OPERATIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
};

type Command = { input: Record<string, unknown>; operation?: string; constructor: { name: string } };
type Json = Record<string, unknown>;
type Doc = Record<string, unknown>;
const OPTIONS = { removeUndefinedValues: true } as const;
const m = (v: unknown) => marshall(v as Doc, OPTIONS);
const u = (v: unknown) => (v ? unmarshall(v as never) : v);
const mapValues = (o: unknown, f: (v: unknown) => unknown) =>
  o ? Object.fromEntries(Object.entries(o as Json).map(([k, v]) => [k, f(v)])) : o;
/** BatchGetItem's keys per table (its request, or what it left unprocessed), each through `f`. */
const mapKeys = (byTable: unknown, f: (v: unknown) => unknown) =>
  mapValues(byTable, (r) => ({ ...(r as Json), Keys: ((r as Json).Keys as Json[]).map(f) }));
/** BatchWriteItem's puts and deletes per table (its request, or what it left unprocessed), each item or key through `f`. */
const mapWrites = (byTable: unknown, f: (v: unknown) => unknown) =>
  mapValues(byTable, (rs) =>
    (rs as Json[]).map((r) =>
      r.PutRequest
        ? { PutRequest: { Item: f((r.PutRequest as Json).Item) } }
        : { DeleteRequest: { Key: f((r.DeleteRequest as Json).Key) } },
    ),
  );

/** What a document command answers (the items unmarshalled), as far as Bursa reads it. */
export type DocumentOutput = {
  Item?: Doc;
  Items?: Doc[];
  Attributes?: Doc;
  LastEvaluatedKey?: Doc;
  Count?: number;
  [key: string]: unknown;
};

/** The document-level input as DynamoDB's wire format. */
function marshalInput(op: string, input: Json): Json {
  const out: Json = { ...input };
  const values = (i: Json) =>
    i.ExpressionAttributeValues ? { ExpressionAttributeValues: m(i.ExpressionAttributeValues) } : {};
  Object.assign(out, values(input));
  if (input.Key) out.Key = m(input.Key);
  if (input.Item) out.Item = m(input.Item);
  if (input.ExclusiveStartKey) out.ExclusiveStartKey = m(input.ExclusiveStartKey);
  if (op === 'BatchGetItem') out.RequestItems = mapKeys(input.RequestItems, m);
  if (op === 'BatchWriteItem') out.RequestItems = mapWrites(input.RequestItems, m);
  if (op === 'TransactWriteItems' || op === 'TransactGetItems')
    out.TransactItems = (input.TransactItems as Json[]).map((t) =>
      Object.fromEntries(
        Object.entries(t).map(([kind, a]) => {
          const action = a as Json;
          return [
            kind,
            {
              ...action,
              ...values(action),
              ...(action.Key ? { Key: m(action.Key) } : {}),
              ...(action.Item ? { Item: m(action.Item) } : {}),
            },
          ];
        }),
      ),
    );
  return out;
}

/** DynamoDB's answer as documents. */
function unmarshalOutput(op: string, body: Json): Json {
  const out: Json = { ...body };
  if (body.Item) out.Item = u(body.Item);
  if (body.Attributes) out.Attributes = u(body.Attributes);
  if (body.Items) out.Items = (body.Items as Json[]).map(u);
  if (body.LastEvaluatedKey) out.LastEvaluatedKey = u(body.LastEvaluatedKey);
  if (op === 'BatchGetItem') {
    out.Responses = mapValues(body.Responses, (items) => (items as Json[]).map(u));
    out.UnprocessedKeys = mapKeys(body.UnprocessedKeys, u);
  }
  if (op === 'BatchWriteItem') out.UnprocessedItems = mapWrites(body.UnprocessedItems, u);
  if (op === 'TransactGetItems')
    out.Responses = ((body.Responses as Json[]) ?? []).map((r) => ({ ...r, Item: u(r.Item) }));
  return out;
}

/** An error as the SDK shapes it: its name, message, HTTP status, and what DynamoDB attached. */
export class DynamoError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly CancellationReasons?: { Code?: string; Message?: string; Item?: Doc }[];
  readonly Item?: Doc;
  constructor(name: string, status: number, body: Json) {
    super(String(body.message ?? body.Message ?? name));
    this.name = name;
    this.$metadata = { httpStatusCode: status };
    if (body.CancellationReasons)
      this.CancellationReasons = (body.CancellationReasons as Json[]).map((r) => ({
        ...r,
        ...(r.Item ? { Item: u(r.Item) as Doc } : {}),
      }));
    if (body.Item) this.Item = u(body.Item) as Doc;
  }
}

const RETRIED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
]);

export type DynamoHttpOptions = {
  region: string;
  endpoint?: string | undefined;
  /** Each attempt's bound (DYNAMODB_TIMEOUT_MS). */
  timeoutMs?: number;
  attempts?: number;
  credentials?: AwsCredentials;
};

export class DynamoHttp {
  readonly url: URL;
  private readonly credentials: () => AwsCredentials;
  constructor(private readonly o: DynamoHttpOptions) {
    this.url = new URL(o.endpoint ?? `https://dynamodb.${o.region}.amazonaws.com/`);
    const fixed = o.credentials ?? (o.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined);
    this.credentials = () => fixed ?? credentialsFromEnv();
  }

  /** A document command, as the SDK's document client sends it. */
  async send<T = DocumentOutput>(command: Command): Promise<T> {
    const op = command.operation ?? OPERATIONS[command.constructor.name];
    if (!op) throw new Error(`DynamoHttp: no operation for ${command.constructor.name}`);
    const input = marshalInput(op, command.input);
    // As the SDK does: a transaction carries an idempotency token, the same on every attempt, so an
    // attempt that timed out after DynamoDB applied it is not applied twice (or refused by its own conditions).
    if (op === 'TransactWriteItems') input.ClientRequestToken ??= randomUUID();
    return unmarshalOutput(op, await this.call(op, input)) as T;
  }

  /** One operation with a wire-format input (DescribeTable, CreateTable, …, or a marshalled item operation). */
  async call(op: string, input: Json): Promise<Json> {
    if (process.env.BURSA_AWS_ACTIONS_DIR && currentEntry())
      recordActions(iamActionsOf('DynamoDBClient', `${op}Command`, input));
    const measuring = process.env.BURSA_DB_METRICS === '1';
    const body = JSON.stringify(measuring ? { ReturnConsumedCapacity: 'TOTAL', ...input } : input);
    const attempts = this.o.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      let retry = true;
      try {
        const res = await fetch(this.url, {
          method: 'POST',
          headers: signRequest({
            method: 'POST',
            url: this.url,
            headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${op}` },
            body,
            service: 'dynamodb',
            region: this.o.region,
            credentials: this.credentials(),
          }),
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 2000),
        });
        const text = await res.text();
        const json = (text ? JSON.parse(text) : {}) as Json;
        if (res.ok) {
          if (measuring) countCall(`${op}Command`, input, json);
          return json;
        }
        const name = String(json.__type ?? `Http${res.status}`)
          .split('#')
          .at(-1) as string;
        failure = new DynamoError(name, res.status, json);
        retry = RETRIED.has(name) || res.status >= 500;
      } catch (e) {
        // A timeout, a refused or dropped connection: tried again; anything else is a fault here.
        if (!isOutage(e)) throw e;
        failure = e;
      }
      if (!retry) throw failure;
      if (attempt >= attempts) throw isOutage(failure) ? unavailable() : failure;
      // Full jitter, as the SDK's standard retry mode: up to 100 ms, 200 ms, …
      await new Promise((r) => setTimeout(r, Math.random() * 100 * 2 ** (attempt - 1)));
    }
  }
}
