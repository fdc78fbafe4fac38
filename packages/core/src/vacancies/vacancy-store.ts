import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { requireSignedIn } from '../accounts/require.ts';
import { type Actor, hasRole } from '../accounts/roles.ts';
import { getCompanyAsMember, isMember, mergeInput, notMember, requireMember } from '../companies/company.ts';
import type { Db } from '../db/client.ts';
import { EDUCATION_LEVELS } from '../education/education.ts';
import { conflict, DomainError, notFound, ValidationError } from '../kernel/errors.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { parseInput } from '../kernel/validation.ts';
import { getRegencyCached, locationIssues } from '../regions/region-cache.ts';
import { effectiveStatus, todayInJakarta, VACANCY_TYPES, type Vacancy, vacancyInputSchema } from './vacancy.ts';
import {
  listingItems,
  listingKeys,
  listingPk,
  toSummary,
  type VacancyFilter,
  type VacancySummary,
} from './vacancy-listing.ts';

/**
 * Vacancy writes and reads. Keys (docs/data-model.md, "Vacancy"):
 *   vacancy  pk = VACANCY#<id>   sk = VACANCY
 *            gsi1pk = COMPANY#<companyId>   gsi1sk = VACANCY#<id>   (a company's vacancies, newest first)
 *   listing  see vacancy-listing.ts (open vacancies only)
 * Every write is one transaction: the vacancy (conditional on its version)
 * plus the listing items it adds or removes, so the list never disagrees with the vacancy.
 */
export const vacancyKey = (id: string) => ({ pk: `VACANCY#${id}`, sk: 'VACANCY' });

function toVacancy(item: Record<string, unknown>): Vacancy {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, vacancyType, ...rest } = item;
  return { ...(rest as unknown as Omit<Vacancy, 'type'>), type: vacancyType as Vacancy['type'] };
}

function toItem(v: Vacancy): Record<string, unknown> {
  const { type, ...rest } = v;
  // `type` names the entity on every item, so the vacancy's own type is stored as vacancyType.
  return {
    ...vacancyKey(v.id),
    type: 'Vacancy',
    vacancyType: type,
    ...rest,
    gsi1pk: `COMPANY#${v.companyId}`,
    gsi1sk: `VACANCY#${v.id}`,
  };
}

const writeSchema = z.object({
  publish: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).default(false),
});

async function validInput(db: Db, homeRegency: string, input: unknown, publishing: boolean) {
  const v = parseInput(vacancyInputSchema, input);
  const issues = locationIssues(await getRegencyCached(db, homeRegency), v.districtCode, v.villageCode);
  if (publishing && v.closingDate < todayInJakarta()) {
    issues.push({ path: 'closingDate', message: 'Tanggal penutupan sudah lewat. Pilih hari ini atau sesudahnya.' });
  }
  if (issues.length) throw new ValidationError(issues);
  return v;
}

/** Writes a new state of a vacancy with the listing items that follow from it, in one transaction. */
async function save(db: Db, before: Vacancy | undefined, after: Vacancy): Promise<void> {
  const oldKeys = before ? listingKeys(before) : [];
  const newItems = listingItems(after);
  const newKeySet = new Set(newItems.map((i) => `${i.pk}|${i.sk}`));
  const deletes = oldKeys.filter((k) => !newKeySet.has(`${k.pk}|${k.sk}`));
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: toItem(after),
              ...(before
                ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          ...deletes.map((Key) => ({ Delete: { TableName: db.tableName, Key } })),
          ...newItems.map((Item) => ({ Put: { TableName: db.tableName, Item } })),
        ],
      }),
    );
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') {
      throw conflict('vacancy.changed', 'Lowongan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.');
    }
    throw e;
  }
}

export async function createVacancy(
  db: Db,
  actor: Actor | undefined,
  homeRegency: string,
  companyId: string,
  input: unknown,
): Promise<Vacancy> {
  const { company } = await getCompanyAsMember(db, actor, companyId);
  const { publish } = parseInput(writeSchema, input);
  const v = await validInput(db, homeRegency, input, publish);
  const now = new Date().toISOString();
  const vacancy: Vacancy = {
    id: newId(),
    companyId,
    companyName: company.name,
    ...v,
    regencyCode: homeRegency,
    status: publish ? 'open' : 'draft',
    createdAt: now,
    updatedAt: now,
    ...(publish ? { publishedAt: now } : {}),
    version: 1,
  };
  await save(db, undefined, vacancy);
  return vacancy;
}

export async function getVacancy(db: Db, id: string): Promise<Vacancy> {
  if (!ID_PATTERN.test(id)) throw notFound('vacancy.not_found', 'Lowongan tidak ditemukan.');
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: vacancyKey(id) }));
  if (!out.Item) throw notFound('vacancy.not_found', 'Lowongan tidak ditemukan.');
  return toVacancy(out.Item);
}

/**
 * What a visitor may see: open and closed vacancies are public, drafts only
 * to the company's members and officers (others get 404, as if it did not exist).
 */
export async function getVisibleVacancy(db: Db, actor: Actor | undefined, id: string): Promise<Vacancy> {
  const v = await getVacancy(db, id);
  if (v.status === 'draft' && !hasRole(actor, 'officer')) {
    const member = actor ? await isMember(db, actor.userId, v.companyId) : false;
    if (!member) throw notFound('vacancy.not_found', 'Lowongan tidak ditemukan.');
  }
  return v;
}

/** Members edit a draft or open vacancy; `publish` opens a draft. */
export async function updateVacancy(
  db: Db,
  actor: Actor | undefined,
  homeRegency: string,
  id: string,
  input: unknown,
): Promise<Vacancy> {
  const before = await getVacancy(db, id);
  await requireMember(db, actor, before.companyId);
  if (effectiveStatus(before) === 'closed')
    throw conflict('vacancy.closed', 'Lowongan yang sudah ditutup tidak dapat diubah.');
  const { publish } = parseInput(writeSchema, input);
  const opening = before.status === 'open' || publish;
  // PATCH: fields left out keep their value; a blank field clears an optional one.
  const v = await validInput(db, homeRegency, mergeInput(before, input), opening);
  const now = new Date().toISOString();
  const after: Vacancy = {
    ...stripOptional(before),
    ...v,
    status: opening ? 'open' : 'draft',
    updatedAt: now,
    // Editing keeps the vacancy's place in the list; publishing a draft puts it on top.
    ...(opening ? { publishedAt: before.publishedAt ?? now } : {}),
    version: before.version + 1,
  };
  await save(db, before, after);
  return after;
}

// Optional fields the form can clear must not survive from the old version.
function stripOptional(v: Vacancy): Vacancy {
  const { villageCode: _v, salaryMin: _a, salaryMax: _b, ...rest } = v;
  return rest;
}

const closeSchema = z.object({
  reason: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(500, 'Alasan maksimal 500 huruf.').optional(),
  ),
});

/** Members close their vacancy; officers close any, and must say why (moderation). */
export async function closeVacancy(db: Db, actor: Actor | undefined, id: string, input: unknown): Promise<Vacancy> {
  const me = requireSignedIn(actor);
  const { reason } = parseInput(closeSchema, input ?? {});
  const before = await getVacancy(db, id);
  const member = await isMember(db, me.userId, before.companyId);
  if (!member && !hasRole(me, 'officer')) throw notMember();
  // An officer who also works for the company closes it as the company.
  const by = member ? 'company' : 'officer';
  if (by === 'officer' && !reason)
    throw new ValidationError([{ path: 'reason', message: 'Tulis alasan penutupan untuk perusahaan.' }]);
  if (before.status === 'closed') throw conflict('vacancy.closed', 'Lowongan ini sudah ditutup.');
  const after: Vacancy = {
    ...before,
    status: 'closed',
    closedBy: by,
    ...(reason ? { closedReason: reason } : {}),
    updatedAt: new Date().toISOString(),
    version: before.version + 1,
  };
  await save(db, before, after);
  return after;
}

export type Page<T> = { items: T[]; cursor?: string };

const browseSchema = z.object({
  districtCode: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan tidak valid.')
      .optional(),
  ),
  type: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(VACANCY_TYPES, 'Jenis pekerjaan tidak dikenal.').optional(),
  ),
  education: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(EDUCATION_LEVELS, 'Pendidikan tidak dikenal.').optional(),
  ),
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(300).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

function decodeCursor(cursor: string, pk: string): Record<string, string> {
  try {
    const sk = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-z]{20}$/.test(sk)) throw new Error('shape');
    return { pk, sk };
  } catch {
    throw new DomainError(
      'validation',
      'request.invalid_cursor',
      'Tautan halaman tidak valid. Mulai lagi dari halaman pertama.',
    );
  }
}

/**
 * Open vacancies, newest first, for any combination of kecamatan, type and
 * education: one Query per page on that combination's listing partition.
 * Expired listings are filtered out by the Query itself; if that leaves a page
 * short, it reads on (at most 5 reads) before answering.
 */
export async function browseVacancies(
  db: Db,
  query: unknown,
  now = Date.now(),
): Promise<Page<VacancySummary> & { filter: VacancyFilter }> {
  const q = parseInput(browseSchema, query);
  const filter: VacancyFilter = {
    ...(q.districtCode ? { districtCode: q.districtCode } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.education ? { education: q.education } : {}),
  };
  const pk = listingPk(filter);
  let startKey: Record<string, string> | undefined = q.cursor ? decodeCursor(q.cursor, pk) : undefined;
  const items: VacancySummary[] = [];
  for (let reads = 0; reads < 5 && items.length < q.limit; reads++) {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: { ':pk': pk, ':now': Math.floor(now / 1000) },
        ScanIndexForward: false,
        Limit: q.limit - items.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(out.Items ?? []).map(toSummary));
    startKey = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!startKey) break;
  }
  const last = items.at(-1);
  return {
    items,
    filter,
    ...(startKey && last ? { cursor: Buffer.from(`${last.publishedAt}#${last.id}`).toString('base64url') } : {}),
  };
}

export type CompanyVacancies = {
  vacancies: (Vacancy & { effectiveStatus: Vacancy['status'] })[];
  counts: Record<Vacancy['status'], number>;
};

/** A company's vacancies, newest first, with counts per status: members only. One Query on gsi1. */
export async function listCompanyVacancies(
  db: Db,
  actor: Actor | undefined,
  companyId: string,
): Promise<CompanyVacancies> {
  if (!hasRole(actor, 'officer')) await requireMember(db, actor, companyId);
  const vacancies: CompanyVacancies['vacancies'] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':prefix': 'VACANCY#' },
        ScanIndexForward: false,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const i of out.Items ?? []) {
      const v = toVacancy(i);
      vacancies.push({ ...v, effectiveStatus: effectiveStatus(v) });
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey && vacancies.length < 500);
  const counts = { draft: 0, open: 0, closed: 0 };
  for (const v of vacancies) counts[v.effectiveStatus]++;
  return { vacancies, counts };
}

/** Public: a company's open vacancies, for its profile page. */
export async function listOpenCompanyVacancies(db: Db, companyId: string): Promise<Vacancy[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      FilterExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':prefix': 'VACANCY#', ':open': 'open' },
      ScanIndexForward: false,
      Limit: 100,
    }),
  );
  return (out.Items ?? []).map(toVacancy).filter((v) => effectiveStatus(v) === 'open');
}
