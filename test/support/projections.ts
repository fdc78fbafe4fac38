import type { Db } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { createStreamHandler } from '@bursa/functions/events/stream';
import { startStreamPoller } from '../../scripts/local/stream-poller.ts';
import { fileDynamoEndpoint } from './dynamodb.ts';

/**
 * The table's stream feeding the real projections (functions/src/events), as
 * the event source mapping does in AWS, for tests that write through core or
 * the API in-process. `settle()` waits until every write so far is projected.
 */
export async function startProjections(db: Db) {
  const endpoint = await fileDynamoEndpoint();
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName });
  return startStreamPoller({ endpoint, tableName: db.tableName, handler: createStreamHandler({ config, db }) });
}
