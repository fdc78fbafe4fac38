import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Counters for abuse limits (docs/data-model.md, "Limits").
 *   Counter  pk = RATE#<scope>#<subject>   sk = RATE   (TTL expiresAt)
 * A fixed-window counter (`count`, `windowEnds`) for "at most N per period",
 * or a back-off gate (`failures`, `nextAllowedAt`) for sign-in attempts.
 */
const build = (table: BursaTable) => ({
  Counter: new Entity({
    name: 'RateCounter',
    table,
    timestamps: false,
    schema: item({
      scope: string().key(),
      subject: string().key(),
      count: number().optional(),
      windowEnds: number().optional(),
      failures: number().optional(),
      nextAllowedAt: number().optional(),
      expiresAt: number(),
    }),
    computeKey: ({ scope, subject }) => ({ pk: `RATE#${scope}#${subject}`, sk: 'RATE' }),
  }),
});

export const limitEntities = (db: Db) => bindEntities(db, build);
