import {
  Entity,
  type ExecuteTransactWriteInput,
  type ExecuteTransactWriteOptions,
  executeTransactWrite,
  item,
  number,
  PutTransaction,
  string,
} from 'dynamodb-toolbox';
import type { Db } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { type BursaTable, bindEntities } from './table.ts';

/**
 * "This stream record was already counted": a counter projection puts this
 * marker in the same transaction as its increments, on condition that it does
 * not exist, so a replayed or duplicated record changes nothing.
 *   Projected  pk = PROJECTED#<projection>#<sequenceNumber>  sk = PROJECTED  (TTL 2 days)
 */
const build = (table: BursaTable) => ({
  Projected: new Entity({
    name: 'Projected',
    table,
    timestamps: false,
    schema: item({ marker: string().key(), expiresAt: number() }),
    computeKey: ({ marker }) => ({ pk: `PROJECTED#${marker}`, sk: 'PROJECTED' }),
  }),
});

export function countedOnce(db: Db, projection: string, sequenceNumber: string) {
  return bindEntities(db, build)
    .Projected.build(PutTransaction)
    .item({ marker: `${projection}#${sequenceNumber}`, expiresAt: Math.floor(Date.now() / 1000) + 2 * 24 * 3600 })
    .options({ condition: { attr: 'marker', exists: false } });
}

/** Writes a counter projection sends together: toolbox transactions (UpdateTransaction and the like). */
export type CountWrites = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>[];

/**
 * Sends a projection's increments for one stream record, with its marker, in
 * one transaction. Returns false when there was nothing to count or the record
 * had been counted already (a replay).
 */
export async function countOnce(db: Db, projection: string, sequenceNumber: string, writes: CountWrites) {
  if (!writes.length) return false;
  try {
    await executeTransactWrite(countedOnce(db, projection, sequenceNumber), ...writes);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
