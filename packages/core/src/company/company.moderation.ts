import { $add, $remove, $set, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { companyEntities } from './company.entity.ts';

/** An officer's hide of a company (packages/core/src/moderation): a flag its members cannot undo. */
export type Hidden = { hiddenAt: string; reason: string; by: string };

/**
 * The hide (or, with `undefined`, the restore) as a transaction item for the
 * officer's decision; the version moves, so an edit in flight gets a 409. Its
 * vacancies follow through functions/src/events/moderation-company.ts.
 */
export function moderate(db: Db, id: string, hidden: Hidden | undefined) {
  return companyEntities(db)
    .Company.build(UpdateTransaction)
    .item({ id, moderation: hidden ? $set(hidden) : $remove(), version: $add(1) } as never)
    .options({ condition: { attr: 'id', exists: true } });
}
