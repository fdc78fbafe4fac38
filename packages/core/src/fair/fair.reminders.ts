import { GetItemCommand, QueryCommand } from 'dynamodb-toolbox';
import { Account } from '../account/index.ts';
import { Company } from '../company/index.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { Notification } from '../notification/index.ts';
import { getBooth } from './fair.booths.ts';
import { fairEntities } from './fair.entity.ts';
import { slotKeySchema } from './fair.schema.ts';
import type { Slot } from './fair.slots.ts';
import { getFair } from './fair.use-cases.ts';

/** After a booking: the slot in the candidate's calendar, and the reminder an hour before. */

const icsText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A booked slot as an iCalendar event (`.ics`), for the candidate who booked
 * it and the booth's members: times in UTC (calendars show them in WIB on an
 * Indonesian phone), the call link or the table.
 */
export const slotCalendar = fn(slotKeySchema, async ({ fairId, companyId, key }, ctx): Promise<string> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [{ Item }, member, fair, booth] = await Promise.all([
    fairEntities(ctx.db).Slot.build(GetItemCommand).key({ fairId, companyId, key }).send(),
    Company.isMember(ctx.db, me, companyId),
    getFair(ctx.db, fairId),
    getBooth(ctx.db, fairId, companyId),
  ]);
  const slot = Item as Slot | undefined;
  if (!slot || !booth || (slot.bookedBy !== me.userId && !member)) throw notFound('fair.slot.not_found');
  const end = new Date(Date.parse(slot.startsAt) + slot.minutes * 60_000).toISOString();
  const where = slot.how === 'video' ? (slot.link ?? '') : `${slot.table ?? ''}, ${fair.venue ?? ''}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bursa//Bursa Kerja//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${slot.id}@bursa`,
    `DTSTAMP:${icsTime(new Date(nowOf(ctx)).toISOString())}`,
    `DTSTART:${icsTime(slot.startsAt)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${icsText(`Wawancara ${booth.companyName} · ${fair.name}`)}`,
    `LOCATION:${icsText(where)}`,
    `DESCRIPTION:${icsText(`${fair.name}\n${booth.companyName}\n${where}`)}`,
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(`Wawancara ${booth.companyName}`)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
});

/** How long before an interview its candidate is reminded (the jobs function runs every 15 minutes). */
export const REMIND_BEFORE_MS = 60 * 60_000;

/**
 * The scheduled reminder: every booking starting between 45 and 75 minutes
 * from now gets a notification in its candidate's inbox, once: the
 * delivery's source is the booking, so the next run (or a retry) sends none.
 */
export async function remindInterviews(ctx: Ctx): Promise<number> {
  const now = nowOf(ctx);
  const from = new Date(now + REMIND_BEFORE_MS - 15 * 60_000).toISOString();
  const to = new Date(now + REMIND_BEFORE_MS + 15 * 60_000).toISOString();
  const hours = [...new Set([from.slice(0, 13), to.slice(0, 13)])];
  let sent = 0;
  for (const hour of hours) {
    const { Items = [] } = await ctx.db.table
      .build(QueryCommand)
      .entities(fairEntities(ctx.db).SlotBooking)
      .query({ index: 'gsi3', partition: `REMIND#${hour}`, range: { between: [from, `${to}~`] } })
      .options({ limit: 100 })
      .send();
    for (const b of Items) {
      const time = new Intl.DateTimeFormat('id-ID', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Asia/Jakarta',
      }).format(new Date(b.startsAt));
      const delivered = await Notification.deliver(
        ctx.db,
        {
          userId: b.userId,
          kind: 'slot_reminder',
          params: { company: b.companyName ?? '', fair: b.fairName ?? '', time },
          link: `/bursa-kerja/${b.fairSlug ?? ''}/${b.companyId}`,
          // Fixed per booking (an hour before it), so a second run finds it delivered.
          at: new Date(Date.parse(b.startsAt) - REMIND_BEFORE_MS).toISOString(),
          source: `remind#${b.fairId}#${b.slotKey}#${b.userId}`,
        },
        now,
      );
      if (delivered) sent++;
    }
  }
  return sent;
}
