import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Sellers' storefronts (docs/data-model.md, "Shop, Handle and ShopMember").
 *   Shop        pk = SHOP#<id>            sk = SHOP
 *               gsi3pk = BADGES#pending   gsi3sk = <requestedAt>#<shopId>   (badgeQueue, only while a badge waits)
 *   Handle      pk = HANDLE#<handle>      sk = HANDLE    → shopId (uniqueness; an old handle stays, `current: false`, and redirects)
 *   ShopMember  pk = USER#<userId>        sk = MEMBER#SHOP#<shopId>     (myShops; isMember)
 *               gsi1pk = SHOP#<shopId>    gsi1sk = MEMBER#<userId>      (membersOf)
 *   ShopInvite  pk = SHOP#<shopId>            sk = INVITE#<+62…>             (a group's pending invites)
 *               gsi1pk = INVITES#<+62…>   gsi1sk = SHOP#<shopId>        (invitesFor: what someone with that phone is invited to)
 */
export const MAX_MEMBERS = 30;
export const CATEGORIES = ['kuliner', 'kerajinan', 'fashion', 'jasa', 'pertanian', 'digital', 'lainnya'] as const;
export const DELIVERY = ['pickup', 'local_delivery', 'courier'] as const;
export const SHOP_KINDS = ['individual', 'group'] as const;
/** Ways to pay a shop may accept (the order concept acts on them). */
export const PAYMENT_METHODS = ['whatsapp', 'cod', 'transfer', 'card'] as const;
/** What a shop that never chose accepts. */
export const DEFAULT_PAYMENTS: readonly (typeof PAYMENT_METHODS)[number][] = ['whatsapp', 'cod'];

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
      /** The profile photo: an Image id (media.images.ts). */
      avatar: string().optional(),
      category: string().enum(...CATEGORIES),
      kind: string().enum(...SHOP_KINDS),
      regencyCode: string(),
      districtCode: string(),
      villageCode: string(),
      /** The seller's WhatsApp number (+62…): public, it is how buyers reach them. */
      whatsapp: string(),
      delivery: list(string().enum(...DELIVERY)),
      hours: string().optional(),
      /** How buyers may pay (order/payment.settings.ts); absent: WhatsApp and COD. */
      payments: list(string().enum(...PAYMENT_METHODS)).optional(),
      /** Where transfers go: shown to buyers of a transfer order. */
      bank: map({ name: string(), number: string(), holder: string() }).optional(),
      /** The shop's static QRIS code: an Image id (a public photo). */
      qris: string().optional(),
      ownerId: string(),
      /**
       * The programme-graduate badge the seller asked for: pending until an
       * officer verifies or rejects it (shop.badge.ts). While pending, the shop
       * sits in the officers' queue (gsi3, sparse).
       */
      badge: map({
        programme: string(),
        cohort: string(),
        year: number(),
        status: string().enum('pending', 'verified', 'rejected'),
        requestedAt: string(),
        reason: string().optional(),
        decidedBy: string().optional(),
        decidedAt: string().optional(),
      }).optional(),
      gsi3pk: string().optional(),
      gsi3sk: string().optional(),
      /** How many belong to it, the owner included (a group has at most MAX_MEMBERS); absent on shops opened before groups: 1. */
      members: number().optional(),
      /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
      moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
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
      /** The member's name, copied when they joined (the page lists members without reading users). */
      name: string().optional(),
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
  ShopInvite: new Entity({
    name: 'ShopInvite',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      phone: string().key(),
      handle: string(),
      shopName: string(),
      invitedBy: string(),
      createdAt: string(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ phone }) => `INVITES#${phone}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ shopId }) => `SHOP#${shopId}`),
    })),
    computeKey: ({ shopId, phone }) => ({ pk: `SHOP#${shopId}`, sk: `INVITE#${phone}` }),
  }),
});

export const shopEntities = (db: Db) => bindEntities(db, build);
