import { boolean, Entity, item, list, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Sellers' storefronts (docs/data-model.md, "Shop, Handle and ShopMember").
 *   Shop        pk = SHOP#<id>            sk = SHOP
 *   Handle      pk = HANDLE#<handle>      sk = HANDLE    → shopId (uniqueness; an old handle stays, `current: false`, and redirects)
 *   ShopMember  pk = USER#<userId>        sk = MEMBER#SHOP#<shopId>     (myShops; isMember)
 *               gsi1pk = SHOP#<shopId>    gsi1sk = MEMBER#<userId>      (membersOf)
 */
export const CATEGORIES = ['kuliner', 'kerajinan', 'fashion', 'jasa', 'pertanian', 'digital', 'lainnya'] as const;
export const DELIVERY = ['pickup', 'local_delivery', 'courier'] as const;
export const SHOP_KINDS = ['individual', 'group'] as const;

const build = (table: BursaTable) => ({
  Shop: new Entity({
    name: 'Shop',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      handle: string(),
      name: string(),
      bio: string().optional(),
      category: string().enum(...CATEGORIES),
      kind: string().enum(...SHOP_KINDS),
      regencyCode: string(),
      districtCode: string(),
      villageCode: string(),
      /** The seller's WhatsApp number (+62…): public, it is how buyers reach them. */
      whatsapp: string(),
      delivery: list(string().enum(...DELIVERY)),
      hours: string().optional(),
      ownerId: string(),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
    }),
    computeKey: ({ id }) => ({ pk: `SHOP#${id}`, sk: 'SHOP' }),
  }),
  Handle: new Entity({
    name: 'Handle',
    table,
    timestamps: false,
    schema: item({ handle: string().key(), shopId: string(), current: boolean() }),
    computeKey: ({ handle }) => ({ pk: `HANDLE#${handle}`, sk: 'HANDLE' }),
  }),
  ShopMember: new Entity({
    name: 'ShopMember',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      shopId: string().key(),
      role: string().enum('owner', 'member'),
      createdAt: string(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `SHOP#${shopId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ userId }) => `MEMBER#${userId}`),
    })),
    computeKey: ({ userId, shopId }) => ({ pk: `USER#${userId}`, sk: `MEMBER#SHOP#${shopId}` }),
  }),
});

export const shopEntities = (db: Db) => bindEntities(db, build);
