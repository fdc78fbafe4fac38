import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';

/**
 * One cheap data-plane read (a GetItem on a key that need not exist: 0.5 RCU),
 * which proves the table and the caller's permissions work.
 */
export async function ping(db: Db): Promise<void> {
  await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
}
