import { randomUUID } from 'node:crypto';
import { createDb, type Db, ensureTable } from '@bursa/core/db';
import { inject } from 'vitest';

/**
 * A fresh table on the run's DynamoDB Local, so test files share no state.
 * Also points process.env at it, for code that reads its config from there.
 */
export async function createTestDb(): Promise<Db> {
  const endpoint = (inject as (key: string) => unknown)('dynamodbEndpoint');
  if (typeof endpoint !== 'string')
    throw new Error('No DynamoDB Local: run tests through vitest.config.ts (npm test).');
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, AWS_REGION: 'ap-southeast-3' });
  const db = createDb({ region: 'ap-southeast-3', dynamodbEndpoint: endpoint, tableName });
  await ensureTable(db.raw, tableName);
  return db;
}
