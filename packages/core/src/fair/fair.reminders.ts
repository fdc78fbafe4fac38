import { GetItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
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

export { REMIND_BEFORE_MS, remindInterviews } from './fair.remind.ts';
