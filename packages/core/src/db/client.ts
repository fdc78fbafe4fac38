import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../kernel/config.ts';
import { DynamoHttp } from './dynamo-http.ts';
import { type BursaTable, createTable } from './table.ts';

/**
 * The one handle every use case reaches storage through: the client, the
 * table's name, and the dynamodb-toolbox Table bound to both (each concept's
 * entities are built on it, see `bindEntities`). The client is Bursa's own
 * (db/dynamo-http.ts: DynamoDB's JSON API over fetch), not the AWS SDK's.
 */
export type Db = { doc: DynamoHttp; tableName: string; table: BursaTable };

export function createDb(
  config: Pick<Config, 'region' | 'dynamodbEndpoint' | 'tableName'> & Partial<Pick<Config, 'dynamodbTimeoutMs'>>,
): Db {
  // Fail fast instead of hanging when DynamoDB does not answer (a Lambda has seconds, not minutes):
  // each attempt answers within 2 s (DYNAMODB_TIMEOUT_MS), 3 attempts with jittered backoff
  // (about 6 s in all), then 503 service.unavailable. DynamoDB Local accepts any key; in AWS the
  // Lambda role's credentials come from the environment.
  const doc = new DynamoHttp({
    region: config.region,
    endpoint: config.dynamodbEndpoint,
    timeoutMs: config.dynamodbTimeoutMs ?? 2000,
    attempts: 3,
  });
  // dynamodb-toolbox sends its commands through `send`, which is all it asks of a document client.
  return {
    doc,
    tableName: config.tableName,
    table: createTable(doc as unknown as DynamoDBDocumentClient, config.tableName),
  };
}
