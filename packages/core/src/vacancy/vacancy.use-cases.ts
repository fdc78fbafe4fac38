import { $remove, $set, GetItemCommand, PutItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import type { Level } from '../education/index.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { todayInJakarta } from '../kernel/time.ts';
import * as Limit from '../limit/index.ts';
import {
  type CLOSE_OUTCOMES,
  reviewKeys,
  type VACANCY_STATUSES,
  type VACANCY_TYPES,
  vacancyEntities,
} from './vacancy.entity.ts';
import { checkFields, warningsConfirmedBefore } from './vacancy.fields.ts';
import { isHidden } from './vacancy.moderation.ts';
import { type Hold, holdFor, holdInput } from './vacancy.money.ts';
import { capabilities, notMember, type VacancyCapabilities } from './vacancy.policy.ts';
import { DETAILS } from './vacancy.reads.ts';
import { closeSchema, createSchema, idSchema, updateSchema } from './vacancy.schema.ts';
import { write } from './vacancy.write.ts';

export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
/** What publishing requires and a draft may still lack (a draft needs only its title). */
export type Details = {
  description: string;
  type: (typeof VACANCY_TYPES)[number];
  minEducation: Level;
  districtCode: string;
  openings: number;
  /** Last day applications are taken, YYYY-MM-DD in WIB. */
  closingDate: string;
};

/** Everything a vacancy has whether finished or not. */
type Common = {
  id: string;
  companyId: string;
  companyName: string;
  /** Copy: the company is verified (cards show the badge); company-renamed keeps it in step. */
  companyVerified?: boolean;
  title: string;
  skills: string[];
  regencyCode: string;
  villageCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  /** Screening questions applicants answer (at most 5). */
  questions?: { text: string; kind: 'yes_no' | 'text' }[];
  /** Applications through Bursa (absent on vacancies from before this choice: yes). */
  applyInBursa?: boolean;
  /** A contact for applying (+62…: mobile numbers are offered as a WhatsApp chat) and an email. */
  contactPhone?: string;
  contactEmail?: string;
  status: VacancyStatus;
  closedReason?: string;
  closedBy?: 'company' | 'officer' | 'deadline';
  /** The company's answer when it closed it: filled through Bursa, filled elsewhere, cancelled. */
  closedOutcome?: (typeof CLOSE_OUTCOMES)[number];
  closedAt?: string;
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
 * A vacancy with every detail: any that was published (held, open, or closed
 * after), or a finished draft. What listing, search and applications read.
 */
export type Info = Common & Details;
/** A draft saved unfinished, or one closed before it was ever finished: only the title is certain. */
export type Unfinished = Common & Partial<Details> & { status: 'draft' | 'closed' };
/**
 * A vacancy as stored and as its company edits it. `status === 'open'` (or
 * `review`) narrows it to Info; `isComplete` for drafts and closed ones.
 */
export type Stored = Info | Unfinished;

/** The vacancy, or 404 vacancy.not_found (also for malformed ids). */
export async function get(db: Db, id: string): Promise<Stored> {
  if (!ID_PATTERN.test(id)) throw notFound('vacancy.not_found');
  const { Item } = await vacancyEntities(db).Vacancy.build(GetItemCommand).key({ id }).send();
  if (!Item) throw notFound('vacancy.not_found');
  return Item as Stored;
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
  const can = capabilities(vacancy, { actor: ctx.actor, member }, nowOf(ctx));
  if (!can.view) throw notFound('vacancy.not_found');
  // Hidden by an officer (or with its company): gone for all but the company's members and officers.
  if (isHidden(vacancy) && !can.seeInternal) throw notFound('moderation.unavailable');
  return { vacancy, company, can, member };
}

export type VacancyView = { vacancy: Stored; company: Company.Info; can: VacancyCapabilities };

/** The detail page and the API's GET: `{ vacancy, company, can }`. */
export const view = fn(idSchema, async ({ id }, ctx): Promise<VacancyView> => {
  const { vacancy, company, can } = await withCapabilities(ctx, id);
  if (can.seeInternal) return { vacancy, company, can };
  // Who closed it and why is moderation: for the company and officers, as on the page.
  const {
    closedReason: _r,
    closedBy: _b,
    closedOutcome: _o,
    hold: _h,
    reviewNote: _n,
    approvedPhrases: _p,
    ...shown
  } = vacancy;
  return { vacancy: shown, company, can };
});

/**
 * Members post a vacancy for their company: a draft (only the title is
 * required), or open at once with `publish` (everything is checked, and the
 * warnings in `confirm` are accepted: vacancy.fields.ts).
 */
export const create = fn(createSchema, async ({ companyId, publish, confirm, ...input }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { company, can } = await Company.withCapabilities(ctx, companyId);
  if (!can.postVacancy) throw notMember();
  const checked = await checkFields(ctx, input, { publishing: publish, confirmed: confirm });
  await Limit.take(ctx.db, Limit.RULES.vacancyPerAccount, ctx.actor?.userId ?? 'unknown');
  const now = new Date(nowOf(ctx)).toISOString();
  // Published, it may first wait for an officer (vacancy.money.ts): then it is listed only once approved.
  const hold = checked.publishing ? holdFor(holdInput(ctx, company, checked.fields), now) : undefined;
  const common = {
    id: newId(),
    companyId,
    companyName: company.name,
    ...(company.status === 'verified' ? { companyVerified: true } : {}),
    regencyCode: ctx.config.homeRegency,
    createdAt: now,
    updatedAt: now,
    // Posted while an officer has the company hidden: hidden with it (moderation-company keeps this copy).
    ...(company.moderation ? { companyHidden: true } : {}),
    version: 1,
  };
  const vacancy: Stored = checked.publishing
    ? {
        ...common,
        ...checked.fields,
        status: hold ? 'review' : 'open',
        ...(hold ? { hold } : { publishedAt: now }),
      }
    : { ...common, ...checked.fields, status: 'draft' };
  await vacancyEntities(ctx.db)
    .Vacancy.build(PutItemCommand)
    .item({ ...vacancy, ...(hold ? reviewKeys(hold.at, vacancy.id) : {}) } as never)
    .options({ condition: { attr: 'id', exists: false } })
    .send();
  return vacancy;
});

/** What an edit may clear: a blank optional field, or (in a draft) a detail not written yet. */
const CLEARABLE = [...DETAILS, 'villageCode', 'salaryMin', 'salaryMax', 'contactPhone', 'contactEmail'] as const;

/**
 * Members edit a draft or open vacancy (PATCH: fields left out keep their
 * value, a blank one clears an optional field); `publish` opens a draft.
 * A draft stays a draft with only its title; one that is (or becomes) open
 * is checked in full, asking again only for warnings it did not have.
 * `version` is the one the person edited: if someone changed it since, 409
 * vacancy.changed; the write itself is conditional on the version read, so of
 * concurrent edits exactly one wins.
 */
export const update = fn(updateSchema, async ({ id, publish, confirm, version, ...patch }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, company, can, member } = await withCapabilities(ctx, id);
  if (!member) throw notMember();
  if (!can.edit) throw conflict('vacancy.closed');
  if (version !== undefined && version !== before.version) throw conflict('vacancy.changed');
  const wasOpen = before.status === 'open' || before.status === 'review';
  const today = todayInJakarta(nowOf(ctx));
  const checked = await checkFields(
    ctx,
    { ...before, ...patch },
    {
      publishing: wasOpen || publish,
      confirmed: confirm,
      ...(wasOpen ? { alreadyConfirmed: warningsConfirmedBefore(before.regencyCode, today, before) } : {}),
    },
  );
  const now = new Date(nowOf(ctx)).toISOString();
  // Checked again on every edit that keeps it (or makes it) open; an open one is held only for new money phrases.
  const hold = checked.publishing
    ? holdFor(
        holdInput(ctx, company, checked.fields, before),
        before.status === 'review' ? (before.hold?.at ?? now) : now,
      )
    : undefined;
  // What stays: everything but the clearable fields (the checked ones replace them) and the hold (decided again).
  const {
    hold: _h,
    reviewNote,
    ...kept
  } = Object.fromEntries(Object.entries(before).filter(([k]) => !(CLEARABLE as readonly string[]).includes(k))) as Omit<
    Stored,
    (typeof CLEARABLE)[number]
  >;
  const base = {
    ...kept,
    // An officer's note on why it was sent back stays until it is published again.
    ...(!checked.publishing && reviewNote !== undefined ? { reviewNote } : {}),
    updatedAt: now,
    version: before.version + 1,
  };
  const after: Stored = checked.publishing
    ? {
        ...base,
        ...checked.fields,
        status: hold ? 'review' : 'open',
        // Editing keeps the vacancy's place in the list; publishing a draft puts it on top.
        ...(hold ? { hold } : { publishedAt: before.publishedAt ?? now }),
      }
    : { ...base, ...checked.fields, status: 'draft' };
  const fields = checked.fields as Record<string, unknown>;
  await write(ctx.db, before, {
    ...fields,
    ...Object.fromEntries(CLEARABLE.filter((k) => fields[k] === undefined).map((k) => [k, $remove()])),
    status: after.status,
    updatedAt: now,
    ...(after.publishedAt ? { publishedAt: after.publishedAt } : {}),
    ...(hold
      ? { hold: $set(hold), ...reviewKeys(hold.at, id) }
      : { hold: $remove(), gsi2pk: $remove(), gsi2sk: $remove() }),
    ...(checked.publishing ? { reviewNote: $remove() } : {}),
  });
  return after;
});

/**
 * Members close their vacancy and say how it ended (filled through Bursa,
 * filled elsewhere, cancelled: the office's outcome figures count each);
 * officers close any, and must say why (moderation).
 */
export const close = fn(closeSchema, async ({ id, reason, outcome }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, can, member } = await withCapabilities(ctx, id);
  if (!member && !can.closeNeedsReason) throw notMember();
  if (!can.close) throw conflict('vacancy.closed');
  // An officer who also works for the company closes it as the company.
  const closedBy = can.closeNeedsReason ? 'officer' : 'company';
  const missing = [
    ...(closedBy === 'officer' && !reason ? [{ path: 'reason', code: 'vacancy.reason.required' }] : []),
    ...(closedBy === 'company' && !outcome ? [{ path: 'outcome', code: 'vacancy.outcome.required' }] : []),
  ];
  if (missing.length) throw new ValidationError(missing);
  const now = new Date(nowOf(ctx)).toISOString();
  const change = {
    status: 'closed',
    closedBy,
    ...(reason ? { closedReason: reason } : {}),
    ...(closedBy === 'company' && outcome ? { closedOutcome: outcome } : {}),
    closedAt: now,
    updatedAt: now,
  } as const;
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
  // The stored vacancy with the change (a draft is never closed with an outcome, but Info is a union).
  return { ...before, ...change, version: before.version + 1 } as Info;
});

/**
 * A member reopens a vacancy the company closed, until its closing date: it is
 * listed again and its outcome no longer counts (the stream takes it back).
 */
export const reopen = fn(idSchema, async ({ id }, ctx) => {
  Account.requireSignedIn(ctx.actor);
  const { vacancy: before, can, member } = await withCapabilities(ctx, id);
  if (!member) throw notMember();
  if (!can.reopen)
    throw conflict(
      before.status !== 'closed'
        ? 'vacancy.reopen.not_closed'
        : before.closedBy !== 'company' || !before.publishedAt
          ? 'vacancy.reopen.officer_closed'
          : 'vacancy.reopen.too_late',
    );
  const change = {
    status: 'open',
    closedBy: $remove(),
    closedOutcome: $remove(),
    closedReason: $remove(),
    closedAt: $remove(),
    updatedAt: new Date(nowOf(ctx)).toISOString(),
  } as const;
  await write(ctx.db, before, change);
  const { closedBy: _b, closedOutcome: _o, closedReason: _r, closedAt: _a, ...rest } = before;
  return { ...rest, status: 'open', updatedAt: change.updatedAt, version: before.version + 1 } as Info;
});
