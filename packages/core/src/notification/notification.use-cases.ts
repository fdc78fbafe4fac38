import { GetItemCommand, QueryCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { fn } from '../kernel/fn.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { type Kind, notificationEntities } from './notification.entity.ts';

export { type Delivery, deliver } from './notification.deliver.ts';

export type Info = {
  userId: string;
  at: string;
  dedupe: string;
  kind: Kind;
  params: Record<string, string>;
  link: string;
};

/** The unread count for the header's bell: one GetItem. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const { Item } = await notificationEntities(db).Inbox.build(GetItemCommand).key({ userId }).send();
  return Math.max(0, Item?.unread ?? 0);
}

export type Inbox = Page<Info & { unread: boolean }> & { readAt?: string };

/** A page of the signed-in person's notifications, newest first; those newer than the last visit are marked unread. */
export const inbox = fn(
  z._default(z.object({ cursor: optionalField(z.string().check(z.maxLength(600))) }), {}),
  async ({ cursor }, ctx): Promise<Inbox> => {
    const me = Account.requireSignedIn(ctx.actor);
    const { Notification, Inbox: InboxEntity } = notificationEntities(ctx.db);
    const partition = `USER#${me.userId}`;
    const [page, box] = await Promise.all([
      ctx.db.table
        .build(QueryCommand)
        .entities(Notification)
        .query({ partition, range: { beginsWith: 'NOTE#' } })
        .options({
          reverse: true,
          limit: 20,
          ...(cursor
            ? {
                exclusiveStartKey: decodeCursor(
                  cursor,
                  (k) => k.pk === partition && k.sk?.startsWith('NOTE#') === true,
                ),
              }
            : {}),
        })
        .send(),
      InboxEntity.build(GetItemCommand).key({ userId: me.userId }).send(),
    ]);
    const readAt = box.Item?.readAt;
    const next = encodeCursor(page.LastEvaluatedKey);
    return {
      items: ((page.Items ?? []) as Info[]).map((n) => ({ ...n, unread: !readAt || n.at > readAt })),
      ...(readAt ? { readAt } : {}),
      ...(next ? { cursor: next } : {}),
    };
  },
);

/** Opening the inbox reads everything: the count goes to zero, and what came before now is no longer new. */
export const markAllRead = fn(z._default(z.object({}), {}), async (_input, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  await notificationEntities(ctx.db)
    .Inbox.build(UpdateItemCommand)
    .item({ userId: me.userId, unread: 0, readAt: new Date(nowOf(ctx)).toISOString() })
    .send();
});
