import { Entity, item, number, record, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * The in-app inbox (docs/data-model.md, "Notification", "Inbox").
 *   Notification  pk = USER#<userId>   sk = NOTE#<at>#<dedupe>   (inboxOf: newest first; TTL 180 days)
 *   Inbox         pk = USER#<userId>   sk = INBOX                 unread count and when it was last read
 * Written only by the stream (functions/src/events/notifications.ts). `dedupe`
 * comes from the stream record, and the put is conditional, so a replayed
 * record neither repeats a notification nor counts it twice.
 */
export const KINDS = [
  'new_applicant',
  'stage_changed',
  'vacancy_closed',
  'company_verified',
  'company_revoked',
  'new_order',
  'order_status',
  'slot_booked',
  'slot_booked_booth',
  'slot_reminder',
  'content_hidden',
] as const;
export type Kind = (typeof KINDS)[number];

const build = (table: BursaTable) => ({
  Notification: new Entity({
    name: 'Notification',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      at: string().key(),
      dedupe: string().key(),
      kind: string().enum(...KINDS),
      /** Texts are rendered when read, in the reader's language: only the facts are stored. */
      params: record(string(), string()),
      /** Where the notification leads (a path on the site, Indonesian; /en is added for English readers). */
      link: string(),
      expiresAt: number(),
    }),
    computeKey: ({ userId, at, dedupe }) => ({ pk: `USER#${userId}`, sk: `NOTE#${at}#${dedupe}` }),
  }),
  Inbox: new Entity({
    name: 'Inbox',
    table,
    timestamps: false,
    schema: item({ userId: string().key(), unread: number().optional(), readAt: string().optional() }),
    computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'INBOX' }),
  }),
});

export const notificationEntities = (db: Db) => bindEntities(db, build);
