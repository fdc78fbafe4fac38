import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * A participant's follow-up, counted by the stream (functions/src/events/programme-followup.ts),
 * never typed in and never computed by reading their history (docs/data-model.md, "Programme"):
 *   Followup      pk = FOLLOWUP#<userId>        sk = FOLLOWUP        the shop they opened, their last sale
 *   FollowupYear  pk = FOLLOWUP#<userId>        sk = YEAR#<yyyy>     a counter per metric per WIB month
 *                 (`orders11` = orders completed in November): 24 months are at most 3 items
 *   FollowedShop  pk = FOLLOWSHOP#<shopId>      sk = FOLLOWSHOP      → userId: a participant's shop, so a
 *                 product or order finds its participant with one GetItem
 * Only people who are participants (linked to an account) are followed.
 */
export const METRICS = ['applications', 'hires', 'products', 'orders', 'sales'] as const;
export type Metric = (typeof METRICS)[number];
export const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

type Counter = ReturnType<ReturnType<typeof number>['optional']>;
const counters = Object.fromEntries(
  METRICS.flatMap((m) => MONTHS.map((mm) => [`${m}${mm}`, number().optional()])),
) as Record<`${Metric}${(typeof MONTHS)[number]}`, Counter>;

const build = (table: BursaTable) => ({
  Followup: new Entity({
    name: 'Followup',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      shopId: string().optional(),
      /** Copied when the shop opened (an old handle keeps redirecting, so a rename does not break the link). */
      shopHandle: string().optional(),
      shopName: string().optional(),
      lastSaleAt: string().optional(),
    }),
    computeKey: ({ userId }) => ({ pk: `FOLLOWUP#${userId}`, sk: 'FOLLOWUP' }),
  }),
  FollowupYear: new Entity({
    name: 'FollowupYear',
    table,
    timestamps: false,
    schema: item({ userId: string().key(), year: string().key(), ...counters }),
    computeKey: ({ userId, year }) => ({ pk: `FOLLOWUP#${userId}`, sk: `YEAR#${year}` }),
  }),
  FollowedShop: new Entity({
    name: 'FollowedShop',
    table,
    timestamps: false,
    schema: item({ shopId: string().key(), userId: string() }),
    computeKey: ({ shopId }) => ({ pk: `FOLLOWSHOP#${shopId}`, sk: 'FOLLOWSHOP' }),
  }),
});

export const followupEntities = (db: Db) => bindEntities(db, build);
