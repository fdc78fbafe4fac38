import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.ts';
import { notFound } from '../kernel/errors.ts';

/**
 * Official administrative areas (Kemendagri codes): a regency or city
 * (kabupaten/kota, `36.71`), its districts (kecamatan, `36.71.01`) and
 * villages (kelurahan/desa, `36.71.01.1001`). Reference data: loaded by the
 * seed, read on every form and filter, never edited by users.
 *
 * Keys: one partition per regency holds the whole tree, so a single Query
 * returns everything a page needs (Tangerang: 1 + 13 + 104 small items).
 *   pk = REGENCY#<regencyCode>
 *   sk = REGENCY | DISTRICT#<districtCode> | VILLAGE#<villageCode>
 */
export type Village = { code: string; name: string };
export type District = { code: string; name: string; villages: Village[] };
export type Regency = { code: string; name: string; districts: District[] };

export const regionKeys = {
  pk: (regencyCode: string) => `REGENCY#${regencyCode}`,
  regencySk: 'REGENCY',
  districtSk: (code: string) => `DISTRICT#${code}`,
  villageSk: (code: string) => `VILLAGE#${code}`,
};

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** Writes (or rewrites, idempotently) one regency's tree. */
export async function saveRegency(db: Db, regency: Regency): Promise<number> {
  const pk = regionKeys.pk(regency.code);
  const items: Record<string, unknown>[] = [
    { pk, sk: regionKeys.regencySk, type: 'Regency', code: regency.code, name: regency.name },
  ];
  for (const d of regency.districts) {
    items.push({ pk, sk: regionKeys.districtSk(d.code), type: 'District', code: d.code, name: d.name });
    for (const v of d.villages) {
      items.push({
        pk,
        sk: regionKeys.villageSk(v.code),
        type: 'Village',
        code: v.code,
        name: v.name,
        district: d.code,
      });
    }
  }
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [db.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    // BatchWrite may hand back unprocessed items under load: retry them with backoff.
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
  return items.length;
}

/** The regency with its districts and villages, sorted by official code: one Query (paged if ever > 1 MB). */
export async function getRegency(db: Db, regencyCode: string): Promise<Regency> {
  if (!REGENCY_CODE.test(regencyCode)) throw notFound('region.not_found', `Kode wilayah ${regencyCode} tidak dikenal.`);
  const rows: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': regionKeys.pk(regencyCode) },
        ExclusiveStartKey: cursor,
      }),
    );
    rows.push(...(out.Items ?? []));
    cursor = out.LastEvaluatedKey;
  } while (cursor);

  const header = rows.find((r) => r.type === 'Regency');
  if (!header) throw notFound('region.not_found', `Wilayah ${regencyCode} belum dimuat.`);
  const districts = new Map<string, District>();
  for (const r of rows) {
    if (r.type === 'District')
      districts.set(String(r.code), { code: String(r.code), name: String(r.name), villages: [] });
  }
  for (const r of rows) {
    if (r.type === 'Village')
      districts.get(String(r.district))?.villages.push({ code: String(r.code), name: String(r.name) });
  }
  // Sort keys already order districts and villages by official code.
  return { code: regencyCode, name: String(header.name), districts: [...districts.values()] };
}
