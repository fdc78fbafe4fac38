import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.ts';

export type Health = { status: 'ok' | 'degraded'; checks: { dynamodb: 'ok' | 'error' }; latencyMs: number };

/**
 * Liveness plus one cheap data-plane read (a GetItem on a key that need not
 * exist: 0.5 RCU), which proves the table and the role's permissions work.
 */
export async function checkHealth(db: Db): Promise<Health> {
  const started = performance.now();
  let dynamodb: 'ok' | 'error' = 'ok';
  try {
    await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  } catch {
    dynamodb = 'error';
  }
  return {
    status: dynamodb === 'ok' ? 'ok' : 'degraded',
    checks: { dynamodb },
    latencyMs: Math.round(performance.now() - started),
  };
}
