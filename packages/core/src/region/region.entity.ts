import { Entity, item, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Official administrative areas (Kemendagri codes): reference data loaded by
 * the seed. One partition per regency holds the whole tree, so one Query
 * (`regencyTree`) returns everything a page needs (Tangerang: 1 + 13 + 104 small items).
 *   pk = REGENCY#<regencyCode>
 *   sk = REGENCY | DISTRICT#<districtCode> | VILLAGE#<villageCode>
 */
export const regencyPk = (regencyCode: string) => `REGENCY#${regencyCode}`;
const regencyOf = (code: string) => code.slice(0, 5);

const build = (table: BursaTable) => ({
  Regency: new Entity({
    name: 'Regency',
    table,
    timestamps: false,
    schema: item({ code: string().key(), name: string() }),
    computeKey: ({ code }) => ({ pk: regencyPk(code), sk: 'REGENCY' }),
  }),
  District: new Entity({
    name: 'District',
    table,
    timestamps: false,
    schema: item({ code: string().key(), name: string() }),
    computeKey: ({ code }) => ({ pk: regencyPk(regencyOf(code)), sk: `DISTRICT#${code}` }),
  }),
  Village: new Entity({
    name: 'Village',
    table,
    timestamps: false,
    schema: item({ code: string().key(), name: string(), district: string() }),
    computeKey: ({ code }) => ({ pk: regencyPk(regencyOf(code)), sk: `VILLAGE#${code}` }),
  }),
});

export const regionEntities = (db: Db) => bindEntities(db, build);
