import type { Db } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { createStreamHandler } from '@bursa/functions/events/stream';
import { inject } from 'vitest';
import { startStreamPoller } from '../../scripts/local/stream-poller.ts';

/**
 * The table's stream feeding the real projections (functions/src/events), as
 * the event source mapping does in AWS, for tests that write through core or
 * the API in-process. `settle()` waits until every write so far is projected.
 */
export async function startProjections(db: Db) {
  const endpoint = (inject as (key: string) => unknown)('dynamodbEndpoint');
  if (typeof endpoint !== 'string')
    throw new Error('No DynamoDB Local: run tests through vitest.config.ts (npm test).');
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName });
  return startStreamPoller({ endpoint, tableName: db.tableName, handler: createStreamHandler({ config, db }) });
}
