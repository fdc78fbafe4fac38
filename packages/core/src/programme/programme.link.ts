import {
  $remove,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { countedOnce } from '../db/projected.ts';
import type { Config } from '../kernel/config.ts';
import * as Shop from '../shop/index.ts';
import { followupEntities } from './followup.entity.ts';
import { type Participant, programmeEntities, userIndexKey } from './programme.entity.ts';
import { graduateOf } from './programme.graduates.ts';

/**
 * The programme-link projection (functions/src/events/programme-link.ts):
 * - a phone Login item appears (someone registered, or added a number): every
 *   cohort place waiting for that number is linked to the account;
 * - a participant gets an account: their shops are followed (FollowedShop), so
 *   products and orders count in the follow-up;
 * - a shop opens: if its owner completed a programme, it gets the verified
 *   badge (decidedBy: the officer who marked completion; audited as them).
 * Idempotent: links are conditional, follows are plain puts, a grant carries a marker.
 */
type Image = Record<string, unknown> | undefined;

export async function linkRegistered(db: Db, before: Image, after: Image): Promise<number> {
  if (before || after?.kind !== 'phone' || typeof after.value !== 'string' || typeof after.userId !== 'string')
    return 0;
  const { Participant: P } = programmeEntities(db);
  const out = await db.table
    .build(QueryCommand)
    .entities(P)
    .query({ index: 'gsi2', partition: `PARTPHONE#${after.value}` })
    .options({ limit: 50 })
    .send();
  const waiting = (out.Items ?? []) as Participant[];
  if (!waiting.length) return 0;
  const userId = after.userId;
  try {
    await executeTransactWrite(
      ...waiting.map((p) =>
        P.build(UpdateTransaction)
          .item({
            cohortId: p.cohortId,
            phone: p.phone,
            userId,
            ...userIndexKey(userId, p.cohortId),
            gsi2pk: $remove(),
            gsi2sk: $remove(),
          })
          .options({
            condition: {
              and: [
                { attr: 'phone', exists: true },
                { attr: 'userId', exists: false },
              ],
            },
          }),
      ),
    );
  } catch (e) {
    if (isConditionFailure(e)) return 0; // linked already (a replay)
    throw e;
  }
  return waiting.length;
}

/** A participant newly linked to an account: follow the shops they own. */
export async function participantLinked(db: Db, before: Image, after: Image): Promise<void> {
  const userId = after?.userId;
  if (typeof userId !== 'string' || before?.userId === userId) return;
  await followShops(db, userId, await Shop.shopsOwnedBy(db, userId));
}

async function followShops(db: Db, userId: string, shops: { id: string; handle: string; name: string }[]) {
  const first = shops[0];
  if (!first) return;
  const { Followup, FollowedShop } = followupEntities(db);
  const { Item } = await Followup.build(GetItemCommand).key({ userId }).send();
  await executeTransactWrite(
    ...shops.slice(0, 20).map((s) => FollowedShop.build(PutTransaction).item({ shopId: s.id, userId })),
    ...(Item?.shopId
      ? []
      : [
          Followup.build(UpdateTransaction).item({
            userId,
            shopId: first.id,
            shopHandle: first.handle,
            shopName: first.name,
          }),
        ]),
  );
}

/** A shop opened: followed if its owner is a participant; badged if they completed a programme. */
export async function shopOpened(db: Db, config: Config, sequenceNumber: string, before: Image, after: Image) {
  if (before || !after || typeof after.ownerId !== 'string' || typeof after.id !== 'string') return;
  const shop = after as { id: string; handle: string; name: string; ownerId: string; badge?: { status?: string } };
  const graduate = await graduateOf(db, shop.ownerId);
  if (!graduate || shop.badge?.status === 'verified') return;
  const at = new Date().toISOString();
  try {
    await executeTransactWrite(
      countedOnce(db, 'programme-link', sequenceNumber),
      Shop.grantBadgeTransaction(db, shop.id, {
        programme: graduate.programme,
        cohort: graduate.cohort,
        year: graduate.year,
        status: 'verified',
        requestedAt: at,
        decidedBy: graduate.officer.userId,
        decidedAt: at,
      }),
      Audit.record(
        { db, config, actor: { ...graduate.officer, roles: ['officer'] } },
        {
          action: 'badge.grant',
          targetType: 'shop',
          targetId: shop.id,
          targetName: shop.name,
          reason: graduate.cohort,
        },
      ),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

export { followShops };
