import { createHash } from 'node:crypto';
import {
  $add,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as z from 'zod';
import { Account } from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { fn } from '../kernel/fn.ts';
import { optionalField } from '../kernel/validation.ts';
import { Mail } from '../mail/index.ts';
import { type Kind, notificationEntities } from './notification.entity.ts';

export type Info = {
  userId: string;
  at: string;
  dedupe: string;
  kind: Kind;
  params: Record<string, string>;
  link: string;
};

export type Delivery = {
  userId: string;
  kind: Kind;
  params: Record<string, string>;
  link: string;
  /** When it happened (ISO). */
  at: string;
  /** Unique per event and recipient (e.g. the stream record's sequence number): a replay is a no-op. */
  source: string;
  /** Also send this email (the recipient's address and texts in their language). */
  email?: Mail.Message;
};

/**
 * Puts one notification in a person's inbox, counts it unread and queues its
 * email, in one transaction that refuses to run twice for the same `source`.
 * Returns false when it had been delivered already.
 */
export async function deliver(db: Db, d: Delivery, now = Date.now()): Promise<boolean> {
  const { Notification, Inbox } = notificationEntities(db);
  const dedupe = createHash('sha256').update(`${d.source}#${d.userId}#${d.kind}`).digest('base64url').slice(0, 16);
  try {
    await executeTransactWrite(
      Notification.build(PutTransaction)
        .item({
          userId: d.userId,
          at: d.at,
          dedupe,
          kind: d.kind,
          params: d.params,
          link: d.link,
          expiresAt: Math.floor(now / 1000) + 180 * 24 * 3600,
        })
        .options({ condition: { attr: 'kind', exists: false } }),
      Inbox.build(UpdateTransaction).item({ userId: d.userId, unread: $add(1) }),
      ...(d.email ? [Mail.queueInTransaction(db, d.email, now)] : []),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The unread count for the header's bell: one GetItem. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const { Item } = await notificationEntities(db).Inbox.build(GetItemCommand).key({ userId }).send();
  return Math.max(0, Item?.unread ?? 0);
}

export type Inbox = Page<Info & { unread: boolean }> & { readAt?: string };

/** A page of the signed-in person's notifications, newest first; those newer than the last visit are marked unread. */
export const inbox = fn(
  z.object({ cursor: optionalField(z.string().max(600)) }).default({}),
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
export const markAllRead = fn(z.object({}).default({}), async (_input, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  await notificationEntities(ctx.db)
    .Inbox.build(UpdateItemCommand)
    .item({ userId: me.userId, unread: 0, readAt: new Date(nowOf(ctx)).toISOString() })
    .send();
});
