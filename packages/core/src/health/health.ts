import type { Db } from '../db/client.ts';
import { ping } from '../db/ping.ts';

export type Health = { status: 'ok' | 'degraded'; checks: { dynamodb: 'ok' | 'error' }; latencyMs: number };

/** Liveness plus one cheap read of the table (see db/ping.ts). */
export async function check(db: Db): Promise<Health> {
  const started = performance.now();
  let dynamodb: 'ok' | 'error' = 'ok';
  try {
    await ping(db);
  } catch {
    dynamodb = 'error';
  }
  return {
    status: dynamodb === 'ok' ? 'ok' : 'degraded',
    checks: { dynamodb },
    latencyMs: Math.round(performance.now() - started),
  };
}
