import { BatchGetCommand, BatchGetRequest, executeBatchGet, QueryCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { vacancyEntities } from './vacancy.entity.ts';
import { listingPartition } from './vacancy.listing.ts';
import type { Info, Stored } from './vacancy.use-cases.ts';

/**
 * Vacancy reads other concepts and the projections need, in a module of their
 * own: it imports no use case, so a function that only reads vacancies (the
 * search function) does not carry the rest of the concept (issue 15).
 */

/** What a published vacancy has and a draft may lack. */
export const DETAILS = ['description', 'type', 'minEducation', 'districtCode', 'openings', 'closingDate'] as const;
/** Whether a stored vacancy has every detail (always, once published). */
export const isComplete = (v: Stored): v is Info => DETAILS.every((k) => v[k] !== undefined);

/** Several vacancies by id, in that order, missing ones left out: one BatchGetItem (at most 100). */
export async function getMany(db: Db, ids: string[]): Promise<Stored[]> {
  const valid = ids.filter((id) => ID_PATTERN.test(id)).slice(0, 100);
  if (!valid.length) return [];
  const { Vacancy } = vacancyEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...valid.map((id) => Vacancy.build(BatchGetRequest).key({ id }))),
  );
  return ((out.Responses?.[0] ?? []) as (Stored | undefined)[]).filter((v): v is Stored => Boolean(v));
}

/**
 * Every open vacancy of a regency, whole, 100 at a time: the listing's
 * all-filters partition page by page, then one BatchGetItem per page. For
 * rebuilding projections (the search index), never for a request.
 */
export async function* everyOpen(db: Db, regency: string): AsyncGenerator<Info[]> {
  const { VacancyListing } = vacancyEntities(db);
  let exclusiveStartKey: Record<string, string> | undefined;
  do {
    const page = await db.table
      .build(QueryCommand)
      .entities(VacancyListing)
      .query({ partition: listingPartition({}) })
      .options({ limit: 100, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    const ids = (page.Items ?? []).filter((i) => i.districtCode.startsWith(`${regency}.`)).map((i) => i.id);
    // Listed vacancies were published, so complete; isComplete only tells the types so.
    if (ids.length) yield (await getMany(db, ids)).filter(isComplete);
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (exclusiveStartKey);
}
