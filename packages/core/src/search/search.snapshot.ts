import { gunzipSync, gzipSync } from 'node:zlib';
import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox';
import type MiniSearch from 'minisearch';
import { deleteObject, getObject, putObject } from '../aws/s3.ts';
import { isConditionFailure } from '../db/conditions.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { nowOf } from '../kernel/ctx.ts';
import { mediaBucket } from '../media/media.bucket.ts';
// Light modules, not the concepts' barrels (see search.log.ts).
import { everyListedProduct, everyShop } from '../shop/shop.reads.ts';
import { everyOpen } from '../vacancy/vacancy.reads.ts';
import { type Collection, type Doc, productDoc, shopDoc, vacancyDoc } from './search.documents.ts';
import { searchEntities } from './search.entity.ts';
import { createIndex, loadIndex, put, remove } from './search.index.ts';
import { type LogEntry, readLog, stampOf } from './search.log.ts';

/**
 * An index in memory and what it holds: per document the stamp of the change
 * it reflects (removed ones too), and the log position it is complete up to.
 * Snapshots are this state, gzipped JSON in the media bucket under `search/`
 * (never served: CloudFront serves `media/` only).
 */
export type IndexState = {
  collection: Collection;
  index: MiniSearch<Doc>;
  stamps: Map<string, string>;
  position: string;
};

/**
 * How far back a reader rereads the log: a change becomes visible a few
 * milliseconds after the time it is keyed by, and two projections may write
 * out of order; rereading what it has already seen is harmless (stamps).
 */
export const OVERLAP_MS = 10_000;
/** A snapshot older than this is rebuilt from the table rather than caught up (the log keeps two days). */
const MAX_CATCH_UP_MS = 24 * 3_600_000;

export const logFrom = (position: string) => new Date(Date.parse(position) - OVERLAP_MS).toISOString();

/** Applies log entries; returns how many changed the index. */
export function applyEntries(state: IndexState, entries: LogEntry[]): number {
  let applied = 0;
  for (const e of entries) {
    if (e.writtenAt > state.position) state.position = e.writtenAt;
    const held = state.stamps.get(e.docId);
    // Older than what is held: skip. Equal: the later entry (read later) wins.
    if (held !== undefined && held > e.stamp) continue;
    state.stamps.set(e.docId, e.stamp);
    if (e.doc) put(state.index, e.doc);
    else remove(state.index, e.docId);
    applied++;
  }
  return applied;
}

/** Builds an index from the table: every open vacancy, listed product or shop of the regency. */
export async function buildFromTable(ctx: Ctx, regency: string, collection: Collection): Promise<IndexState> {
  const position = new Date(nowOf(ctx)).toISOString();
  const state: IndexState = { collection, index: createIndex(collection), stamps: new Map(), position };
  const add = (doc: Doc | undefined, stamp: string) => {
    if (!doc) return;
    state.stamps.set(doc.id, stamp);
    put(state.index, doc);
  };
  if (collection === 'vacancies')
    for await (const page of everyOpen(ctx.db, regency)) for (const v of page) add(vacancyDoc(v), stampOf(v.version));
  if (collection === 'products')
    for await (const page of everyListedProduct(ctx.db, regency))
      for (const { product, shop } of page) add(productDoc(product, shop), stampOf(product.version));
  if (collection === 'shops')
    for await (const page of everyShop(ctx.db, regency)) for (const s of page) add(shopDoc(s), stampOf(s.version));
  return state;
}

/**
 * The snapshot format: bumped when documents gain stored fields (2: a
 * vacancy's `companyVerified`), so an older snapshot is rebuilt from the
 * table rather than serving documents without them.
 */
const SNAPSHOT_VERSION = 2;
type SnapshotFile = { v: typeof SNAPSHOT_VERSION; position: string; stamps: [string, string][]; index: unknown };

/** The current snapshot, or undefined when there is none yet (or only one in an older format). */
export async function loadSnapshot(ctx: Ctx, regency: string, collection: Collection): Promise<IndexState | undefined> {
  const { SearchSnapshot } = searchEntities(ctx.db);
  for (let attempt = 0; attempt < 2; attempt++) {
    const { Item } = await SearchSnapshot.build(GetItemCommand).key({ regency, collection }).send();
    if (!Item) return undefined;
    const bytes = (await getObject(mediaBucket(ctx.config), Item.key))?.bytes;
    // Replaced (and deleted) between reading the pointer and the object: read the pointer again.
    if (!bytes) {
      if (attempt > 0) throw new Error(`search snapshot ${Item.key} is missing`);
      continue;
    }
    // Stored gzipped with Content-Encoding: gzip, which fetch undoes on the way in (or not, by another path).
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const file = JSON.parse(Buffer.from(gzipped ? gunzipSync(bytes) : bytes).toString('utf8')) as SnapshotFile;
    if (file.v !== SNAPSHOT_VERSION) return undefined;
    return {
      collection,
      index: loadIndex(collection, file.index),
      stamps: new Map(file.stamps),
      position: file.position,
    };
  }
  return undefined;
}

export type CompactResult = {
  collection: Collection;
  docs: number;
  bytes: number;
  applied: number;
  rebuilt: boolean;
  skipped: boolean;
  ms: number;
};

/**
 * Writes a new snapshot: the current one caught up with the log, or, when
 * there is none (or it is more than a day behind), one built from the table.
 * Nothing is written when the log holds nothing new. The pointer moves only
 * if no one else moved it meanwhile; the old object is deleted after.
 */
export async function compact(
  ctx: Ctx,
  regency: string,
  collection: Collection,
  opts: { rebuild?: boolean } = {},
): Promise<CompactResult> {
  const started = Date.now();
  const { SearchSnapshot } = searchEntities(ctx.db);
  const { Item: pointer } = await SearchSnapshot.build(GetItemCommand).key({ regency, collection }).send();
  let state = opts.rebuild || !pointer ? undefined : await loadSnapshot(ctx, regency, collection);
  const rebuilt = !state || nowOf(ctx) - Date.parse(state.position) > MAX_CATCH_UP_MS;
  if (rebuilt || !state) state = await buildFromTable(ctx, regency, collection);
  const before = state.position;
  const entries = await readLog(ctx.db, regency, collection, logFrom(state.position));
  const applied = applyEntries(state, entries);
  const docs = state.index.documentCount;
  // Nothing written to the log since the snapshot: it stands.
  if (!rebuilt && state.position === before)
    return { collection, docs, bytes: pointer?.bytes ?? 0, applied, rebuilt, skipped: true, ms: Date.now() - started };
  const body = gzipSync(
    JSON.stringify({
      v: SNAPSHOT_VERSION,
      position: state.position,
      stamps: [...state.stamps],
      index: state.index,
    } satisfies SnapshotFile),
  );
  const builtAt = new Date(nowOf(ctx)).toISOString();
  const key = `search/${regency}/${collection}/${builtAt.replace(/[:.]/g, '-')}.json.gz`;
  const bucket = mediaBucket(ctx.config);
  await putObject(bucket, key, body, { contentType: 'application/json', contentEncoding: 'gzip' });
  try {
    await SearchSnapshot.build(PutItemCommand)
      .item({
        regency,
        collection,
        key,
        position: state.position,
        docs,
        bytes: body.length,
        builtAt,
        buildMs: Date.now() - started,
      })
      .options({ condition: pointer ? { attr: 'key', eq: pointer.key } : { attr: 'key', exists: false } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Someone else wrote a newer snapshot meanwhile: theirs stands, ours goes.
    await deleteObject(bucket, key);
    return { collection, docs, bytes: body.length, applied, rebuilt, skipped: true, ms: Date.now() - started };
  }
  if (pointer && pointer.key !== key) await deleteObject(bucket, pointer.key);
  return { collection, docs, bytes: body.length, applied, rebuilt, skipped: false, ms: Date.now() - started };
}
