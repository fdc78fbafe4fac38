import { $add, $remove, $set, QueryCommand, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { vacancyEntities } from './vacancy.entity.ts';

/**
 * What the office's moderation (packages/core/src/moderation) needs of a
 * vacancy. An officer's hide is its own flag, not a status: the company can
 * neither see it as "closed" nor undo it by editing, and the review status
 * another concern may add stays separate.
 */
export type Hidden = { hiddenAt: string; reason: string; by: string };

/** Hidden from everyone but the company's members and officers: by an officer, or with its hidden company. */
export const isHidden = (v: { moderation?: Hidden; companyHidden?: boolean }) =>
  Boolean(v.moderation || v.companyHidden);

/**
 * The hide (or, with `undefined`, the restore) as a transaction item, for the
 * officer's decision to write beside its report case and audit entry. It bumps
 * the version, so an edit in flight gets 409 vacancy.changed, not a silent undo.
 */
export function moderate(db: Db, id: string, hidden: Hidden | undefined) {
  return vacancyEntities(db)
    .Vacancy.build(UpdateTransaction)
    .item({ id, moderation: hidden ? $set(hidden) : $remove(), version: $add(1) } as never)
    .options({ condition: { attr: 'id', exists: true } });
}

/**
 * Projection (functions/src/events/moderation-company.ts): a company hidden or
 * restored by an officer marks each of its vacancies (`companyHidden`), which
 * takes them off the listing and the search index through their own
 * projections. Idempotent: a vacancy already marked is skipped.
 */
export async function refreshCompanyHidden(db: Db, companyId: string, hidden: boolean): Promise<number> {
  const { Vacancy } = vacancyEntities(db);
  const pages = db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi1', partition: `COMPANY#${companyId}`, range: { beginsWith: 'VACANCY#' } })
    .paginate();
  let changed = 0;
  for await (const page of pages) {
    for (const v of page.Items ?? []) {
      if (Boolean(v.companyHidden) === hidden) continue;
      try {
        await Vacancy.build(UpdateItemCommand)
          .item({ id: v.id, companyHidden: hidden ? true : $remove() } as never)
          .options({ condition: { attr: 'id', exists: true } })
          .send();
        changed++;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    }
  }
  return changed;
}
