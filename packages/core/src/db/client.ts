import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../kernel/config.ts';
import { recordAwsActions } from './action-recorder.ts';
import { instrument } from './metrics.ts';
import { type BursaTable, createTable } from './table.ts';
import { reportUnavailable } from './unavailable.ts';

/**
 * The one handle every use case reaches storage through: the clients, the
 * table's name, and the dynamodb-toolbox Table bound to both (each concept's
 * entities are built on it, see `bindEntities`).
 */
export type Db = { doc: DynamoDBDocumentClient; raw: DynamoDBClient; tableName: string; table: BursaTable };

export function createDb(
  config: Pick<Config, 'region' | 'dynamodbEndpoint' | 'tableName'> & Partial<Pick<Config, 'dynamodbTimeoutMs'>>,
): Db {
  const raw = new DynamoDBClient({
    region: config.region,
    // Fail fast instead of hanging when DynamoDB does not answer (a Lambda has seconds, not minutes):
    // connect within 1 s, answer within 2 s (DYNAMODB_TIMEOUT_MS), 3 attempts (about 6 s in all) with the
    // SDK's backoff, then 503 service.unavailable.
    requestHandler: {
      connectionTimeout: 1000,
      requestTimeout: config.dynamodbTimeoutMs ?? 2000,
      throwOnRequestTimeout: true,
    },
    maxAttempts: 3,
    ...(config.dynamodbEndpoint
      ? {
          endpoint: config.dynamodbEndpoint,
          // DynamoDB Local accepts any alphanumeric key; real AWS uses the Lambda role.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  if (process.env.BURSA_DB_METRICS === '1') instrument(raw);
  recordAwsActions(raw); // tests only (BURSA_AWS_ACTIONS_DIR): see test/grants
  reportUnavailable(raw);
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, raw, tableName: config.tableName, table: createTable(doc, config.tableName) };
}
