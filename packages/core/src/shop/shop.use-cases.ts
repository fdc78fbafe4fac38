import {
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import type { Actor } from '../kernel/actor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, type FieldIssue, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { check, checkedInside, parseInput } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import * as Region from '../region/index.ts';
import { type CATEGORIES, type DELIVERY, type PAYMENT_METHODS, type SHOP_KINDS, shopEntities } from './shop.entity.ts';
import { canOpen, capabilities, type ShopCapabilities } from './shop.policy.ts';
import { avatarSchema, handleLookupSchema, handleSchema, shopFieldsSchema, shopPatchSchema } from './shop.schema.ts';

export type Badge = {
  programme: string;
  cohort: string;
  year: number;
  status: 'pending' | 'verified' | 'rejected';
  requestedAt: string;
  reason?: string;
  decidedBy?: string;
  decidedAt?: string;
};

/** A shop as anyone may read it. */
export type Info = {
  id: string;
  handle: string;
  name: string;
  bio?: string;
  avatar?: string;
  category: (typeof CATEGORIES)[number];
  kind: (typeof SHOP_KINDS)[number];
  regencyCode: string;
  districtCode: string;
  villageCode: string;
  whatsapp: string;
  delivery: (typeof DELIVERY)[number][];
  hours?: string;
  payments?: (typeof PAYMENT_METHODS)[number][];
  bank?: { name: string; number: string; holder: string };
  qris?: string;
  ownerId: string;
  /** Members including the owner (a group's count); absent means 1. */
  members?: number;
  badge?: Badge;
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  createdAt: string;
  updatedAt: string;
  version: number;
};

const handleTaken = () => conflict('shop.handle_taken', [{ path: 'handle', code: 'shop.handle.taken' }]);

/**
 * The checks against stored data, beside the schema's issues, so a form shows
 * every problem at once: the kelurahan in its kecamatan and, when something
 * is wrong anyway, a handle another shop already has (otherwise the write's
 * condition decides, as it must under concurrency).
 */
async function throwIfInvalid(ctx: Ctx, input: Record<string, unknown>, issues: FieldIssue[], shopId?: string) {
  const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
  issues.push(...Region.locationIssuesBeside(regency, input.districtCode, input.villageCode, issues));
  if (!issues.length) return;
  const handle = issues.some((i) => i.path === 'handle') ? undefined : handleSchema.safeParse(input.handle).data;
  if (handle) {
    const { Item } = await shopEntities(ctx.db).Handle.build(GetItemCommand).key({ handle }).send();
    if (Item && Item.shopId !== shopId) issues.push({ path: 'handle', code: 'shop.handle.taken' });
  }
  throw new ValidationError(issues);
}

/** Opens a shop: the shop, its handle (unique: a conditional put), the owner's membership and the entrepreneur role, together. */
export const open = fn(checkedInside(shopFieldsSchema), async (input, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canOpen(me)) throw forbidden('shop.not_member');
  const { data: fields, issues } = check(shopFieldsSchema, input);
  await throwIfInvalid(ctx, input, issues);
  if (!fields) throw new ValidationError(issues);
  const now = new Date(nowOf(ctx)).toISOString();
  const shop: Info = {
    ...fields,
    id: newId(nowOf(ctx)),
    kind: 'individual',
    regencyCode: ctx.config.homeRegency,
    ownerId: me.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const { Shop, Handle, ShopMember } = shopEntities(ctx.db);
  try {
    await withConflictRetry(() =>
      executeTransactWrite(
        Shop.build(PutTransaction)
          .item(shop)
          .options({ condition: { attr: 'id', exists: false } }),
        Handle.build(PutTransaction)
          .item({ handle: shop.handle, shopId: shop.id, current: true })
          .options({ condition: { attr: 'shopId', exists: false } }),
        ShopMember.build(PutTransaction).item({
          userId: me.userId,
          shopId: shop.id,
          role: 'owner',
          name: me.name,
          createdAt: now,
        }),
        Account.grantRoleInTransaction(ctx.db, me.userId, 'entrepreneur'),
      ),
    );
  } catch (e) {
    if (isConditionFailure(e, 1)) throw handleTaken();
    throw e;
  }
  return shop;
});

export async function get(db: Db, shopId: string): Promise<Info> {
  if (!ID_PATTERN.test(shopId)) throw notFound('shop.not_found');
  const { Item } = await shopEntities(db).Shop.build(GetItemCommand).key({ id: shopId }).send();
  if (!Item) throw notFound('shop.not_found');
  return Item as Info;
}

/** The asker's role in a shop, if any: one GetItem. */
export async function roleIn(
  db: Db,
  actor: Actor | undefined,
  shopId: string,
): Promise<'owner' | 'member' | undefined> {
  if (!actor || !ID_PATTERN.test(shopId)) return undefined;
  const { Item } = await shopEntities(db).ShopMember.build(GetItemCommand).key({ userId: actor.userId, shopId }).send();
  return Item?.role;
}

export type ShopView = { shop: Info; can: ShopCapabilities; role: 'owner' | 'member' | undefined };

/**
 * A shop by its handle (`/@warungbuani`). An old handle still finds the shop
 * and says where it lives now (`movedTo`), so links shared before a rename keep working.
 */
export const byHandle = fn(handleLookupSchema, async ({ handle }, ctx): Promise<ShopView & { movedTo?: string }> => {
  const parsed = handleSchema.safeParse(handle);
  if (!parsed.success) throw notFound('shop.not_found');
  const { Item } = await shopEntities(ctx.db).Handle.build(GetItemCommand).key({ handle: parsed.data }).send();
  if (!Item) throw notFound('shop.not_found');
  const [shop, role] = await Promise.all([get(ctx.db, Item.shopId), roleIn(ctx.db, ctx.actor, Item.shopId)]);
  const can = capabilities(shop, { actor: ctx.actor, role });
  // Hidden by an officer: gone for all but its members and officers (moderation/), its products with it.
  if (shop.moderation && !role && !can.moderate) throw notFound('moderation.unavailable');
  return {
    shop,
    role,
    can,
    ...(shop.handle !== parsed.data ? { movedTo: shop.handle } : {}),
  };
});

/**
 * The owner edits the shop (a stale `version` is a 409). A new handle is
 * claimed in the same transaction (taken: 409 on the handle field), and the
 * old one stays pointing at the shop, marked not current, so it redirects.
 */
export const update = fn(checkedInside(shopPatchSchema), async (input, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  const shopId = String(input.id ?? '');
  const [before, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(before, { actor: me, role }).edit) throw forbidden('shop.not_owner');
  const { data: patch, issues } = check(shopPatchSchema, input);
  // The shop the fields make (a field left out keeps its value), checked against stored data beside the schema.
  await throwIfInvalid(ctx, { ...before, ...(patch ?? input) }, issues, before.id);
  if (!patch) throw new ValidationError(issues);
  const { id: _id, version, ...given } = patch;
  const next = { ...before, ...given };
  const fields = parseInput(shopFieldsSchema, { ...next, bio: next.bio ?? '', hours: next.hours ?? '' });
  const expected = version ?? before.version;
  if (expected !== before.version) throw conflict('shop.changed');
  const shop: Info = {
    ...before,
    ...fields,
    updatedAt: new Date(nowOf(ctx)).toISOString(),
    version: before.version + 1,
  };
  if (!fields.bio) delete shop.bio;
  if (!fields.hours) delete shop.hours;
  const { Shop, Handle } = shopEntities(ctx.db);
  const renamed = shop.handle !== before.handle;
  try {
    await executeTransactWrite(
      Shop.build(PutTransaction)
        .item(shop)
        .options({ condition: { attr: 'version', eq: expected } }),
      ...(renamed
        ? [
            Handle.build(PutTransaction)
              .item({ handle: shop.handle, shopId: shop.id, current: true })
              .options({
                // Free, or an old handle of this very shop being taken back.
                condition: {
                  or: [
                    { attr: 'shopId', exists: false },
                    { attr: 'shopId', eq: shop.id },
                  ],
                },
              }),
            Handle.build(UpdateTransaction).item({ handle: before.handle, shopId: shop.id, current: false }),
          ]
        : []),
    );
  } catch (e) {
    if (isConditionFailure(e, 1)) throw handleTaken();
    if (isConditionFailure(e, 0)) throw conflict('shop.changed');
    throw e;
  }
  return shop;
});

export type MyShop = { shopId: string; role: 'owner' | 'member' };

/** The shops the signed-in person owns or belongs to (one page of 20). */
export const listMine = fn(z.optional(z.object({})), async (_input, ctx): Promise<MyShop[]> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(shopEntities(ctx.db).ShopMember)
    .query({ partition: `USER#${me.userId}`, range: { beginsWith: 'MEMBER#SHOP#' } })
    .options({ limit: 20 })
    .send();
  return Items.map((m) => ({ shopId: m.shopId, role: m.role }));
});

/** The owner sets the shop's profile photo (one they uploaded, processed). */
export const setAvatar = fn(avatarSchema, async ({ shopId, imageId }, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([get(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).edit) throw forbidden('shop.not_owner');
  await Media.requireReady(ctx, me.userId, [imageId]);
  const next: Info = {
    ...shop,
    avatar: imageId,
    updatedAt: new Date(nowOf(ctx)).toISOString(),
    version: shop.version + 1,
  };
  try {
    await shopEntities(ctx.db)
      .Shop.build(PutItemCommand)
      .item(next)
      .options({ condition: { attr: 'version', eq: shop.version } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('shop.changed');
    throw e;
  }
  return next;
});
