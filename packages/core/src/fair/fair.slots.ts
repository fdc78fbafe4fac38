import {
  $remove,
  DeleteTransaction,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Application from '../application/index.ts';
import * as Company from '../company/index.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { newId } from '../kernel/ids.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import { getBooth } from './fair.booths.ts';
import type { SLOT_HOW } from './fair.entity.ts';
import { fairEntities } from './fair.entity.ts';
import { boothCapabilities } from './fair.policy.ts';
import { attendanceSchema, bookSchema, boothKeySchema, slotKeySchema, slotsSchema } from './fair.schema.ts';
import { getFair } from './fair.use-cases.ts';

export type Slot = {
  fairId: string;
  companyId: string;
  key: string;
  id: string;
  startsAt: string;
  minutes: number;
  how: (typeof SLOT_HOW)[number];
  link?: string;
  table?: string;
  bookedBy?: string;
  bookedName?: string;
  bookedAt?: string;
  vacancyId?: string;
  attendance?: 'attended' | 'no_show';
  createdAt: string;
};

/** Bookings can be cancelled or changed until this long before the slot. */
export const CUT_OFF_MS = 2 * 3600_000;
/** Applications at these stages may book an interview slot. */
const BOOKABLE = ['shortlisted', 'interview'];

/** `2026-12-02` and `09:30` in WIB → an instant (ISO, UTC). */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

async function requireBoothMember(ctx: Ctx, fairId: string, companyId: string) {
  const me = Account.requireSignedIn(ctx.actor);
  const [booth, member] = await Promise.all([
    getBooth(ctx.db, fairId, companyId),
    Company.isMember(ctx.db, me, companyId),
  ]);
  if (!booth) throw notFound('fair.booth.not_found');
  if (!boothCapabilities(booth, { actor: me, member }).manageSlots) throw forbidden('fair.booth.not_yours');
  return booth;
}

/**
 * A booth's members publish interview slots: `count` slots of 10–30 minutes
 * back to back from `start` on a fair day, within the fair's daily hours, by
 * video call (the employer's link) or at a table on site.
 */
export const publishSlots = fn(checkedInside(slotsSchema), async (raw, ctx): Promise<Slot[]> => {
  await requireBoothMember(ctx, String(raw.fairId ?? ''), String(raw.companyId ?? ''));
  const fair = await getFair(ctx.db, String(raw.fairId ?? ''));
  // The form and the fair's days and hours, checked together: every problem in one answer.
  const { data: input, issues } = check(slotsSchema, raw);
  const field = <K extends 'date' | 'start' | 'count' | 'minutes'>(name: K) => validField(slotsSchema, raw, name);
  const [date, start, count, minutes] = [field('date'), field('start'), field('count'), field('minutes')];
  if (date && (date < fair.startDate || date > fair.endDate))
    issues.push({ path: 'date', code: 'fair.slot.outside_dates' });
  if (date && start && count && minutes) {
    const last = Date.parse(wib(date, start)) + count * minutes * 60_000;
    if (start < fair.opensAt || last > Date.parse(wib(date, fair.closesAt)))
      issues.push({ path: 'start', code: 'fair.slot.outside_hours' });
  }
  if (issues.length || !input) throw new ValidationError(issues);
  const first = Date.parse(wib(input.date, input.start));
  const now = new Date(nowOf(ctx)).toISOString();
  const slots: Slot[] = Array.from({ length: input.count }, (_, i) => {
    const startsAt = new Date(first + i * input.minutes * 60_000).toISOString();
    const id = newId(nowOf(ctx));
    return {
      fairId: input.fairId,
      companyId: input.companyId,
      key: `SLOT#${startsAt}#${id}`,
      id,
      startsAt,
      minutes: input.minutes,
      how: input.how,
      ...(input.how === 'video' && input.link ? { link: input.link } : {}),
      ...(input.how === 'onsite' && input.table ? { table: input.table } : {}),
      createdAt: now,
    };
  });
  const { Slot: SlotEntity } = fairEntities(ctx.db);
  // All or none (at most 24: one transaction).
  await executeTransactWrite(...slots.map((s) => SlotEntity.build(PutTransaction).item(s)));
  return slots;
});

/** A booth's slots by time (at most 100: a booth's day). Who booked shows only to the booth's members and officers. */
export const slotsOf = fn(boothKeySchema, async ({ fairId, companyId }, ctx): Promise<Slot[]> => {
  const member = await Company.isMember(ctx.db, ctx.actor, companyId);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(fairEntities(ctx.db).Slot)
    .query({ partition: `SLOTS#${fairId}#${companyId}`, range: { beginsWith: 'SLOT#' } })
    .options({ limit: 100 })
    .send();
  const officer = Account.isOfficer(ctx.actor);
  return (Items as Slot[]).map((s) =>
    member || officer || s.bookedBy === ctx.actor?.userId
      ? s
      : ({
          ...s,
          bookedBy: s.bookedBy ? 'taken' : undefined,
          bookedName: undefined,
          vacancyId: undefined,
          link: undefined,
        } as Slot),
  );
});

/**
 * A candidate whose application to one of the booth's company's vacancies is
 * shortlisted or at interview books one slot for it: the slot takes one
 * candidate (a conditional update: of fifty racing, one books), the
 * application holds one booking per fair, and a shortlisted application moves
 * to interview, all in one transaction. Both sides are notified by the stream.
 */
export const bookSlot = fn(bookSchema, async ({ fairId, companyId, key, vacancyId }, ctx): Promise<Slot> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Slot: SlotEntity, SlotBooking } = fairEntities(ctx.db);
  const [slotOut, app, fair] = await Promise.all([
    SlotEntity.build(GetItemCommand).key({ fairId, companyId, key }).send(),
    Application.find(ctx.db, vacancyId, me.userId),
    getFair(ctx.db, fairId).catch(() => undefined),
  ]);
  const slot = slotOut.Item as Slot | undefined;
  if (!slot) throw notFound('fair.slot.not_found');
  if (!app || app.companyId !== companyId || !BOOKABLE.includes(app.stage))
    throw forbidden('fair.slot.not_shortlisted');
  if (Date.parse(slot.startsAt) - nowOf(ctx) < CUT_OFF_MS) throw conflict('fair.slot.too_late');
  if (slot.bookedBy) throw conflict('fair.slot.taken');
  const at = new Date(nowOf(ctx)).toISOString();
  try {
    await withConflictRetry(
      () =>
        executeTransactWrite(
          SlotEntity.build(UpdateTransaction)
            .item({
              fairId,
              companyId,
              key,
              bookedBy: me.userId,
              bookedName: app.applicantName,
              bookedAt: at,
              vacancyId,
            } as never)
            .options({ condition: { attr: 'bookedBy', exists: false } }),
          SlotBooking.build(PutTransaction)
            .item({
              vacancyId,
              fairId,
              userId: me.userId,
              companyId,
              slotKey: key,
              startsAt: slot.startsAt,
              companyName: app.companyName,
              ...(fair ? { fairName: fair.name, fairSlug: fair.slug } : {}),
            })
            .options({ condition: { attr: 'userId', exists: false } }),
          Application.interviewBookedWrite(ctx.db, app, at),
        ),
      { attempts: 8 },
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('fair.slot.taken');
    if (isConditionFailure(e, 1)) throw conflict('fair.slot.one_per_application');
    if (isConditionFailure(e, 2)) throw conflict('application.changed');
    throw e;
  }
  return { ...slot, bookedBy: me.userId, bookedName: app.applicantName, vacancyId };
});

/** The candidate cancels their booking until the cut-off (then may book another). */
export const cancelBooking = fn(slotKeySchema, async ({ fairId, companyId, key }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Slot: SlotEntity, SlotBooking } = fairEntities(ctx.db);
  const { Item } = await SlotEntity.build(GetItemCommand).key({ fairId, companyId, key }).send();
  const slot = Item as Slot | undefined;
  if (!slot || slot.bookedBy !== me.userId || !slot.vacancyId) throw notFound('fair.slot.not_found');
  if (Date.parse(slot.startsAt) - nowOf(ctx) < CUT_OFF_MS) throw conflict('fair.slot.too_late');
  try {
    await executeTransactWrite(
      SlotEntity.build(UpdateTransaction)
        .item({
          fairId,
          companyId,
          key,
          bookedBy: $remove(),
          bookedName: $remove(),
          bookedAt: $remove(),
          vacancyId: $remove(),
        } as never)
        .options({ condition: { attr: 'bookedBy', eq: me.userId } }),
      SlotBooking.build(DeleteTransaction).key({ vacancyId: slot.vacancyId, fairId, userId: me.userId }),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('fair.slot.changed');
    throw e;
  }
});

/** The booth marks a booked candidate attended or no-show (the fair report counts attendance). */
export const markAttendance = fn(
  attendanceSchema,
  async ({ fairId, companyId, key, attendance }, ctx): Promise<void> => {
    await requireBoothMember(ctx, fairId, companyId);
    try {
      await fairEntities(ctx.db)
        .Slot.build(UpdateItemCommand)
        .item({ fairId, companyId, key, attendance } as never)
        .options({ condition: { attr: 'bookedBy', exists: true } })
        .send();
    } catch (e) {
      if (isConditionFailure(e)) throw new DomainError('conflict', 'fair.slot.not_booked');
      throw e;
    }
  },
);
