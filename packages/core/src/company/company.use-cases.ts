import {
  $remove,
  $set,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Actor } from '../kernel/actor.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { conflict, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { check, checkedInside } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Limit from '../limit/index.ts';
import * as Region from '../region/index.ts';
import { companyEntities, companyPartition, queuePartition, type SECTORS, type STATUSES } from './company.entity.ts';
import { findLookalike, type Lookalike } from './company.lookalike.ts';
import { canCreate, canReviewQueue, capabilities } from './company.policy.ts';
import { splitForReview, writeCompany } from './company.review.ts';
import { companyFieldsSchema, companyIdSchema, companyPatchSchema, queueSchema } from './company.schema.ts';

/** A company's profile, as anyone may read it. */
export type Info = {
  id: string;
  name: string;
  sector: (typeof SECTORS)[number];
  address: string;
  regencyCode: string;
  districtCode: string;
  villageCode: string;
  contactPhone?: string;
  contactEmail?: string;
  nib?: string;
  description?: string;
  status: (typeof STATUSES)[number];
  /** Material changes awaiting an officer (members and officers only; see `view`). */
  pending?: { name?: string; nib?: string; address?: string };
  /** Why an officer turned a registration or a change down (members and officers only). */
  reviewNote?: string;
  verifiedAt?: string;
  /** The verified company this one's name resembles (officers only; company.lookalike.ts). */
  lookalike?: Lookalike;
  /** The last officer decision: who, when, why (officers only). */
  decision?: { action: 'verify' | 'reject' | 'revoke'; byUserId: string; byName: string; at: string; reason?: string };
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  createdAt: string;
  updatedAt: string;
  version?: number;
};

/** What members and the public get: the lookalike flag and the officer's decision record are officers' notes. */
export function withoutOfficeNotes(company: Info): Info {
  const { lookalike: _l, decision: _d, ...rest } = company;
  return rest;
}

/** The fields and the kelurahan in its kecamatan, checked together: every problem in one answer. */
async function validFields(ctx: Ctx, input: unknown) {
  const { data, issues } = check(companyFieldsSchema, input);
  const raw = (input ?? {}) as Record<string, unknown>;
  const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
  issues.push(...Region.locationIssuesBeside(regency, raw.districtCode, raw.villageCode, issues));
  if (issues.length || !data) throw new ValidationError(issues);
  return data;
}

/** Any signed-in person may register a company; they become its first member and an employer. */
export const create = fn(checkedInside(companyFieldsSchema), async (fields, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canCreate(me)) throw forbidden('company.not_member');
  const c = await validFields(ctx, fields);
  await Limit.take(ctx.db, Limit.RULES.companyPerAccount, me.userId);
  if (ctx.client) await Limit.take(ctx.db, Limit.RULES.companyPerClient, ctx.client);
  const { Company, Membership } = companyEntities(ctx.db);
  const now = new Date().toISOString();
  const lookalike = await findLookalike(ctx.db, c.name);
  const company: Info = {
    id: newId(),
    ...c,
    ...(lookalike ? { lookalike } : {}),
    regencyCode: ctx.config.homeRegency,
    status: 'unverified',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await executeTransactWrite(
    Company.build(PutTransaction)
      .item({ ...company, createdBy: me.userId })
      .options({ condition: { attr: 'id', exists: false } }),
    Membership.build(PutTransaction).item({
      userId: me.userId,
      companyId: company.id,
      companyName: company.name,
      role: 'owner',
      createdAt: now,
    }),
    Account.grantRoleInTransaction(ctx.db, me.userId, 'employer'),
  );
  return withoutOfficeNotes(company);
});

/** A company by id (public profile data only), or 404 company.not_found. */
export async function get(db: Db, companyId: string): Promise<Info> {
  if (!ID_PATTERN.test(companyId)) throw notFound('company.not_found');
  const { Item } = await companyEntities(db).Company.build(GetItemCommand).key({ id: companyId }).send();
  if (!Item) throw notFound('company.not_found');
  return Item;
}

/** Whether a person belongs to a company: one GetItem (malformed ids are simply "no"). */
export async function isMember(db: Db, actor: Actor | undefined, companyId: string): Promise<boolean> {
  if (!actor || !ID_PATTERN.test(companyId)) return false;
  const { Item } = await companyEntities(db)
    .Membership.build(GetItemCommand)
    .key({ userId: actor.userId, companyId })
    .options({ attributes: ['companyId'] })
    .send();
  return Boolean(Item);
}

/**
 * The company and what the asker may do with it. Company and membership are
 * read in parallel: one round trip of latency.
 */
export async function withCapabilities(ctx: Ctx, companyId: string) {
  const [company, member] = await Promise.all([get(ctx.db, companyId), isMember(ctx.db, ctx.actor, companyId)]);
  return { company, can: capabilities(company, { actor: ctx.actor, member }) };
}

/** The profile page and the API's GET: `{ company, can }`; pending changes and review notes only for who may see them. */
export const view = fn(companyIdSchema, async ({ id }, ctx) => {
  const { company, can } = await withCapabilities(ctx, id);
  // Hidden by an officer: gone for all but its members and officers (moderation/).
  if (company.moderation && !can.seeReview) throw notFound('moderation.unavailable');
  const forMembers = withoutOfficeNotes(company);
  if (!can.seeReview) {
    const { pending: _p, reviewNote: _r, ...shown } = forMembers;
    return { company: shown as Info, can };
  }
  return { company: (can.seeOfficeNotes ? company : forMembers) as Info, can };
});

/**
 * Members edit their company's profile (PATCH): fields left out keep their
 * value, a blank field clears an optional one, and `version` (the one the
 * person edited) must still be current, else 409 company.changed. On a
 * verified company, changes to what an officer checked (name, NIB, address)
 * wait for review: the verified values stay visible until then
 * (company.review.ts). The members' copies of the name follow through the stream.
 */
export const update = fn(companyPatchSchema, async ({ id, version, ...patch }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { company: before, can } = await withCapabilities(ctx, id);
  if (!can.edit) throw forbidden('company.not_member');
  if (version !== undefined && version !== (before.version ?? 0)) throw conflict('company.changed');
  // What the members see in their form: the live profile with their pending changes on top.
  const c = await validFields(ctx, { ...before, ...before.pending, ...patch });
  const { live, pending } = splitForReview(before, c);
  const now = new Date().toISOString();
  const reopened = before.status === 'rejected';
  // A new name (live, or pending for a verified company) is checked against verified companies' names again.
  const name = pending?.name ?? live.name;
  const renamed = name !== (before.pending?.name ?? before.name);
  const lookalike = renamed ? await findLookalike(ctx.db, name, id) : before.lookalike;
  await writeCompany(ctx.db, before, {
    ...live,
    // A cleared optional field is removed from the item.
    contactPhone: live.contactPhone ?? $remove(),
    contactEmail: live.contactEmail ?? $remove(),
    nib: live.nib ?? $remove(),
    description: live.description ?? $remove(),
    // The whole map, replaced (a partial update would write into a map that may not exist).
    pending: pending ? $set(pending) : $remove(),
    lookalike: lookalike ? $set(lookalike) : $remove(),
    // A rejected registration, edited, goes back to the officers' queue.
    ...(reopened ? { status: 'unverified', gsi1pk: queuePartition('unverified') } : {}),
    ...(before.status === 'verified' ? { gsi1pk: queuePartition(pending ? 'review' : 'verified') } : {}),
    updatedAt: now,
  });
  return withoutOfficeNotes(await get(ctx.db, id));
});

export type CompanyMembership = { companyId: string; companyName: string; role: string };

/** The companies the asker belongs to (`myCompanies`): one Query, at most one page of 50. */
export const listMine = fn(z.optional(z.object({})), async (_input, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Membership } = companyEntities(ctx.db);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(Membership)
    .query({ partition: `USER#${me.userId}`, range: { beginsWith: 'MEMBER#COMPANY#' } })
    .options({ limit: 50 })
    .send();
  return Items.map(({ companyId, companyName, role }): CompanyMembership => ({ companyId, companyName, role }));
});

/** Officers' queues (`verificationQueue`): new registrations, changes to review, verified, rejected; oldest first, a page per call. */
export const verificationQueue = fn(queueSchema, async ({ queue, cursor, limit }, ctx): Promise<Page<Info>> => {
  if (!canReviewQueue(ctx.actor)) throw forbidden('company.verify_forbidden');
  const partition = queuePartition(queue);
  const { Company } = companyEntities(ctx.db);
  const { Items = [], LastEvaluatedKey } = await ctx.db.table
    .build(QueryCommand)
    .entities(Company)
    .query({ index: 'gsi1', partition })
    .options({ limit, exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === partition) })
    .send();
  const next = encodeCursor(LastEvaluatedKey);
  return { items: Items, ...(next ? { cursor: next } : {}) };
});

/** Everyone who belongs to a company (`membersOf`), for projections: every page. */
export async function* membersOf(db: Db, companyId: string) {
  const { Membership } = companyEntities(db);
  const pages = db.table
    .build(QueryCommand)
    .entities(Membership)
    .query({ index: 'gsi1', partition: companyPartition(companyId), range: { beginsWith: 'MEMBER#' } })
    .paginate();
  for await (const page of pages) yield* page.Items ?? [];
}

/** Refreshes one membership's copy of the company name (idempotent; skipped if the membership is gone). */
export async function refreshMembershipName(db: Db, m: { userId: string; companyId: string }, companyName: string) {
  try {
    await companyEntities(db)
      .Membership.build(UpdateItemCommand)
      .item({ ...m, companyName })
      .options({ condition: { attr: 'companyId', exists: true } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}
