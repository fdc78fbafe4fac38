import {
  $add,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import * as Region from '../region/index.ts';
import { slugOf } from '../shop/product.use-cases.ts';
import { type FairMode, type FairStatus, fairEntities } from './fair.entity.ts';
import { canManageFairs, type FairCapabilities, fairCapabilities } from './fair.policy.ts';
import {
  fairFieldsSchema,
  fairIdSchema,
  fairSlugSchema,
  fairStatusSchema,
  listSchema,
  updateFairSchema,
} from './fair.schema.ts';

export type Info = {
  id: string;
  slug: string;
  name: string;
  description: string;
  banner?: string;
  startDate: string;
  endDate: string;
  opensAt: string;
  closesAt: string;
  mode: FairMode;
  venue?: string;
  districtCode?: string;
  registrationQuota: number;
  boothQuota: number;
  status: FairStatus;
  booths?: number;
  registered?: number;
  checkedIn?: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

const slugTaken = () => conflict('fair.slug_taken', [{ path: 'slug', code: 'fair.slug.taken' }]);

/**
 * The fields, the kecamatan against the regency and (when something is wrong
 * anyway) a slug already taken, checked together: every problem in one answer.
 * Without other problems the write's condition decides the slug, as it must.
 */
async function validFairFields(
  ctx: Ctx,
  input: unknown,
  slugCheck: boolean,
): Promise<z.output<typeof fairFieldsSchema>> {
  const { data, issues } = check(fairFieldsSchema, input);
  const raw = (input ?? {}) as Record<string, unknown>;
  const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
  issues.push(...Region.locationIssuesBeside(regency, raw.districtCode, undefined, issues));
  if (!issues.length && data) return data;
  const slug = slugCheck ? (validField(fairFieldsSchema, input, 'slug') ?? slugFromName(input)) : undefined;
  if (slug && !issues.some((i) => i.path === 'slug')) {
    const { Item } = await fairEntities(ctx.db).FairSlug.build(GetItemCommand).key({ slug }).send();
    if (Item) issues.push({ path: 'slug', code: 'fair.slug.taken' });
  }
  throw new ValidationError(issues);
}

const slugFromName = (input: unknown) => {
  const name = validField(fairFieldsSchema, input, 'name');
  return name ? slugOf(name) : undefined;
};

/** An officer creates a fair, as a draft; its address (`/bursa-kerja/<slug>`) is unique. */
export const createFair = fn(checkedInside(fairFieldsSchema), async (input, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canManageFairs(me)) throw forbidden('fair.officers_only');
  const fields = await validFairFields(ctx, input, true);
  const now = new Date(nowOf(ctx)).toISOString();
  const fair: Info = {
    ...fields,
    slug: fields.slug ?? slugOf(fields.name),
    id: newId(nowOf(ctx)),
    status: 'draft',
    createdBy: me.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (fair.mode === 'virtual') {
    delete fair.venue;
    delete fair.districtCode;
  }
  const { Fair, FairSlug } = fairEntities(ctx.db);
  try {
    await executeTransactWrite(
      Fair.build(PutTransaction)
        .item(fair)
        .options({ condition: { attr: 'id', exists: false } }),
      FairSlug.build(PutTransaction)
        .item({ slug: fair.slug, fairId: fair.id })
        .options({ condition: { attr: 'slug', exists: false } }),
    );
  } catch (e) {
    if (isConditionFailure(e, 1)) throw slugTaken();
    throw e;
  }
  return fair;
});

export async function getFair(db: Db, fairId: string): Promise<Info> {
  if (!ID_PATTERN.test(fairId)) throw notFound('fair.not_found');
  const { Item } = await fairEntities(db).Fair.build(GetItemCommand).key({ id: fairId }).send();
  if (!Item) throw notFound('fair.not_found');
  return Item as Info;
}

export type FairView = { fair: Info; can: FairCapabilities };

/** A fair by id, as the asker may see it (a draft is a 404 to anyone but officers). */
export const viewFair = fn(fairIdSchema, async ({ fairId }, ctx): Promise<FairView> => {
  const fair = await getFair(ctx.db, fairId);
  const can = fairCapabilities(fair, { actor: ctx.actor });
  if (!can.view) throw notFound('fair.not_found');
  return { fair, can };
});

/** `/bursa-kerja/<slug>`: the slug to the fair, then the fair (two GetItems). */
export const bySlug = fn(fairSlugSchema, async ({ slug }, ctx): Promise<FairView> => {
  const { Item } = await fairEntities(ctx.db).FairSlug.build(GetItemCommand).key({ slug: slug.toLowerCase() }).send();
  if (!Item) throw notFound('fair.not_found');
  return viewFair(ctx, { fairId: Item.fairId });
});

/** An officer edits a fair (a stale `version` is a 409). The address stays as it was. */
export const updateFair = fn(updateFairSchema, async ({ fairId, version, ...patch }, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canManageFairs(me)) throw forbidden('fair.officers_only');
  const before = await getFair(ctx.db, fairId);
  const fields = await validFairFields(ctx, { ...before, ...patch, slug: before.slug }, false);
  const expected = version ?? before.version;
  const fair: Info = {
    ...before,
    ...fields,
    slug: before.slug,
    updatedAt: new Date(nowOf(ctx)).toISOString(),
    version: before.version + 1,
  };
  if (fair.mode === 'virtual') {
    delete fair.venue;
    delete fair.districtCode;
  }
  try {
    await fairEntities(ctx.db)
      .Fair.build(PutItemCommand)
      .item(fair)
      .options({ condition: { attr: 'version', eq: expected } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('fair.changed');
    throw e;
  }
  return fair;
});

/** An officer publishes a fair, opens it (live) or ends it. */
export const setFairStatus = fn(fairStatusSchema, async ({ fairId, status }, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canManageFairs(me)) throw forbidden('fair.officers_only');
  const before = await getFair(ctx.db, fairId);
  const fair = { ...before, status, updatedAt: new Date(nowOf(ctx)).toISOString(), version: before.version + 1 };
  await fairEntities(ctx.db)
    .Fair.build(UpdateItemCommand)
    .item({ id: fairId, status, updatedAt: fair.updatedAt, version: fair.version } as never)
    .options({ condition: { attr: 'version', eq: before.version } })
    .send()
    .catch((e) => {
      throw isConditionFailure(e) ? conflict('fair.changed') : e;
    });
  return fair;
});

/**
 * Every fair by start date, newest first, one page: drafts only for officers
 * (a filter on the page: drafts are few). The public list groups what it
 * gets into live, upcoming and past.
 */
export const listFairs = fn(listSchema, async ({ cursor, limit }, ctx): Promise<Page<Info>> => {
  const officer = canManageFairs(ctx.actor);
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(fairEntities(ctx.db).Fair)
    .query({ index: 'gsi1', partition: 'FAIRS' })
    .options({
      reverse: true,
      limit,
      ...(officer ? {} : { filters: { Fair: { attr: 'status', ne: 'draft' } } }),
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === 'FAIRS') } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Info[], ...(next ? { cursor: next } : {}) };
});

/** An officer sets the fair's banner: a photo they uploaded (processed, public), shown on its page and in link previews. */
export const setBanner = fn(z.object({ fairId: z.string(), imageId: z.string() }), async ({ fairId, imageId }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canManageFairs(me)) throw forbidden('fair.officers_only');
  await getFair(ctx.db, fairId);
  await Media.requireReady(ctx, me.userId, [imageId]);
  await fairEntities(ctx.db)
    .Fair.build(UpdateItemCommand)
    .item({ id: fairId, banner: imageId, updatedAt: new Date(nowOf(ctx)).toISOString(), version: $add(1) } as never)
    .send();
});
