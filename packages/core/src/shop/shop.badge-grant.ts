import { $remove, $set, GetItemCommand, QueryCommand, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { shopEntities } from './shop.entity.ts';
import type { Badge, Info } from './shop.use-cases.ts';

/**
 * Badges the office grants without a queue: the programme concept verifies a
 * graduate's badge when an officer marks them completed (on every shop they
 * own, and on a shop they open later) and when a completed participant asks
 * for one. The caller composes this write with its audit entry.
 */
export function grantBadgeTransaction(db: Db, shopId: string, badge: Badge & { status: 'verified' }) {
  return shopEntities(db)
    .Shop.build(UpdateTransaction)
    .item({ id: shopId, badge: $set(badge), gsi3pk: $remove(), gsi3sk: $remove() })
    .options({ condition: { attr: 'id', exists: true } });
}

/**
 * The shops a person owns (one Query of their memberships, then a GetItem per
 * owned shop, at most 20: usually one). GetItems, not a BatchGet, because the
 * stream's projections call it too and the events function reads by GetItem.
 */
export async function shopsOwnedBy(db: Db, userId: string): Promise<Info[]> {
  const { ShopMember, Shop } = shopEntities(db);
  const { Items = [] } = await db.table
    .build(QueryCommand)
    .entities(ShopMember)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'MEMBER#SHOP#' } })
    .options({ limit: 20 })
    .send();
  const owned = Items.filter((m) => m.role === 'owner');
  const shops = await Promise.all(
    owned.map(async (m) => (await Shop.build(GetItemCommand).key({ id: m.shopId }).send()).Item as Info | undefined),
  );
  return shops.filter((s): s is Info => Boolean(s));
}
