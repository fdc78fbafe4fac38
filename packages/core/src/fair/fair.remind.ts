import { QueryCommand } from 'dynamodb-toolbox';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { deliver } from '../notification/notification.deliver.ts';
import { fairEntities } from './fair.entity.ts';

/** The scheduled interview reminder (the jobs function; light: no use case imported). */

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
      const delivered = await deliver(
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
