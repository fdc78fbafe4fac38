import { type BatchDeleteRequest, type BatchPutRequest, BatchWriteCommand, executeBatchWrite } from 'dynamodb-toolbox';
import type { Db } from './client.ts';

/**
 * Writes any number of put/delete requests, 25 per BatchWriteItem (DynamoDB's
 * limit), retrying what DynamoDB hands back unprocessed under load. For seeds
 * and stream projections, never for writes that must be atomic (those are
 * transactions).
 */
// Any entity's requests: the entity-specific generics do not widen to the base type.
type WriteRequest = BatchPutRequest<never> | BatchDeleteRequest<never>;

export async function writeInBatches(db: Db, requests: readonly unknown[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    const chunk = requests.slice(i, i + 25);
    const out = await executeBatchWrite(
      { maxAttempts: 6 },
      db.table.build(BatchWriteCommand).requests(...(chunk as WriteRequest[])),
    );
    if (Object.keys(out.UnprocessedItems ?? {}).length > 0) {
      throw new Error(`BatchWriteItem left items unprocessed after 6 attempts (table ${db.tableName})`);
    }
  }
}
