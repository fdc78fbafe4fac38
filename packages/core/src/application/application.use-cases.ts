import { $remove, GetItemCommand, PutItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type Level, meetsEducation } from '../education/index.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, type FieldIssue, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as Limit from '../limit/index.ts';
import * as Profile from '../profile/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import { applicationEntities, type RejectReason, type Stage } from './application.entity.ts';
import { type ApplicationCapabilities, capabilities } from './application.policy.ts';
import { applicationKeySchema, applySchema, noteSchema } from './application.schema.ts';

/** An application as stored. */
export type Info = {
  fairId?: string;
  vacancyId: string;
  userId: string;
  companyId: string;
  vacancyTitle: string;
  companyName: string;
  applicantName: string;
  education: Level;
  meetsEducation: boolean;
  districtCode: string;
  villageCode: string;
  hasCv: boolean;
  hasAk1: boolean;
  coverNote?: string;
  answers: { question: string; answer: string }[];
  stage: Stage;
  rejectReason?: RejectReason;
  stageBeforeRejection?: Stage;
  employerNote?: string;
  timeline: { stage: Stage; at: string; by: 'applicant' | 'company'; reason?: RejectReason }[];
  appliedAt: string;
  updatedAt: string;
  version: number;
};

export async function find(db: Db, vacancyId: string, userId: string): Promise<Info | undefined> {
  const { Item } = await applicationEntities(db).Application.build(GetItemCommand).key({ vacancyId, userId }).send();
  return Item as Info | undefined;
}

/** What one viewer may see: the private note only with `seeNote`. */
export function forViewer(app: Info, can: ApplicationCapabilities): Info {
  if (can.seeNote) return app;
  const { employerNote: _n, ...rest } = app;
  return rest;
}

/** The application and what the asker may do with it; 404 (not 403) for anyone not involved, so its existence does not leak. */
export async function withCapabilities(ctx: Ctx, vacancyId: string, userId: string) {
  const me = Account.requireSignedIn(ctx.actor);
  const app = await find(ctx.db, vacancyId, userId);
  if (!app) throw notFound('application.not_found');
  const member = me.userId !== userId && (await Company.isMember(ctx.db, me, app.companyId));
  const can = capabilities(app, { actor: me, self: me.userId === userId, member });
  if (!can.view) throw notFound('application.not_found');
  return { app, can };
}

export type ApplicationView = { application: Info; can: ApplicationCapabilities };

export const view = fn(applicationKeySchema, async ({ vacancyId, userId }, ctx): Promise<ApplicationView> => {
  const { app, can } = await withCapabilities(ctx, vacancyId, userId);
  return { application: forViewer(app, can), can };
});

/**
 * Applies to an open vacancy. Needs a minimum profile (Profile.completeness)
 * and an answer to each of the vacancy's questions; one application per
 * person per vacancy, guarded by the key (50 parallel tries → one).
 */
export const apply = fn(applySchema, async ({ vacancyId, coverNote, answers, fairId }, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [vacancy, profile] = await Promise.all([Vacancy.get(ctx.db, vacancyId), Profile.find(ctx.db, me.userId)]);
  // Hidden by an officer (or with its company): as good as closed for applicants.
  // (An open vacancy has every detail; isComplete tells the types so.)
  if (
    Vacancy.effectiveStatus(vacancy, nowOf(ctx)) !== 'open' ||
    Vacancy.Moderation.isHidden(vacancy) ||
    !Vacancy.isComplete(vacancy)
  )
    throw conflict('application.vacancy_not_open');
  const ready = Profile.completeness(profile);
  if (!profile || !ready.canApply) {
    throw new DomainError('validation', 'application.profile_incomplete', { details: { missing: ready.missing } });
  }
  if (await Company.isMember(ctx.db, me, vacancy.companyId)) throw forbidden('application.own_company');
  const questions = vacancy.questions ?? [];
  const issues: FieldIssue[] = [];
  questions.forEach((q, i) => {
    const a = answers[i] ?? '';
    if (!a) issues.push({ path: `answers.${i}`, code: 'application.answer.required' });
    else if (q.kind === 'yes_no' && a !== 'yes' && a !== 'no')
      issues.push({ path: `answers.${i}`, code: 'application.answer.yes_no' });
  });
  if (issues.length) throw new ValidationError(issues);
  const user = await Account.getUser(ctx.db, me.userId);
  await Limit.take(ctx.db, Limit.RULES.applicationPerAccount, me.userId);
  const now = new Date(nowOf(ctx)).toISOString();
  const app: Info = {
    vacancyId,
    userId: me.userId,
    companyId: vacancy.companyId,
    vacancyTitle: vacancy.title,
    companyName: vacancy.companyName,
    applicantName: user.name,
    education: profile.education,
    meetsEducation: meetsEducation(profile.education, vacancy.minEducation),
    districtCode: profile.districtCode,
    villageCode: profile.villageCode,
    hasCv: Boolean(profile.cv),
    hasAk1: Boolean(profile.ak1),
    ...(coverNote ? { coverNote } : {}),
    ...(fairId ? { fairId } : {}),
    answers: questions.map((q, i) => ({ question: q.text, answer: answers[i] ?? '' })),
    stage: 'applied',
    timeline: [{ stage: 'applied', at: now, by: 'applicant' }],
    appliedAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await applicationEntities(ctx.db)
      .Application.build(PutItemCommand)
      .item(app)
      .options({ condition: { attr: 'userId', exists: false } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('application.duplicate');
    throw e;
  }
  return app;
});

/** The company's private note on an applicant (members only; the applicant never sees it). */
export const setNote = fn(noteSchema, async ({ vacancyId, userId, note }, ctx) => {
  const { can } = await withCapabilities(ctx, vacancyId, userId);
  if (!can.writeNote) throw forbidden('application.not_member');
  await applicationEntities(ctx.db)
    .Application.build(UpdateItemCommand)
    .item({ vacancyId, userId, employerNote: note ? note : $remove() } as never)
    .options({ condition: { attr: 'userId', exists: true } })
    .send();
});
