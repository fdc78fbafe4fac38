import { BatchGetCommand, BatchGetRequest, executeBatchGet, GetItemCommand, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Profile from '../profile/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import { applicationEntities, FUNNEL_EVENTS, STAGES, type Stage } from './application.entity.ts';
import { canSeePipeline } from './application.policy.ts';
import { applicantsSchema, applicationKeySchema, mineSchema } from './application.schema.ts';
import { forViewer, type Info, withCapabilities } from './application.use-cases.ts';

/** Funnel counters of one scope (see application.entity.ts), zero where nothing happened yet. */
export type Funnel = Record<(typeof FUNNEL_EVENTS)[number], number> & { at: Record<Stage, number> };

export async function funnelOf(db: Db, scope: string): Promise<Funnel> {
  const { Item } = await applicationEntities(db).Funnel.build(GetItemCommand).key({ scope }).send();
  return toFunnel(Item as Record<string, unknown> | undefined);
}

/** Funnels of many scopes (a page of vacancies): one BatchGetItem per 100. */
export async function funnelsOf(db: Db, scopes: string[]): Promise<Map<string, Funnel>> {
  const { Funnel } = applicationEntities(db);
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < scopes.length; i += 100) {
    const chunk = scopes.slice(i, i + 100);
    const out = await executeBatchGet(
      db.table.build(BatchGetCommand).requests(...chunk.map((scope) => Funnel.build(BatchGetRequest).key({ scope }))),
    );
    // Answers line up with the requests; a scope with nothing counted yet is undefined.
    const items = (out.Responses?.[0] ?? []) as (Record<string, unknown> | undefined)[];
    chunk.forEach((scope, j) => {
      const item = items[j];
      if (item) found.set(scope, item);
    });
  }
  return new Map(scopes.map((scope) => [scope, toFunnel(found.get(scope))]));
}

function toFunnel(item: Record<string, unknown> | undefined): Funnel {
  const n = (k: string) => Math.max(0, Number(item?.[k] ?? 0));
  return {
    ...(Object.fromEntries(FUNNEL_EVENTS.map((e) => [e, n(e)])) as Record<(typeof FUNNEL_EVENTS)[number], number>),
    at: Object.fromEntries(STAGES.map((s) => [s, n(`at_${s}`)])) as Record<Stage, number>,
  };
}

export const vacancyScope = (vacancyId: string) => `vacancy#${vacancyId}`;
export const companyScope = (companyId: string) => `company#${companyId}`;
/** A job fair's funnel: `fair#<id>`, or one slice of it (`company#<id>`, `district#<code>`, `village#<code>`). */
export const fairScope = (fairId: string, slice?: string) => `fair#${fairId}${slice ? `#${slice}` : ''}`;

export type Pipeline = Page<Info> & { vacancy: Vacancy.Info; funnel: Funnel };

/**
 * A vacancy's applicants for its company's members (and officers): one stage
 * or all, newest or oldest first, one page per request (a page-sized Query,
 * with the filters applied to that page; at most 3 reads to fill it), and the
 * counts per stage from the stream-kept funnel, never by reading the list.
 */
export const applicantsOf = fn(applicantsSchema, async (q, ctx): Promise<Pipeline> => {
  const me = Account.requireSignedIn(ctx.actor);
  const vacancy = await Vacancy.get(ctx.db, q.vacancyId);
  const member = await Company.isMember(ctx.db, me, vacancy.companyId);
  // A draft saved unfinished (only a title) was never open: it has no applicants to list.
  if (!Vacancy.isComplete(vacancy)) throw notFound('vacancy.not_found');
  if (!canSeePipeline({ actor: me, member })) throw forbidden('application.not_member');
  const { Application } = applicationEntities(ctx.db);
  const [index, partition] = q.stage
    ? (['gsi2', `APPLICANTS#${q.vacancyId}#${q.stage}`] as const)
    : (['gsi1', `APPLICANTS#${q.vacancyId}`] as const);
  const filters = [
    ...(q.education ? [{ attr: 'education', eq: q.education }] : []),
    ...(q.districtCode ? [{ attr: 'districtCode', eq: q.districtCode }] : []),
    ...(q.hasCv ? [{ attr: 'hasCv', eq: true }] : []),
    ...(q.hasAk1 ? [{ attr: 'hasAk1', eq: true }] : []),
  ];
  let startKey = decodeCursor(q.cursor, (k) => k[`${index}pk`] === partition);
  const items: Info[] = [];
  for (let reads = 0; reads < 3 && items.length < q.limit; reads++) {
    const out = await ctx.db.table
      .build(QueryCommand)
      .entities(Application)
      .query({ index, partition })
      .options({
        reverse: q.order === 'newest',
        limit: q.limit - items.length,
        ...(filters.length
          ? { filters: { Application: filters.length === 1 ? filters[0] : { and: filters } } as never }
          : {}),
        ...(startKey ? { exclusiveStartKey: startKey } : {}),
      })
      .send();
    items.push(...((out.Items ?? []) as Info[]));
    startKey = out.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  const funnel = await funnelOf(ctx.db, vacancyScope(q.vacancyId));
  const cursor = encodeCursor(startKey);
  return { items, vacancy, funnel, ...(cursor ? { cursor } : {}) };
});

/** "Lamaran saya": the signed-in person's applications, newest first, a page at a time. */
export const mine = fn(mineSchema, async ({ cursor, limit }, ctx): Promise<Page<Info>> => {
  const me = Account.requireSignedIn(ctx.actor);
  const partition = `APPLICATIONS#${me.userId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(applicationEntities(ctx.db).Application)
    .query({ index: 'gsi3', partition })
    .options({
      reverse: true,
      limit,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi3pk === partition) } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return {
    items: ((out.Items ?? []) as Info[]).map(({ employerNote: _n, ...a }) => a as Info),
    ...(next ? { cursor: next } : {}),
  };
});

export type Applicant = {
  application: Info;
  can: Awaited<ReturnType<typeof withCapabilities>>['can'];
  profile?: Profile.Info;
  contact: { name: string; phone?: string; email?: string };
};

/** One applicant as the hiring company (or an officer, or the applicant) sees them: application, profile and contact. */
export const applicant = fn(applicationKeySchema, async ({ vacancyId, userId }, ctx): Promise<Applicant> => {
  const { app, can } = await withCapabilities(ctx, vacancyId, userId);
  const who = { actor: ctx.actor, self: ctx.actor?.userId === userId, applicantOfMine: can.seeApplicant };
  const profileCan = Profile.capabilities(who);
  if (!profileCan.view) throw notFound('application.not_found');
  const [profile, user] = await Promise.all([Profile.find(ctx.db, userId), Account.getUser(ctx.db, userId)]);
  return {
    application: forViewer(app, can),
    can,
    ...(profile ? { profile: Profile.forViewer(profile, profileCan) } : {}),
    contact: profileCan.seeContact
      ? { name: user.name, ...(user.phone ? { phone: user.phone } : {}), ...(user.email ? { email: user.email } : {}) }
      : { name: user.name },
  };
});

/** A signed link (≤ 5 minutes) to an applicant's CV, for whom the profile policy allows. */
export const cvLink = fn(applicationKeySchema, async ({ vacancyId, userId }, ctx): Promise<string> => {
  const { can } = await withCapabilities(ctx, vacancyId, userId);
  const profileCan = Profile.capabilities({
    actor: ctx.actor,
    self: ctx.actor?.userId === userId,
    applicantOfMine: can.seeApplicant,
  });
  const profile = await Profile.find(ctx.db, userId);
  if (!profile) throw notFound('profile.cv.none');
  return Profile.cvLink(ctx as Ctx, profile, profileCan, `CV-${userId}`);
});

/** A signed link (≤ 5 minutes) to one of an applicant's certificate files, for the same people as the CV. */
export const certificateLink = fn(
  z.extend(applicationKeySchema, { index: z.coerce.number().check(z.multipleOf(1), z.minimum(0), z.maximum(4)) }),
  async ({ vacancyId, userId, index }, ctx): Promise<string> => {
    const { can } = await withCapabilities(ctx, vacancyId, userId);
    const profileCan = Profile.capabilities({
      actor: ctx.actor,
      self: ctx.actor?.userId === userId,
      applicantOfMine: can.seeApplicant,
    });
    const profile = await Profile.find(ctx.db, userId);
    if (!profile) throw notFound('profile.certificate.missing');
    return Profile.certificateLink(ctx, profile, profileCan, index);
  },
);
