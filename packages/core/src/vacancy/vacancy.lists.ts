import { QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { LEVELS, type Level, meetsEducation } from '../education/index.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { DomainError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { statusCounts, type VacancyStatusCounts } from './vacancy.counts.ts';
import { vacancyEntities } from './vacancy.entity.ts';
import { companyListing, listingPartition, type VacancyFilter, type VacancySummary } from './vacancy.listing.ts';
import { isHidden } from './vacancy.moderation.ts';
import { capabilities, effectiveStatus, notMember, type VacancyCapabilities } from './vacancy.policy.ts';
import { browseSchema, byCompanyPageSchema, byCompanySchema, openByCompanySchema } from './vacancy.schema.ts';
import type { Info, Stored, VacancyStatus } from './vacancy.use-cases.ts';

/** Vacancy reads that return lists: the public browse and a company's vacancies (the company-copies projection: vacancy.listing.ts). */

/**
 * Open vacancies, newest first, for any combination of kecamatan, type and
 * education (`byFilter`): one Query per page on the kecamatan's listing
 * partition (or the regency-wide one), with type and education as a filter on
 * that read. Expired listings are filtered out by the Query itself; if that
 * leaves a page short, it reads on (at most 5 reads, each of a bounded number
 * of items) before answering: a rare combination may answer a short page with
 * a cursor, never a read that grows with the data.
 */
export const browse = fn(browseSchema, async (q, ctx): Promise<Page<VacancySummary> & { filter: VacancyFilter }> => {
  const filter: VacancyFilter = {
    ...(q.districtCode ? { districtCode: q.districtCode } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.education ? { education: q.education } : {}),
  };
  const match = [
    ...(filter.type ? [{ attr: 'type', eq: filter.type }] : []),
    // Vacancies the person's education meets: those asking for it or less.
    ...(filter.education
      ? [{ attr: 'minEducation', in: LEVELS.filter((required) => meetsEducation(filter.education as Level, required)) }]
      : []),
  ];
  return { ...(await listingPage(ctx, listingPartition(filter), q.cursor, q.limit, match)), filter };
});

type ListingCondition = { attr: string; eq: string } | { attr: string; in: string[] };

/**
 * One page of a listing partition, newest first. Expired listings (and those
 * not matching `match`) are filtered out by the Query itself; if that leaves a
 * page short, it reads on (at most 5 reads) before answering. With a filter,
 * each read evaluates up to 4 pages' worth (at most 100 small items) so a
 * page usually fills in one read; what it read beyond the page is read again
 * by the next page, never skipped.
 */
async function listingPage(
  ctx: Ctx,
  partition: string,
  cursor: string | undefined,
  limit: number,
  match: ListingCondition[] = [],
): Promise<Page<VacancySummary>> {
  const { VacancyListing } = vacancyEntities(ctx.db);
  let startKey = decodePosition(cursor, partition);
  const nowS = Math.floor(nowOf(ctx) / 1000);
  const items: VacancySummary[] = [];
  let more = false;
  for (let reads = 0; reads < 5 && items.length < limit; reads++) {
    const wanted = limit - items.length;
    const out = await ctx.db.table
      .build(QueryCommand)
      .entities(VacancyListing)
      .query({ partition })
      .options({
        reverse: true,
        limit: match.length ? Math.min(100, wanted * 4) : wanted,
        filters: { VacancyListing: { and: [{ attr: 'expiresAt', gt: nowS }, ...match] } as never },
        ...(startKey ? { exclusiveStartKey: startKey } : {}),
      })
      .send();
    const found = out.Items ?? [];
    items.push(...found.slice(0, wanted));
    startKey = out.LastEvaluatedKey as typeof startKey;
    // Matches read beyond the page: the next page starts after the last one shown and reads them again.
    more = found.length > wanted || Boolean(startKey);
    if (!startKey) break;
  }
  const last = items.at(-1);
  // After the last one shown; with none shown (a rare filter), after what was read.
  const resumeAt = last ? `${last.publishedAt}#${last.id}` : (startKey as { sk?: string } | undefined)?.sk;
  return { items, ...(more && resumeAt ? { cursor: Buffer.from(resumeAt).toString('base64url') } : {}) };
}

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
  /** Per status as the cards show it (past its closing day: closed), from stream-kept counters, never from the list. */
  counts: VacancyStatusCounts;
  /** The next page's cursor (absent on the last page). */
  cursor?: string;
};

/**
 * A company's vacancies, newest first, one page (20) with a cursor (`byCompany`
 * on gsi1), and its counts per status (`vacancyCounts`: a GetItem and a Query of
 * the days ahead) in parallel: members and officers. The same reads whatever the
 * company's history.
 */
export const listByCompany = fn(byCompanyPageSchema, async (q, ctx): Promise<CompanyVacancies> => {
  Account.requireSignedIn(ctx.actor);
  const { can } = await Company.withCapabilities(ctx, q.companyId);
  if (!can.manageVacancies) throw notMember();
  const who = { actor: ctx.actor, member: can.edit };
  const partition = `COMPANY#${q.companyId}`;
  const startKey = decodeCursor(q.cursor, (k) => k.gsi1pk === partition && Object.keys(k).length === 4);
  const { Vacancy } = vacancyEntities(ctx.db);
  const [page, counts] = await Promise.all([
    ctx.db.table
      .build(QueryCommand)
      .entities(Vacancy)
      .query({ index: 'gsi1', partition, range: { beginsWith: 'VACANCY#' } })
      .options({ reverse: true, limit: q.limit, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
      .send(),
    statusCounts(ctx.db, q.companyId, nowOf(ctx)),
  ]);
  const now = nowOf(ctx);
  const vacancies = ((page.Items ?? []) as Stored[]).map((v) => ({
    ...v,
    effectiveStatus: effectiveStatus(v, now),
    can: capabilities(v, who, now),
  }));
  const cursor = encodeCursor(page.LastEvaluatedKey);
  return { vacancies, counts, ...(cursor ? { cursor } : {}) };
});

/**
 * Public: a company's open vacancies for its profile page, newest first, one
 * page (20) with a cursor: the company's own listing partition (`byCompanyOpen`),
 * which holds only what is listed (open, published, not hidden), so the cost of
 * a page does not grow with the company's drafts, closed or past vacancies.
 */
export const listOpenByCompany = fn(
  openByCompanySchema,
  async (q, ctx): Promise<Page<VacancySummary>> => listingPage(ctx, companyListing(q.companyId), q.cursor, q.limit),
);

/**
 * A company's open vacancies, whole (at most 100, one Query on its vacancies
 * with a status filter): what a member picks from for a fair booth, and the seed.
 */
export const listOpenForBooth = fn(byCompanySchema, async ({ companyId }, ctx): Promise<Info[]> => {
  const { Vacancy } = vacancyEntities(ctx.db);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi1', partition: `COMPANY#${companyId}`, range: { beginsWith: 'VACANCY#' } })
    .options({ reverse: true, limit: 100, filters: { Vacancy: { attr: 'status', eq: 'open' } } })
    .send();
  return (Items as Info[]).filter((v) => effectiveStatus(v, nowOf(ctx)) === 'open' && !isHidden(v));
});
