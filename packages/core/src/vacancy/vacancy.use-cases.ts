import { $remove, $set, PutItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import type { Level } from '../education/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { newId } from '../kernel/ids.ts';
import { todayInJakarta } from '../kernel/time.ts';
import * as Limit from '../limit/index.ts';
import { withCapabilities } from './vacancy.access.ts';
import {
  type CLOSE_OUTCOMES,
  reviewKeys,
  type VACANCY_STATUSES,
  type VACANCY_TYPES,
  vacancyEntities,
} from './vacancy.entity.ts';
import { checkFields, warningsConfirmedBefore } from './vacancy.fields.ts';
import { type Hold, holdFor, holdInput } from './vacancy.money.ts';
import { notMember, type VacancyCapabilities } from './vacancy.policy.ts';
import { DETAILS } from './vacancy.reads.ts';
import { createSchema, idSchema, updateSchema } from './vacancy.schema.ts';
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
