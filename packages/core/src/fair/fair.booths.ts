import {
  $add,
  $remove,
  $set,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Application from '../application/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Vacancy from '../vacancy/index.ts';
import { type BOOTH_STATUSES, fairEntities } from './fair.entity.ts';
import { boothCapabilities, canManageFairs, fairCapabilities } from './fair.policy.ts';
import { boothContentSchema, boothDecisionSchema, boothKeySchema } from './fair.schema.ts';
import { getFair } from './fair.use-cases.ts';

export type Booth = {
  fairId: string;
  companyId: string;
  companyName: string;
  fairName: string;
  fairSlug: string;
  status: (typeof BOOTH_STATUSES)[number];
  reason?: string;
  intro?: string;
  videoUrl?: string;
  vacancyIds?: string[];
  recruiters?: string[];
  sessions?: { title: string; at: string; where: string }[];
  requestedBy: string;
  decidedBy?: string;
  createdAt: string;
  updatedAt: string;
};

export async function getBooth(db: Db, fairId: string, companyId: string): Promise<Booth | undefined> {
  if (!ID_PATTERN.test(fairId) || !ID_PATTERN.test(companyId)) return undefined;
  const { Item } = await fairEntities(db).Booth.build(GetItemCommand).key({ fairId, companyId }).send();
  return Item as Booth | undefined;
}

/**
 * A member of a verified company asks for a booth at a published or live
 * fair; it waits for an officer. Asking again after a decline asks anew.
 */
export const applyForBooth = fn(boothKeySchema, async ({ fairId, companyId }, ctx): Promise<Booth> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [fair, company, member, before] = await Promise.all([
    getFair(ctx.db, fairId),
    Company.get(ctx.db, companyId),
    Company.isMember(ctx.db, me, companyId),
    getBooth(ctx.db, fairId, companyId),
  ]);
  if (!member) throw forbidden('company.not_member');
  if (!fairCapabilities(fair, { actor: me }).applyForBooth) throw conflict('fair.closed');
  if (company.status !== 'verified') throw new DomainError('conflict', 'fair.booth.unverified');
  if (before && before.status !== 'declined') throw conflict('fair.booth.exists');
  const now = new Date(nowOf(ctx)).toISOString();
  const booth: Booth = {
    fairId,
    companyId,
    companyName: company.name,
    fairName: fair.name,
    fairSlug: fair.slug,
    status: 'pending',
    requestedBy: me.userId,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
  try {
    await fairEntities(ctx.db)
      .Booth.build(PutItemCommand)
      .item(booth)
      .options({
        condition: before ? { attr: 'status', eq: 'declined' } : { attr: 'companyId', exists: false },
      })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('fair.booth.exists');
    throw e;
  }
  return booth;
});

/**
 * An officer approves a booth (it then counts against the fair's booth quota,
 * in the same transaction: the last place goes to one company) or declines it
 * with a reason.
 */
export const decideBooth = fn(boothDecisionSchema, async ({ fairId, companyId, decision, reason }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!canManageFairs(me)) throw forbidden('fair.officers_only');
  const booth = await getBooth(ctx.db, fairId, companyId);
  if (!booth) throw notFound('fair.booth.not_found');
  if (decision === 'decline' && !reason) throw new ValidationError([{ path: 'reason', code: 'fair.reason.required' }]);
  const { Booth: BoothEntity, Fair } = fairEntities(ctx.db);
  const now = new Date(nowOf(ctx)).toISOString();
  const decide = BoothEntity.build(UpdateTransaction)
    .item({
      fairId,
      companyId,
      status: decision === 'approve' ? 'approved' : 'declined',
      reason: decision === 'decline' ? reason : $remove(),
      decidedBy: me.userId,
      updatedAt: now,
    } as never)
    .options({ condition: { attr: 'status', eq: 'pending' } });
  try {
    if (decision === 'decline') await executeTransactWrite(decide);
    else {
      const fair = await getFair(ctx.db, fairId);
      await withConflictRetry(
        () =>
          executeTransactWrite(
            decide,
            Fair.build(UpdateTransaction)
              .item({ id: fairId, booths: $add(1) } as never)
              .options({
                condition: {
                  or: [
                    { attr: 'booths', exists: false },
                    { attr: 'booths', lt: fair.boothQuota },
                  ],
                },
              }),
          ),
        { attempts: 8 },
      );
    }
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('fair.booth.decided');
    if (isConditionFailure(e, 1)) throw conflict('fair.booth.full');
    throw e;
  }
});

/**
 * The booth's members write its introduction, video link, recruiters and
 * info sessions, and choose which of the company's open vacancies it brings.
 */
export const updateBooth = fn(checkedInside(boothContentSchema), async (input, ctx): Promise<Booth> => {
  const me = Account.requireSignedIn(ctx.actor);
  const fairId = String(input.fairId ?? '');
  const companyId = String(input.companyId ?? '');
  const [booth, member] = await Promise.all([
    getBooth(ctx.db, fairId, companyId),
    Company.isMember(ctx.db, me, companyId),
  ]);
  if (!booth) throw notFound('fair.booth.not_found');
  if (!boothCapabilities(booth, { actor: me, member }).edit) throw forbidden('fair.booth.not_yours');
  // The content and the vacancies it brings, checked together: every problem in one answer.
  const { data, issues } = check(boothContentSchema, input);
  const vacancyIds = validField(boothContentSchema, input, 'vacancyIds') ?? [];
  const vacancies = new Map((await Vacancy.getMany(ctx.db, vacancyIds)).map((v) => [v.id, v]));
  const bad = vacancyIds.findIndex((id) => {
    const v = vacancies.get(id);
    return (
      !v ||
      v.companyId !== companyId ||
      Vacancy.effectiveStatus(v, nowOf(ctx)) !== 'open' ||
      Vacancy.Moderation.isHidden(v)
    );
  });
  if (bad >= 0) issues.push({ path: 'vacancyIds', code: 'fair.vacancies.not_open' });
  if (issues.length || !data) throw new ValidationError(issues);
  const { fairId: _f, companyId: _c, ...content } = data;
  const next: Booth = {
    ...booth,
    ...(content.intro ? { intro: content.intro } : {}),
    ...(content.videoUrl ? { videoUrl: content.videoUrl } : {}),
    vacancyIds: content.vacancyIds,
    recruiters: content.recruiters,
    sessions: content.sessions,
    updatedAt: new Date(nowOf(ctx)).toISOString(),
  };
  if (!content.intro) delete next.intro;
  if (!content.videoUrl) delete next.videoUrl;
  await fairEntities(ctx.db)
    .Booth.build(UpdateItemCommand)
    .item({
      fairId,
      companyId,
      intro: next.intro ?? $remove(),
      videoUrl: next.videoUrl ?? $remove(),
      vacancyIds: $set(next.vacancyIds ?? []),
      recruiters: $set(next.recruiters ?? []),
      sessions: $set(next.sessions ?? []),
      updatedAt: next.updatedAt,
    } as never)
    .options({ condition: { attr: 'status', eq: 'approved' } })
    .send();
  return next;
});

/**
 * Applying from a booth: the normal application, tagged with the fair (so the
 * fair's funnel counts it), for a vacancy the booth brings.
 */
export const applyAtBooth = fn(
  z.extend(boothKeySchema, {
    vacancyId: z.string(),
    coverNote: z.optional(z.string()),
    answers: z.optional(z.unknown()),
  }),
  async ({ fairId, companyId, vacancyId, coverNote, answers }, ctx) => {
    const booth = await getBooth(ctx.db, fairId, companyId);
    if (booth?.status !== 'approved' || !(booth.vacancyIds ?? []).includes(vacancyId))
      throw notFound('fair.booth.not_found');
    return Application.apply(ctx, {
      vacancyId,
      fairId,
      ...(coverNote ? { coverNote } : {}),
      ...(answers ? { answers: answers as never } : {}),
    });
  },
);
