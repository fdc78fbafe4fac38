import * as Account from '@bursa/core/account';
import * as Application from '@bursa/core/application';
import * as Company from '@bursa/core/company';
import * as Fair from '@bursa/core/fair';
import { type Ctx, formatRupiah } from '@bursa/core/kernel';
import type * as Moderation from '@bursa/core/moderation';
import * as Notification from '@bursa/core/notification';
import type * as Order from '@bursa/core/order';
import * as Shop from '@bursa/core/shop';
import * as Vacancy from '@bursa/core/vacancy';
import { type Change, entityOf, type Projection } from './projection.ts';

type Event = { kind: Notification.Kind; params: Record<string, string>; link: string; at: string };

/**
 * Changes people should hear about → their inbox, and an email when they have
 * an address (in the language they signed up in):
 *   a new application        → every member of the hiring company
 *   a stage set by a company → the applicant
 *   a vacancy closed by an officer, a company verified → the company's members
 *   a new order → the shop's members; an order's status changed by someone else → its buyer
 *   an interview slot booked at a fair → the candidate and the booth's company members
 *   content hidden by an officer (a report case decided) → its owners: the company's members, the shop's, or the author
 * Idempotent: Notification.deliver refuses a second delivery of the same record.
 */
export const notifications: Projection = {
  name: 'notifications',
  entities: ['Application', 'Vacancy', 'Company', 'Order', 'Slot', 'ReportCase'],
  async apply(ctx, change) {
    const entity = entityOf(change);
    if (entity === 'Order') return orderChanged(ctx, change);
    if (entity === 'Slot') return slotChanged(ctx, change);
    if (entity === 'Application') return applicationChanged(ctx, change);
    if (entity === 'Vacancy') return vacancyChanged(ctx, change);
    if (entity === 'Company') return companyChanged(ctx, change);
    if (entity === 'ReportCase') return contentHidden(ctx, change);
  },
};

async function applicationChanged(ctx: Ctx, change: Change) {
  const before = Application.fromImage(ctx.db, change.oldImage);
  const after = Application.fromImage(ctx.db, change.newImage);
  if (!after) return;
  if (!before) {
    await toMembers(ctx, after.companyId, change, {
      kind: 'new_applicant',
      params: { vacancyTitle: after.vacancyTitle, applicantName: after.applicantName },
      link: `/saya/perusahaan/${after.companyId}/lowongan/${after.vacancyId}/pelamar/${after.userId}`,
      at: after.appliedAt,
    });
    return;
  }
  const last = after.timeline.at(-1);
  if (before.stage === after.stage || last?.by !== 'company') return;
  await toPerson(ctx, after.userId, change, {
    kind: 'stage_changed',
    params: {
      vacancyTitle: after.vacancyTitle,
      companyName: after.companyName,
      stage: after.stage,
      ...(after.rejectReason ? { reason: after.rejectReason } : {}),
    },
    link: `/saya/lamaran/${after.vacancyId}`,
    at: after.updatedAt,
  });
}

async function vacancyChanged(ctx: Ctx, change: Change) {
  const before = Vacancy.fromImage(ctx.db, change.oldImage);
  const after = Vacancy.fromImage(ctx.db, change.newImage);
  if (!after || before?.status === 'closed' || after.status !== 'closed' || after.closedBy !== 'officer') return;
  await toMembers(ctx, after.companyId, change, {
    kind: 'vacancy_closed',
    params: { vacancyTitle: after.title, reason: after.closedReason ?? '' },
    link: `/lowongan/${after.id}`,
    at: after.updatedAt,
  });
}

async function companyChanged(ctx: Ctx, change: Change) {
  const before = change.oldImage;
  const after = change.newImage;
  // Verification revoked by an officer (company.review.ts): the members read why.
  if (before?.status === 'verified' && after?.status === 'unverified') {
    return toMembers(ctx, String(after.id), change, {
      kind: 'company_revoked',
      params: { companyName: String(after.name), reason: String(after.reviewNote ?? '') },
      link: `/perusahaan/${String(after.id)}`,
      at: String(after.updatedAt),
    });
  }
  // Newly verified only.
  if (after?.status !== 'verified' || before?.status === 'verified') return;
  await toMembers(ctx, String(after.id), change, {
    kind: 'company_verified',
    params: { companyName: String(after.name) },
    link: `/perusahaan/${String(after.id)}`,
    at: String(after.updatedAt),
  });
}

async function orderChanged(ctx: Ctx, change: Change) {
  const before = change.oldImage as Order.Info | undefined;
  const after = change.newImage as Order.Info | undefined;
  if (!after) return;
  if (!before) {
    for (const m of await Shop.membersOf(ctx, after.shopId))
      await toPerson(ctx, m.userId, change, {
        kind: 'new_order',
        params: { code: after.code, buyerName: after.buyerName, total: formatRupiah(after.total) },
        link: `/saya/pesanan/${after.code}`,
        at: after.createdAt,
      });
    return;
  }
  const last = after.history.at(-1);
  if (before.status === after.status && last?.status !== 'proof_rejected') return;
  // The buyer's own moves (a proof sent, a cancel) need no message to themselves.
  if (!last || last.by === after.buyerId || before.history.length === after.history.length) return;
  await toPerson(ctx, after.buyerId, change, {
    kind: 'order_status',
    params: {
      code: after.code,
      shopName: after.shopName,
      status: last.status,
      ...(last.reason ? { reason: last.reason } : {}),
    },
    link: `/saya/pesanan/${after.code}`,
    at: last.at,
  });
}

async function slotChanged(ctx: Ctx, change: Change) {
  const before = change.oldImage;
  const after = change.newImage;
  if (!after?.bookedBy || before?.bookedBy === after.bookedBy) return;
  const booth = await Fair.getBooth(ctx.db, String(after.fairId), String(after.companyId));
  if (!booth) return;
  const time = new Intl.DateTimeFormat('id-ID', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(String(after.startsAt)));
  const link = `/bursa-kerja/${booth.fairSlug}/${booth.companyId}`;
  // When it was booked (from the record itself, so a replayed record writes the same notification).
  const at = String(after.bookedAt ?? after.startsAt);
  await toPerson(ctx, String(after.bookedBy), change, {
    kind: 'slot_booked',
    params: { company: booth.companyName, fair: booth.fairName, time },
    link,
    at,
  });
  await toMembers(ctx, booth.companyId, change, {
    kind: 'slot_booked_booth',
    params: { name: String(after.bookedName ?? ''), fair: booth.fairName, time },
    link,
    at,
  });
}

/** A report case newly decided "hide": whoever owns the thing reads why, with a link to it (they still see it). */
async function contentHidden(ctx: Ctx, change: Change) {
  const before = change.oldImage as Moderation.Case | undefined;
  const after = change.newImage as Moderation.Case | undefined;
  if (after?.status !== 'hidden' || before?.status === 'hidden') return;
  const event: Event = {
    kind: 'content_hidden',
    params: { what: after.kind, name: after.targetName, reason: after.hiddenReason ?? '' },
    link: after.link,
    at: after.decidedAt ?? after.lastAt,
  };
  if (after.companyId && (after.kind === 'vacancy' || after.kind === 'company'))
    return toMembers(ctx, after.companyId, change, event);
  if (after.authorId) return toPerson(ctx, after.authorId, change, event);
  if (after.shopId)
    for (const m of await Shop.membersOf(ctx, after.shopId)) await toPerson(ctx, m.userId, change, event);
}

async function toMembers(ctx: Ctx, companyId: string, change: Change, event: Event) {
  for await (const m of Company.membersOf(ctx.db, companyId)) await toPerson(ctx, m.userId, change, event);
}

async function toPerson(ctx: Ctx, userId: string, change: Change, event: Event) {
  const user = await Account.getUser(ctx.db, userId);
  await Notification.deliver(ctx.db, {
    userId,
    ...event,
    source: change.sequenceNumber,
    ...(user.email ? { email: Notification.email(event, user.locale ?? 'id', ctx.config.siteUrl, user.email) } : {}),
  });
}
