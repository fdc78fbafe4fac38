import {
  $remove,
  $set,
  BatchGetCommand,
  BatchGetRequest,
  executeBatchGet,
  GetItemCommand,
  PutItemCommand,
} from 'dynamodb-toolbox';
import { Account } from '../account/index.ts';
import { Audit } from '../audit/index.ts';
import { Company } from '../company/index.ts';
import type { Db } from '../db/client.ts';
import type { Level } from '../education/index.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { conflict, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { todayInJakarta } from '../kernel/time.ts';
import { blankToUndefined, check } from '../kernel/validation.ts';
import { Limit } from '../limit/index.ts';
import { Region } from '../region/index.ts';
import { reviewKeys, type VACANCY_STATUSES, type VACANCY_TYPES, vacancyEntities } from './vacancy.entity.ts';
import { isHidden } from './vacancy.moderation.ts';
import { type Hold, holdFor, holdInput } from './vacancy.money.ts';
import { capabilities, notMember, type VacancyCapabilities } from './vacancy.policy.ts';
import { closeSchema, createSchema, idSchema, updateSchema, vacancyFieldsSchema } from './vacancy.schema.ts';
import { write } from './vacancy.write.ts';

export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
/** A vacancy as stored and as its company edits it. */
export type Info = {
  id: string;
  companyId: string;
  companyName: string;
  title: string;
  description: string;
  type: (typeof VACANCY_TYPES)[number];
  minEducation: Level;
  skills: string[];
  regencyCode: string;
  districtCode: string;
  villageCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  openings: number;
  /** Last day applications are taken, YYYY-MM-DD in WIB. */
  closingDate: string;
  /** Screening questions applicants answer (at most 5). */
  questions?: { text: string; kind: 'yes_no' | 'text' }[];
  status: VacancyStatus;
  closedReason?: string;
  closedBy?: 'company' | 'officer' | 'deadline';
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  /** Held for an officer's review (status `review`): why (vacancy.review.ts). Members and officers only. */
  hold?: Hold;
  /** Why an officer sent a held vacancy back to draft (members and officers only). */
  reviewNote?: string;
  /** When an officer approved it, and the money phrases they accepted (not held again on edit). */
  approvedAt?: string;
  approvedPhrases?: string[];
  /** Hidden by an officer, and why (moderation/): the owner sees the reason; others see nothing. */
  moderation?: { hiddenAt: string; reason: string; by: string };
  /** Copy: its company is hidden (functions/src/events/moderation-company.ts). */
  companyHidden?: boolean;
  /** Incremented on every write: updates are conditional on it (optimistic concurrency). */
  version: number;
};

/**
 * The fields, checked once and all together: the schema, the kecamatan and
 * kelurahan against the regency, and (when publishing) a closing date not in
 * the past. Every problem is reported in one answer.
 */
async function validFields(ctx: Ctx, input: Record<string, unknown>, publishing: boolean) {
  const { data, issues } = check(vacancyFieldsSchema, input);
  if (!issues.some((i) => i.path === 'districtCode' || i.path === 'villageCode')) {
    const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
    issues.push(
      ...Region.locationIssues(
        regency,
        data?.districtCode ?? String(input.districtCode ?? ''),
        data?.villageCode ?? (blankToUndefined(input.villageCode) as string | undefined),
      ),
    );
  }
  if (publishing && data && data.closingDate < todayInJakarta()) {
    issues.push({ path: 'closingDate', code: 'vacancy.closing_date.past' });
  }
  if (issues.length || !data) throw new ValidationError(issues);
  return data;
}

/** The vacancy, or 404 vacancy.not_found (also for malformed ids). */
export async function get(db: Db, id: string): Promise<Info> {
  if (!ID_PATTERN.test(id)) throw notFound('vacancy.not_found');
  const { Item } = await vacancyEntities(db).Vacancy.build(GetItemCommand).key({ id }).send();
  if (!Item) throw notFound('vacancy.not_found');
  return Item as Info;
}

/** Several vacancies by id, in that order, missing ones left out: one BatchGetItem (at most 100). */
export async function getMany(db: Db, ids: string[]): Promise<Info[]> {
  const valid = ids.filter((id) => ID_PATTERN.test(id)).slice(0, 100);
  if (!valid.length) return [];
  const { Vacancy } = vacancyEntities(db);
  const out = await executeBatchGet(
    db.table.build(BatchGetCommand).requests(...valid.map((id) => Vacancy.build(BatchGetRequest).key({ id }))),
  );
  return ((out.Responses?.[0] ?? []) as (Info | undefined)[]).filter((v): v is Info => Boolean(v));
}

/**
 * The vacancy with its company and what the asker may do. The company and the
 * membership are read in parallel after the vacancy: two round trips of latency.
 * A draft is a 404 for whoever may not see it, as if it did not exist.
 */
async function withCapabilities(ctx: Ctx, id: string) {
  const vacancy = await get(ctx.db, id);
  const { company, can: companyCan } = await Company.withCapabilities(ctx, vacancy.companyId);
  // Company.capabilities' `edit` is exactly "is a member".
  const member = companyCan.edit;
  const can = capabilities(vacancy, { actor: ctx.actor, member });
  if (!can.view) throw notFound('vacancy.not_found');
  // Hidden by an officer (or with its company): gone for all but the company's members and officers.
  if (isHidden(vacancy) && !can.seeInternal) throw notFound('moderation.unavailable');
  return { vacancy, company, can, member };
}

export type VacancyView = { vacancy: Info; company: Company.Info; can: VacancyCapabilities };

/** The detail page and the API's GET: `{ vacancy, company, can }`. */
export const view = fn(idSchema, async ({ id }, ctx): Promise<VacancyView> => {
  const { vacancy, company, can } = await withCapabilities(ctx, id);
  if (can.seeInternal) return { vacancy, company, can };
  // Who closed it and why is moderation: for the company and officers, as on the page.
  const { closedReason: _r, closedBy: _b, hold: _h, reviewNote: _n, approvedPhrases: _p, ...shown } = vacancy;
  return { vacancy: shown, company, can };
});

/** Members post a vacancy for their company: a draft, or open at once with `publish`. */
export const create = fn(createSchema, async ({ companyId, publish, ...fields }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { company, can } = await Company.withCapabilities(ctx, companyId);
  if (!can.postVacancy) throw notMember();
  const v = await validFields(ctx, fields, publish);
  await Limit.take(ctx.db, Limit.RULES.vacancyPerAccount, ctx.actor?.userId ?? 'unknown');
  const now = new Date().toISOString();
  // Published, it may first wait for an officer (vacancy.money.ts): then it is listed only once approved.
  const hold = publish ? holdFor(holdInput(ctx, company, v), now) : undefined;
  const vacancy: Info = {
    id: newId(),
    companyId,
    companyName: company.name,
    ...v,
    regencyCode: ctx.config.homeRegency,
    status: !publish ? 'draft' : hold ? 'review' : 'open',
    createdAt: now,
    updatedAt: now,
    ...(publish && !hold ? { publishedAt: now } : {}),
    // Posted while an officer has the company hidden: hidden with it (moderation-company keeps this copy).
    ...(company.moderation ? { companyHidden: true } : {}),
    ...(hold ? { hold } : {}),
    version: 1,
  };
  await vacancyEntities(ctx.db)
    .Vacancy.build(PutItemCommand)
    .item({ ...vacancy, ...(hold ? reviewKeys(hold.at, vacancy.id) : {}) })
    .options({ condition: { attr: 'id', exists: false } })
    .send();
  return vacancy;
});

/**
 * Members edit a draft or open vacancy (PATCH: fields left out keep their
 * value, a blank one clears an optional field); `publish` opens a draft.
 * `version` is the one the person edited: if someone changed it since, 409
 * vacancy.changed; the write itself is conditional on the version read, so of
 * concurrent edits exactly one wins.
 */
export const update = fn(updateSchema, async ({ id, publish, version, ...patch }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, company, can, member } = await withCapabilities(ctx, id);
  if (!member) throw notMember();
  if (!can.edit) throw conflict('vacancy.closed');
  if (version !== undefined && version !== before.version) throw conflict('vacancy.changed');
  const opening = before.status === 'open' || before.status === 'review' || publish;
  const v = await validFields(ctx, { ...before, ...patch }, opening);
  const now = new Date().toISOString();
  // Checked again on every edit that keeps it (or makes it) open; an open one is held only for new money phrases.
  const hold = opening
    ? holdFor(holdInput(ctx, company, v, before), before.status === 'review' ? (before.hold?.at ?? now) : now)
    : undefined;
  const status = hold ? 'review' : opening ? 'open' : 'draft';
  const after: Info = {
    ...before,
    ...v,
    status,
    updatedAt: now,
    // Editing keeps the vacancy's place in the list; publishing a draft puts it on top.
    ...(status === 'open' ? { publishedAt: before.publishedAt ?? now } : {}),
    version: before.version + 1,
  };
  if (hold) after.hold = hold;
  else delete after.hold;
  if (opening) delete after.reviewNote;
  if (v.villageCode === undefined) delete after.villageCode;
  if (v.salaryMin === undefined) delete after.salaryMin;
  if (v.salaryMax === undefined) delete after.salaryMax;
  await write(ctx.db, before, {
    ...v,
    villageCode: v.villageCode ?? $remove(),
    salaryMin: v.salaryMin ?? $remove(),
    salaryMax: v.salaryMax ?? $remove(),
    status: after.status,
    updatedAt: now,
    ...(after.publishedAt ? { publishedAt: after.publishedAt } : {}),
    ...(hold
      ? { hold: $set(hold), ...reviewKeys(hold.at, id) }
      : { hold: $remove(), gsi2pk: $remove(), gsi2sk: $remove() }),
    ...(opening ? { reviewNote: $remove() } : {}),
  });
  return after;
});

/** Members close their vacancy; officers close any, and must say why (moderation). */
export const close = fn(closeSchema, async ({ id, reason }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, can, member } = await withCapabilities(ctx, id);
  if (!member && !can.closeNeedsReason) throw notMember();
  if (!can.close) throw conflict('vacancy.closed');
  if (can.closeNeedsReason && !reason) throw new ValidationError([{ path: 'reason', code: 'vacancy.reason.required' }]);
  // An officer who also works for the company closes it as the company.
  const closedBy = can.closeNeedsReason ? 'officer' : 'company';
  const now = new Date().toISOString();
  const change = { status: 'closed', closedBy, ...(reason ? { closedReason: reason } : {}), updatedAt: now } as const;
  // A held vacancy that is closed leaves the officers' queue; an officer's close is audited with it.
  const audit =
    closedBy === 'officer'
      ? [
          Audit.record(ctx, {
            action: 'vacancy.close',
            targetType: 'vacancy',
            targetId: id,
            targetName: before.title,
            ...(reason ? { reason } : {}),
          }),
        ]
      : [];
  await write(ctx.db, before, { ...change, gsi2pk: $remove(), gsi2sk: $remove() }, ...audit);
  return { ...before, ...change, version: before.version + 1 } satisfies Info;
});
