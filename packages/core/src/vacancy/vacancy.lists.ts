import { QueryCommand } from 'dynamodb-toolbox';
import { Account } from '../account/index.ts';
import { Company } from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { decodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { DomainError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { vacancyEntities } from './vacancy.entity.ts';
import { listingPartition, type VacancyFilter, type VacancySummary } from './vacancy.listing.ts';
import { isHidden } from './vacancy.moderation.ts';
import { capabilities, effectiveStatus, notMember, type VacancyCapabilities } from './vacancy.policy.ts';
import { browseSchema, byCompanySchema } from './vacancy.schema.ts';
import { getMany, type Info, isComplete, type Stored, type VacancyStatus } from './vacancy.use-cases.ts';

/** Vacancy reads that return lists: the public browse and a company's vacancies (the company-copies projection: vacancy.listing.ts). */

/**
 * Open vacancies, newest first, for any combination of kecamatan, type and
 * education (`byFilter`): one Query per page on that combination's listing
 * partition. Expired listings are filtered out by the Query itself; if that
 * leaves a page short, it reads on (at most 5 reads) before answering.
 */
export const browse = fn(browseSchema, async (q, ctx): Promise<Page<VacancySummary> & { filter: VacancyFilter }> => {
  const filter: VacancyFilter = {
    ...(q.districtCode ? { districtCode: q.districtCode } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.education ? { education: q.education } : {}),
  };
  const partition = listingPartition(filter);
  const { VacancyListing } = vacancyEntities(ctx.db);
  let startKey = decodePosition(q.cursor, partition);
  const nowS = Math.floor(nowOf(ctx) / 1000);
  const items: VacancySummary[] = [];
  for (let reads = 0; reads < 5 && items.length < q.limit; reads++) {
    const out = await ctx.db.table
      .build(QueryCommand)
      .entities(VacancyListing)
      .query({ partition })
      .options({
        reverse: true,
        limit: q.limit - items.length,
        filters: { VacancyListing: { attr: 'expiresAt', gt: nowS } },
        ...(startKey ? { exclusiveStartKey: startKey } : {}),
      })
      .send();
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  const last = items.at(-1);
  return {
    items,
    filter,
    ...(startKey && last ? { cursor: Buffer.from(`${last.publishedAt}#${last.id}`).toString('base64url') } : {}),
  };
});

/** Browse cursors are the listing's sort key (`<publishedAt>#<id>`), so they stay valid across filters' pages. */
function decodePosition(cursor: string | undefined, partition: string) {
  if (!cursor) return undefined;
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-z]{20}$/.test(sk))
    throw new DomainError('validation', 'request.invalid_cursor');
  return decodeCursor(Buffer.from(JSON.stringify({ pk: partition, sk })).toString('base64url'), () => true);
}

export type CompanyVacancies = {
  // Drafts among them may have only a title (Stored).
  vacancies: (Stored & { effectiveStatus: VacancyStatus; can: VacancyCapabilities })[];
  counts: Record<VacancyStatus, number>;
};

/** A company's vacancies, newest first, with counts per status (`byCompany`): members and officers. */
export const listByCompany = fn(byCompanySchema, async ({ companyId }, ctx): Promise<CompanyVacancies> => {
  Account.requireSignedIn(ctx.actor);
  const { can } = await Company.withCapabilities(ctx, companyId);
  if (!can.manageVacancies) throw notMember();
  const who = { actor: ctx.actor, member: can.edit };
  const vacancies: CompanyVacancies['vacancies'] = [];
  for await (const v of byCompany(ctx.db, companyId)) {
    vacancies.push({ ...v, effectiveStatus: effectiveStatus(v, nowOf(ctx)), can: capabilities(v, who, nowOf(ctx)) });
    if (vacancies.length >= 500) break;
  }
  const counts = { draft: 0, review: 0, open: 0, closed: 0 };
  for (const v of vacancies) counts[v.effectiveStatus]++;
  return { vacancies, counts };
});

/** Public: a company's open vacancies, for its profile page (at most 100). */
export const listOpenByCompany = fn(byCompanySchema, async ({ companyId }, ctx): Promise<Info[]> => {
  const { Vacancy } = vacancyEntities(ctx.db);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi1', partition: `COMPANY#${companyId}`, range: { beginsWith: 'VACANCY#' } })
    .options({ reverse: true, limit: 100, filters: { Vacancy: { attr: 'status', eq: 'open' } } })
    .send();
  // Hidden by an officer: off the public profile too (the company sees it in its own list).
  return (Items as Info[]).filter((v) => effectiveStatus(v) === 'open' && !isHidden(v));
});

/** Every vacancy of a company, newest first (`byCompany` on gsi1), page by page. */
async function* byCompany(db: Db, companyId: string) {
  const { Vacancy } = vacancyEntities(db);
  const pages = db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi1', partition: `COMPANY#${companyId}`, range: { beginsWith: 'VACANCY#' } })
    .options({ reverse: true })
    .paginate();
  for await (const page of pages) yield* (page.Items ?? []) as Stored[];
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
