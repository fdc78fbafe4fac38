import { BatchPutRequest, QueryCommand } from 'dynamodb-toolbox';
import { writeInBatches } from '../db/batch.ts';
import type { Db } from '../db/client.ts';
import { type FieldIssue, notFound, ValidationError } from '../kernel/errors.ts';
import { regencyPk, regionEntities } from './region.entity.ts';

/**
 * A regency or city (kabupaten/kota, `36.71`), its districts (kecamatan,
 * `36.71.01`) and villages (kelurahan/desa, `36.71.01.1001`). Never edited by
 * users, so these take a Db rather than a request context.
 */
export type Village = { code: string; name: string };
export type District = { code: string; name: string; villages: Village[] };
export type Regency = { code: string; name: string; districts: District[] };

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** Writes (or rewrites, idempotently) one regency's tree. Returns the number of items. */
export async function save(db: Db, regency: Regency): Promise<number> {
  const { Regency: R, District: D, Village: V } = regionEntities(db);
  const requests: unknown[] = [R.build(BatchPutRequest).item({ code: regency.code, name: regency.name })];
  for (const d of regency.districts) {
    requests.push(D.build(BatchPutRequest).item({ code: d.code, name: d.name }));
    for (const v of d.villages) requests.push(V.build(BatchPutRequest).item({ ...v, district: d.code }));
  }
  await writeInBatches(db, requests);
  return requests.length;
}

/** The regency with its districts and villages, sorted by official code: `regencyTree`, one Query (paged if ever > 1 MB). */
export async function get(db: Db, regencyCode: string): Promise<Regency> {
  if (!REGENCY_CODE.test(regencyCode)) throw notFound('region.not_found', { code: regencyCode });
  const { Regency: R, District: D, Village: V } = regionEntities(db);
  const pages = db.table
    .build(QueryCommand)
    .entities(R, D, V)
    .query({ partition: regencyPk(regencyCode) })
    .options({ showEntityAttr: true })
    .paginate();
  let name: string | undefined;
  const districts = new Map<string, District>();
  const villages: (Village & { district: string })[] = [];
  for await (const page of pages) {
    for (const row of page.Items ?? []) {
      if (row.entity === 'Regency') name = row.name;
      else if (row.entity === 'District') districts.set(row.code, { code: row.code, name: row.name, villages: [] });
      else villages.push(row);
    }
  }
  if (name === undefined) throw notFound('region.not_found', { code: regencyCode });
  // Sort keys already order districts and villages by official code.
  for (const v of villages) districts.get(v.district)?.villages.push({ code: v.code, name: v.name });
  return { code: regencyCode, name, districts: [...districts.values()] };
}

/**
 * Reference data changes only when the seed runs, so each Lambda container
 * keeps what it read for 10 minutes: forms and filters cost no round trip.
 */
const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; regency: Promise<Regency> }>();

export function getCached(db: Db, code: string): Promise<Regency> {
  const key = `${db.tableName}|${code}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.regency;
  const regency = get(db, code);
  cache.set(key, { at: Date.now(), regency });
  regency.catch(() => cache.delete(key));
  return regency;
}

/** Checks that a kecamatan belongs to the regency and the kelurahan (if given) to that kecamatan. */
export function locationIssues(
  regency: Regency,
  districtCode: string | undefined,
  villageCode: string | undefined,
): FieldIssue[] {
  const district = regency.districts.find((d) => d.code === districtCode);
  if (!district) return [{ path: 'districtCode', code: 'region.district.invalid', params: { regency: regency.name } }];
  if (villageCode && !district.villages.some((v) => v.code === villageCode)) {
    return [{ path: 'villageCode', code: 'region.village.invalid', params: { district: district.name } }];
  }
  return [];
}

/**
 * The location check beside a schema's own issues: the kecamatan against the
 * regency and the kelurahan against the kecamatan, for whichever of them the
 * schema did not already find wrong, so a form reports it with every other
 * mistake in one answer. Takes the raw input's values (trimmed here).
 */
export function locationIssuesBeside(
  regency: Regency,
  districtCode: unknown,
  villageCode: unknown,
  issues: readonly FieldIssue[],
): FieldIssue[] {
  const failed = new Set(issues.map((i) => i.path));
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const district = text(districtCode);
  if (failed.has('districtCode') || !district) return [];
  return locationIssues(regency, district, failed.has('villageCode') ? undefined : text(villageCode));
}

export function assertLocation(regency: Regency, districtCode: string, villageCode: string | undefined): void {
  const issues = locationIssues(regency, districtCode, villageCode);
  if (issues.length) throw new ValidationError(issues);
}

/** "Karawaci" for 36.71.04; the code itself if unknown. */
export function districtName(regency: Regency, code: string): string {
  return regency.districts.find((d) => d.code === code)?.name ?? code;
}

export function villageName(regency: Regency, code: string | undefined): string | undefined {
  if (!code) return undefined;
  for (const d of regency.districts) {
    const v = d.villages.find((x) => x.code === code);
    if (v) return v.name;
  }
  return code;
}

/** A kelurahan code's kecamatan: its first 8 characters ("36.71.01.1001" → "36.71.01"). */
export const districtOfVillage = (villageCode: string | undefined) => (villageCode ?? '').slice(0, 8);
