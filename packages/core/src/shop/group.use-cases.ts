import {
  $add,
  DeleteItemCommand,
  DeleteTransaction,
  executeTransactWrite,
  PutItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { phoneSchema } from '../account/index.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import { MAX_MEMBERS, shopEntities } from './shop.entity.ts';
import { capabilities } from './shop.policy.ts';
import { get, roleIn } from './shop.use-cases.ts';

/**
 * Group storefronts (kelompok usaha): the owner makes the shop a group and
 * invites members by phone number; a person whose account has that phone
 * accepts (or declines) from /saya; members manage products and posts; the
 * shop page lists them. At most 30, the owner included, enforced by the
 * database (a conditional count on the shop in the joining transaction).
 */
export type Member = { userId: string; role: 'owner' | 'member'; name?: string; createdAt: string };
export type Invite = {
  shopId: string;
  phone: string;
  handle: string;
  shopName: string;
  invitedBy: string;
  createdAt: string;
};

const inviteSchema = z.object({ shopId: z.string().check(z.maxLength(40)), phone: phoneSchema });
const shopIdSchema = z.object({ shopId: z.string().check(z.maxLength(40)) });
const removeSchema = z.object({ shopId: z.string().check(z.maxLength(40)), userId: z.string().check(z.maxLength(40)) });

const memberCount = (shop: { members?: number }) => shop.members ?? 1;

/** The owner turns the shop into a group storefront (it stays one). */
export const makeGroup = fn(shopIdSchema, async ({ shopId }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).inviteMembers) throw forbidden('shop.not_owner');
  if (shop.kind === 'group') return;
  await shopEntities(ctx.db)
    .Shop.build(PutItemCommand)
    .item({
      ...shop,
      kind: 'group',
      members: memberCount(shop),
      version: shop.version + 1,
      updatedAt: new Date(nowOf(ctx)).toISOString(),
    })
    .options({ condition: { attr: 'version', eq: shop.version } })
    .send()
    .catch((e) => {
      if (isConditionFailure(e)) throw conflict('shop.changed');
      throw e;
    });
});

/** The owner invites someone by phone number (a group shop, and room for one more). */
export const invite = fn(inviteSchema, async ({ shopId, phone }, ctx): Promise<Invite> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).inviteMembers) throw forbidden('shop.not_owner');
  if (shop.kind !== 'group') throw new DomainError('validation', 'shop.group.not_group');
  if (memberCount(shop) >= MAX_MEMBERS) throw conflict('shop.group.full');
  const item: Invite = {
    shopId,
    phone,
    handle: shop.handle,
    shopName: shop.name,
    invitedBy: me.name,
    createdAt: new Date(nowOf(ctx)).toISOString(),
  };
  await shopEntities(ctx.db).ShopInvite.build(PutItemCommand).item(item).send();
  return item;
});

/** The phone on the asker's account (invites are addressed to it). */
async function myPhone(ctx: Parameters<Parameters<typeof fn>[1]>[1]): Promise<string | undefined> {
  const me = Account.requireSignedIn(ctx.actor);
  return (await Account.getUser(ctx.db, me.userId)).phone;
}

/** The invites waiting for the asker (by the phone on their account). */
export const invitesForMe = fn(z.optional(z.object({})), async (_input, ctx): Promise<Invite[]> => {
  const phone = await myPhone(ctx);
  if (!phone) return [];
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(shopEntities(ctx.db).ShopInvite)
    .query({ index: 'gsi1', partition: `INVITES#${phone}` })
    .options({ limit: 20 })
    .send();
  return Items as Invite[];
});

/**
 * Accept: one transaction joins the group (the membership, the invite gone,
 * the shop's count up on condition there is room, the entrepreneur role).
 * Thirty people racing for the last place: one gets it.
 */
export const acceptInvite = fn(shopIdSchema, async ({ shopId }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  const phone = await myPhone(ctx);
  const { Shop, ShopMember, ShopInvite } = shopEntities(ctx.db);
  if (!phone) throw notFound('shop.invite.not_found');
  try {
    await withConflictRetry(
      () =>
        executeTransactWrite(
          ShopInvite.build(DeleteTransaction)
            .key({ shopId, phone })
            .options({ condition: { attr: 'shopId', exists: true } }),
          ShopMember.build(PutTransaction)
            .item({
              userId: me.userId,
              shopId,
              role: 'member',
              name: me.name,
              createdAt: new Date(nowOf(ctx)).toISOString(),
            })
            .options({ condition: { attr: 'userId', exists: false } }),
          Shop.build(UpdateTransaction)
            .item({ id: shopId, members: $add(1), version: $add(1) })
            .options({
              condition: {
                and: [
                  { attr: 'kind', eq: 'group' },
                  {
                    or: [
                      { attr: 'members', exists: false },
                      { attr: 'members', lt: MAX_MEMBERS },
                    ],
                  },
                ],
              },
            }),
          Account.grantRoleInTransaction(ctx.db, me.userId, 'entrepreneur'),
        ),
      // Everyone joining a group at once contends for the shop's count: keep trying a while.
      { attempts: 10 },
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw notFound('shop.invite.not_found');
    if (isConditionFailure(e, 1)) throw conflict('shop.group.already_member');
    if (isConditionFailure(e, 2)) throw conflict('shop.group.full');
    throw e;
  }
});

export const declineInvite = fn(shopIdSchema, async ({ shopId }, ctx): Promise<void> => {
  const phone = await myPhone(ctx);
  if (!phone) return;
  await shopEntities(ctx.db).ShopInvite.build(DeleteItemCommand).key({ shopId, phone }).send();
});

/** The owner removes a member (never themselves); the count goes down with it. */
export const removeMember = fn(removeSchema, async ({ shopId, userId }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).inviteMembers) throw forbidden('shop.not_owner');
  if (userId === shop.ownerId) throw new DomainError('validation', 'shop.group.owner_stays');
  const { Shop, ShopMember } = shopEntities(ctx.db);
  try {
    await executeTransactWrite(
      ShopMember.build(DeleteTransaction)
        .key({ userId, shopId })
        .options({ condition: { attr: 'role', eq: 'member' } }),
      Shop.build(UpdateTransaction).item({ id: shopId, members: $add(-1), version: $add(1) }),
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw notFound('shop.member.not_found');
    throw e;
  }
});

/** A shop's members (the page lists them): one Query, at most 30. */
export async function membersOf(ctx: { db: Parameters<typeof get>[0] }, shopId: string): Promise<Member[]> {
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(shopEntities(ctx.db).ShopMember)
    .query({ index: 'gsi1', partition: `SHOP#${shopId}`, range: { beginsWith: 'MEMBER#' } })
    .options({ limit: MAX_MEMBERS })
    .send();
  return Items.map((m) => ({
    userId: m.userId,
    role: m.role,
    ...(m.name ? { name: m.name } : {}),
    createdAt: m.createdAt,
  }));
}

/** A group's pending invites (the owner's page). */
export async function invitesOf(ctx: { db: Parameters<typeof get>[0] }, shopId: string): Promise<Invite[]> {
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(shopEntities(ctx.db).ShopInvite)
    .query({ partition: `SHOP#${shopId}`, range: { beginsWith: 'INVITE#' } })
    .options({ limit: MAX_MEMBERS })
    .send();
  return Items as Invite[];
}
