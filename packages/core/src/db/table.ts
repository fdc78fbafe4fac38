import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox';
import type { Db } from './client.ts';
import { tableDesign } from './table-design.ts';

/**
 * The single table as dynamodb-toolbox sees it, built from `tableDesign` (the
 * same object infra and CreateTable use). `type` names the entity on every
 * item, as it always has.
 */
export function createTable(documentClient: DynamoDBDocumentClient, name: string) {
  const key = (keyName: string) => ({ name: keyName, type: 'string' as const });
  const [gsi1, gsi2, gsi3] = tableDesign.globalIndexes;
  return new Table({
    documentClient,
    name,
    partitionKey: key(tableDesign.partitionKey),
    sortKey: key(tableDesign.sortKey),
    indexes: {
      gsi1: { type: 'global', partitionKey: key(gsi1.partitionKey), sortKey: key(gsi1.sortKey) },
      gsi2: { type: 'global', partitionKey: key(gsi2.partitionKey), sortKey: key(gsi2.sortKey) },
      gsi3: { type: 'global', partitionKey: key(gsi3.partitionKey), sortKey: key(gsi3.sortKey) },
    },
    entityAttributeSavedAs: tableDesign.entityAttribute,
  });
}

export type BursaTable = ReturnType<typeof createTable>;

const bound = new WeakMap<Db, Map<unknown, unknown>>();

/**
 * A concept's entities on this Db's table, built once per Db and reused.
 * Entities hold their table (client and name), and a process may talk to more
 * than one table (tests), so each concept exports a builder, not instances:
 *   const build = (table: BursaTable) => ({ Vacancy: new Entity({ table, … }) });
 *   export const entities = (db: Db) => bindEntities(db, build);
 */
export function bindEntities<T>(db: Db, build: (table: BursaTable) => T): T {
  let forDb = bound.get(db);
  if (!forDb) {
    forDb = new Map();
    bound.set(db, forDb);
  }
  if (!forDb.has(build)) forDb.set(build, build(db.table));
  return forDb.get(build) as T;
}
