import { $add, executeTransactWrite, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { conflict } from '../kernel/errors.ts';
import { vacancyEntities } from './vacancy.entity.ts';
import type { Stored } from './vacancy.use-cases.ts';

/**
 * One conditional UpdateItem (or, with `also`, a transaction): only the fields the caller changes (never the
 * company name copy, which the rename projection refreshes), the version
 * bumped, on condition the stored version is the one read.
 */
export async function write(
  db: Db,
  before: Stored,
  change: Record<string, unknown>,
  ...also: ReturnType<typeof Audit.record>[]
): Promise<void> {
  const condition = { attr: 'version', eq: before.version } as const;
  const item = { ...change, id: before.id, version: $add(1) } as never;
  const { Vacancy } = vacancyEntities(db);
  try {
    // With an officer's audit entry: one transaction, so the action and its record land together.
    if (also.length)
      // Retried on TransactionConflict (real DynamoDB, concurrent decisions): the loser then gets the 409.
      await withConflictRetry(() =>
        executeTransactWrite(Vacancy.build(UpdateTransaction).item(item).options({ condition }), ...also),
      );
    else await Vacancy.build(UpdateItemCommand).item(item).options({ condition }).send();
  } catch (e) {
    if (isConditionFailure(e, also.length ? 0 : undefined)) throw conflict('vacancy.changed');
    throw e;
  }
}
