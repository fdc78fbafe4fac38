import {
  $remove,
  BatchDeleteRequest,
  BatchPutRequest,
  EntityFormatter,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import { writeInBatches } from '../db/batch.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import type { Level } from '../education/index.ts';
import { endOfDayEpochSeconds } from '../kernel/time.ts';
import { type VACANCY_TYPES, vacancyEntities } from './vacancy.entity.ts';
import { isHidden } from './vacancy.moderation.ts';
import type { Info as Vacancy } from './vacancy.use-cases.ts';

/**
 * How open vacancies are browsed without a Scan (`byFilter`). Each open
 * vacancy has three small listing items: one in the regency-wide partition,
 * one in its kecamatan's, and one in its company's (the company page). A
 * browse reads one partition (its kecamatan's, or the regency-wide one),
 * newest first, paged by cursor; type and education are a filter on that
 * read (vacancy.lists.ts), so a page reads a bounded number of items whatever
 * the data. Three items, not one per filter combination (up to 33 before):
 * publishing, editing a listed field or closing a vacancy writes 3 listing
 * items, not 33 (issue 15's write budget; `npm run bench` prices it).
 * /lowongan itself is served by search (search.*.ts); this listing serves
 * `GET /api/vacancies`, the company page, and /lowongan when search is down.
 *
 * The listing is a stream projection (functions/src/events/vacancy-listing.ts):
 * the request writes only the Vacancy; `syncListing` diffs the old and new
 * images and writes just what changed, so a replayed record changes nothing.
 */
export type VacancyFilter = { districtCode?: string; type?: (typeof VACANCY_TYPES)[number]; education?: Level };

/** The partition a browse reads: its kecamatan's, or the regency-wide one; the rest of the filter is applied on the read. */
export const listingPartition = (f: Pick<VacancyFilter, 'districtCode'>) => `VACANCIES#d=${f.districtCode ?? '*'}`;

/** A company's own listing partition: its profile page's open vacancies (`byCompanyOpen`). */
export const companyListing = (companyId: string) => `VACANCIES#c=${companyId}`;

/** What a browse page shows for each vacancy: no description, to keep items and pages small. */
export type VacancySummary = Pick<
  Vacancy,
  | 'id'
  | 'companyId'
  | 'companyName'
  | 'companyVerified'
  | 'title'
  | 'type'
  | 'minEducation'
  | 'districtCode'
  | 'salaryMin'
  | 'salaryMax'
  | 'openings'
  | 'closingDate'
> & { publishedAt: string };

type ListingItem = VacancySummary & { listing: string; position: string; expiresAt: number };

/** The listing items an open vacancy has (none for drafts, closed ones and those an officer hid). */
export function listingItems(v: Vacancy | undefined): ListingItem[] {
  if (v?.status !== 'open' || !v.publishedAt || isHidden(v)) return [];
  const summary: VacancySummary = {
    id: v.id,
    companyId: v.companyId,
    companyName: v.companyName,
    ...(v.companyVerified ? { companyVerified: true } : {}),
    title: v.title,
    type: v.type,
    minEducation: v.minEducation,
    districtCode: v.districtCode,
    ...(v.salaryMin !== undefined ? { salaryMin: v.salaryMin } : {}),
    ...(v.salaryMax !== undefined ? { salaryMax: v.salaryMax } : {}),
    openings: v.openings,
    closingDate: v.closingDate,
    publishedAt: v.publishedAt,
  };
  const position = `${v.publishedAt}#${v.id}`;
  const expiresAt = endOfDayEpochSeconds(v.closingDate);
  return [listingPartition({}), listingPartition({ districtCode: v.districtCode }), companyListing(v.companyId)].map(
    (listing) => ({ ...summary, listing, position, expiresAt }),
  );
}

const keyOf = (i: { listing: string; position: string }) => `${i.listing}|${i.position}`;

/** A Vacancy item as the stream carries it (attribute names as stored), read back as a Vacancy. */
export function fromImage(db: Db, image: Record<string, unknown> | undefined): Vacancy | undefined {
  if (image?.type !== 'Vacancy') return undefined;
  return vacancyEntities(db).Vacancy.build(EntityFormatter).format(image) as Vacancy;
}

/**
 * Brings the listing in line with a vacancy's change (old and new images):
 * deletes the items it no longer has, puts the ones that are new or differ.
 * Idempotent, and an edit that changes nothing listed writes nothing.
 */
export async function syncListing(db: Db, before: Vacancy | undefined, after: Vacancy | undefined): Promise<number> {
  const { VacancyListing } = vacancyEntities(db);
  const old = new Map(listingItems(before).map((i) => [keyOf(i), JSON.stringify(i)]));
  const next = listingItems(after);
  const nextKeys = new Set(next.map(keyOf));
  const requests = [
    ...[...old.keys()]
      .filter((k) => !nextKeys.has(k))
      .map((k) => {
        const [listing = '', position = ''] = k.split('|');
        return VacancyListing.build(BatchDeleteRequest).key({ listing, position });
      }),
    ...next
      .filter((i) => old.get(keyOf(i)) !== JSON.stringify(i))
      .map((i) => VacancyListing.build(BatchPutRequest).item(i)),
  ];
  await writeInBatches(db, requests);
  return requests.length;
}

/** What a vacancy copies from its company for its cards: the name and whether an officer verified it. */
export type CompanyCopies = { companyName: string; companyVerified: boolean };

/**
 * Projection (functions/src/events/company-renamed.ts): puts a company's name
 * and verified state on each of its vacancies (`byCompany`) that carries
 * others; each vacancy's change then reaches its listing items and its search
 * document through their projections. Idempotent; does not bump versions (these
 * are copies, not edits). Returns how many vacancies changed.
 */
export async function refreshCompanyCopies(db: Db, companyId: string, copies: CompanyCopies): Promise<number> {
  const { Vacancy } = vacancyEntities(db);
  const pages = db.table
    .build(QueryCommand)
    .entities(Vacancy)
    .query({ index: 'gsi1', partition: `COMPANY#${companyId}`, range: { beginsWith: 'VACANCY#' } })
    .paginate();
  let changed = 0;
  for await (const page of pages) {
    for (const v of page.Items ?? []) {
      if (v.companyName === copies.companyName && Boolean(v.companyVerified) === copies.companyVerified) continue;
      try {
        await Vacancy.build(UpdateItemCommand)
          .item({
            id: v.id,
            companyName: copies.companyName,
            companyVerified: copies.companyVerified ? true : $remove(),
          } as never)
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

/**
 * Maintenance, never a request: relists every vacancy in the table, reading it
 * whole (a Scan, page by page, filtered to Vacancy items). For a table written
 * before the listing changed shape (issue 15: three items a vacancy instead of
 * one per filter combination), whose vacancies are not in the new partitions
 * until they change: scripts/migrations.ts runs it once. Idempotent. Returns
 * how many vacancies are listed.
 */
export async function relistAll(db: Db): Promise<number> {
  const vacancies = vacancyEntities(db).Vacancy;
  let listed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.table
      .build(ScanCommand)
      .entities(vacancies)
      .options(start ? { exclusiveStartKey: start as never } : {})
      .send();
    for (const v of (page.Items ?? []) as Vacancy[]) {
      if (listingItems(v).length) {
        await syncListing(db, undefined, v);
        listed++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return listed;
}
