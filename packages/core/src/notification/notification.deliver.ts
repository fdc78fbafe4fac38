import { createHash } from 'node:crypto';
import { $add, executeTransactWrite, PutTransaction, UpdateTransaction } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { type Message, queueInTransaction } from '../mail/mail.queue.ts';
import { type Kind, notificationEntities } from './notification.entity.ts';

/** Delivering one notification: what the projections and the scheduled reminders share (light: no use case imported). */

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
  email?: Message;
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
      ...(d.email ? [queueInTransaction(db, d.email, now)] : []),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
