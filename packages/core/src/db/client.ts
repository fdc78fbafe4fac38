import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../kernel/config.ts';
import { instrument } from './metrics.ts';

/** A document client plus the table it talks to: the one handle every repository takes. */
export type Db = { doc: DynamoDBDocumentClient; raw: DynamoDBClient; tableName: string };

export function createDb(config: Pick<Config, 'region' | 'dynamodbEndpoint' | 'tableName'>): Db {
  const raw = new DynamoDBClient({
    region: config.region,
    ...(config.dynamodbEndpoint
      ? {
          endpoint: config.dynamodbEndpoint,
          // DynamoDB Local accepts any alphanumeric key; real AWS uses the Lambda role.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  if (process.env.BURSA_DB_METRICS === '1') instrument(raw);
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, raw, tableName: config.tableName };
}
