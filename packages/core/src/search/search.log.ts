import { BatchPutRequest, GetItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { writeInBatches } from '../db/batch.ts';
import type { Db } from '../db/client.ts';
// The reads it needs, not the concepts' barrels: what the search function loads stays plain to see.
import type { Product } from '../shop/product.use-cases.ts';
import { shopEntities } from '../shop/shop.entity.ts';
import { everyProductOf } from '../shop/shop.reads.ts';
import type { Info as ShopInfo } from '../shop/shop.use-cases.ts';
import { fromImage } from '../vacancy/vacancy.listing.ts';
import { type Collection, type Doc, productDoc, regencyOfCode, shopDoc, vacancyDoc } from './search.documents.ts';
import { searchEntities } from './search.entity.ts';

/**
 * The change log (docs/search.md, "Freshness"): the search-index stream
 * projection writes each searchable item's document as it now is, or its
 * removal; every search function reads what was written since its snapshot.
 */

/** Changes kept in the log: far longer than between two snapshots (15 minutes). */
const LOG_DAYS = 2;

export type Change = { collection: Collection; regency: string; docId: string; stamp: string; doc?: Doc };

/**
 * The order of one document's changes: its source item's version (every edit
 * bumps it; a removal counts one more). Writes that leave the version alone
 * (a badge decided) tie, and ties go to the entry written later: the log is
 * read in the order the projection wrote it, which is the item's stream order.
 */
export const stampOf = (version: number) => String(version).padStart(9, '0');

type Img = Record<string, unknown> | undefined;

/**
 * The changes one stream record makes to the indexes: a vacancy's or a shop's
 * own document; a product's (with its shop's copy); and, when a shop's name,
 * handle or kecamatan changed, each of its products' documents again. A
 * change that leaves a document as it was (stock taken, a setting changed)
 * writes nothing.
 */
export async function changesFor(db: Db, entity: string, before: Img, after: Img): Promise<Change[]> {
  const source = (after ?? before) as Record<string, unknown> | undefined;
  if (!source) return [];
  // A removed item's change comes after anything it had.
  const stamp = stampOf(after ? Number(after.version ?? 0) : Number(before?.version ?? 0) + 1);
  if (entity === 'Vacancy') {
    const v = fromImage(db, after);
    const old = fromImage(db, before);
    const regency = String((v ?? old)?.regencyCode ?? '');
    const doc = vacancyDoc(v);
    // Nothing to say when what search holds does not change (a draft edited, an application counted).
    if (same(doc, vacancyDoc(old))) return [];
    return [{ collection: 'vacancies', regency, docId: String(source.id), stamp, ...(doc ? { doc } : {}) }];
  }
  if (entity === 'Product') {
    const { Item: shop } = (await shopEntities(db)
      .Shop.build(GetItemCommand)
      .key({ id: String(source.shopId) })
      .send()) as { Item?: ShopInfo };
    if (!shop) return [];
    const doc = productDoc(after as Product | undefined, shop);
    // A sale takes stock, an edit changes nothing searchable: nothing to write.
    if (same(doc, productDoc(before as Product | undefined, shop))) return [];
    return [
      { collection: 'products', regency: shop.regencyCode, docId: String(source.id), stamp, ...(doc ? { doc } : {}) },
    ];
  }
  if (entity === 'Shop') {
    const s = after as ShopInfo | undefined;
    const b = before as ShopInfo | undefined;
    const doc = shopDoc(s);
    const regency = String(source.regencyCode ?? regencyOfCode(String(source.districtCode ?? '')));
    const out: Change[] = same(doc, shopDoc(b))
      ? []
      : [{ collection: 'shops', regency, docId: String(source.id), stamp, ...(doc ? { doc } : {}) }];
    // Hidden by an officer or shown again: its products leave or come back with it.
    const copied = (x: ShopInfo | undefined) =>
      x ? [x.handle, x.name, x.districtCode, x.moderation ? 'hidden' : ''].join('|') : '';
    if (b && s && copied(b) !== copied(s)) {
      for await (const p of everyProductOf(db, s.id)) {
        const pdoc = productDoc(p, s);
        // The product's own version: it ties with the product's last change and, written later, wins.
        const at = { collection: 'products', regency: s.regencyCode, docId: p.id, stamp: stampOf(p.version) } as const;
        if (pdoc) out.push({ ...at, doc: pdoc });
        else if (productDoc(p, b)) out.push(at); // listed before, gone with its shop
      }
    }
    return out;
  }
  return [];
}

/** Two documents (or absences) alike: built by the same function, so their JSON compares. */
const same = (a: Doc | undefined, b: Doc | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Appends changes to the log, 25 to a BatchWriteItem (a replayed record appends the same documents again: harmless). */
export async function appendChanges(db: Db, changes: Change[], now: string): Promise<void> {
  const { SearchChange } = searchEntities(db);
  const expiresAt = Math.floor(Date.parse(now) / 1000) + LOG_DAYS * 86_400;
  await writeInBatches(
    db,
    changes.map((c) =>
      SearchChange.build(BatchPutRequest).item({
        regency: c.regency,
        collection: c.collection,
        writtenAt: now,
        docId: c.docId,
        stamp: c.stamp,
        ...(c.doc ? { doc: JSON.stringify(c.doc) } : {}),
        expiresAt,
      }),
    ),
  );
}

export type LogEntry = { writtenAt: string; docId: string; stamp: string; doc?: Doc };

/**
 * The changes written at or after `from`, oldest first, a page of 500 at a
 * time (one Query per page on the log's partition).
 */
export async function readLog(db: Db, regency: string, collection: Collection, from: string): Promise<LogEntry[]> {
  const { SearchChange } = searchEntities(db);
  const out: LogEntry[] = [];
  let exclusiveStartKey: Record<string, string> | undefined;
  do {
    const page = await db.table
      .build(QueryCommand)
      .entities(SearchChange)
      .query({ partition: `SEARCHLOG#${regency}#${collection}`, range: { gte: from } })
      .options({ limit: 500, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    for (const i of page.Items ?? [])
      out.push({
        writtenAt: i.writtenAt,
        docId: i.docId,
        stamp: i.stamp,
        ...(i.doc ? { doc: JSON.parse(i.doc) as Doc } : {}),
      });
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, string> | undefined;
  } while (exclusiveStartKey);
  return out;
}

/**
 * When what residents browse last changed (the home page's "Diperbarui"): the
 * newest entry of the vacancies' and the products' logs, one Query each (limit
 * 1, newest first, in parallel), whatever the amount of data. When both logs
 * are empty (nothing changed for two days, the entries expired), the position
 * of their snapshots (one GetItem each), which is the last change they hold.
 * Undefined when nothing was ever written.
 */
export async function lastChange(
  db: Db,
  regency: string,
  collections: readonly Collection[] = ['vacancies', 'products'],
): Promise<string | undefined> {
  const { SearchChange, SearchSnapshot } = searchEntities(db);
  const newest = (times: (string | undefined)[]) =>
    times.filter((t): t is string => Boolean(t)).sort((a, b) => b.localeCompare(a))[0];
  const logged = await Promise.all(
    collections.map(async (collection) => {
      const { Items = [] } = await db.table
        .build(QueryCommand)
        .entities(SearchChange)
        .query({ partition: `SEARCHLOG#${regency}#${collection}` })
        .options({ reverse: true, limit: 1 })
        .send();
      return Items[0]?.writtenAt;
    }),
  );
  const fromLog = newest(logged);
  if (fromLog) return fromLog;
  const snapshots = await Promise.all(
    collections.map(
      async (collection) =>
        (await SearchSnapshot.build(GetItemCommand).key({ regency, collection }).send()).Item?.position,
    ),
  );
  return newest(snapshots);
}
