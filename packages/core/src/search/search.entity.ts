import { any, Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * The search indexes' table side (docs/data-model.md, "SearchChange and SearchSnapshot"):
 *   SearchChange    pk = SEARCHLOG#<regency>#<collection>   sk = <writtenAt>#<docId>
 *                   the change log: a document as it now is (or its removal), written by the
 *                   search-index stream projection, read by every search function since its
 *                   snapshot; expires (TTL) after two days, long after the next snapshot.
 *   SearchSnapshot  pk = SEARCHSNAP#<regency>#<collection>   sk = SNAPSHOT
 *                   where the current snapshot is in S3 and which changes it holds (`position`).
 * `stamp` orders changes to one document (its source's version, zero-padded): a change older than
 * what an index already holds is ignored, so reading the log twice, or out of order, is harmless.
 */
const build = (table: BursaTable) => ({
  SearchChange: new Entity({
    name: 'SearchChange',
    table,
    timestamps: false,
    schema: item({
      regency: string().key(),
      collection: string().key(),
      writtenAt: string().key(),
      docId: string().key(),
      stamp: string(),
      /** The document as JSON; absent when the item left the index. */
      doc: string().optional(),
      expiresAt: number(),
    }),
    computeKey: ({ regency, collection, writtenAt, docId }) => ({
      pk: `SEARCHLOG#${regency}#${collection}`,
      sk: `${writtenAt}#${docId}`,
    }),
  }),
  SearchSnapshot: new Entity({
    name: 'SearchSnapshot',
    table,
    timestamps: false,
    schema: item({
      regency: string().key(),
      collection: string().key(),
      /** The S3 object (gzipped JSON) under `search/`. */
      key: string(),
      /** The log position it holds everything up to (a `writtenAt`). */
      position: string(),
      docs: number(),
      bytes: number(),
      builtAt: string(),
      /** How long building took (ms): the scale plan's figure, kept live. */
      buildMs: number(),
      meta: any().optional(),
    }),
    computeKey: ({ regency, collection }) => ({ pk: `SEARCHSNAP#${regency}#${collection}`, sk: 'SNAPSHOT' }),
  }),
});

export const searchEntities = (db: Db) => bindEntities(db, build);
