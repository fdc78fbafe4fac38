import { EntityFormatter, GetItemCommand, PutTransaction, UpdateItemCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { newId } from '../kernel/ids.ts';
import { mailEntities } from './mail.entity.ts';

export type Message = { to: string; subject: string; text: string };
export type QueuedMail = Message & { id: string; createdAt: string; sentAt?: string; expiresAt: number };

/** A transaction action that queues an email (the stream sends it). */
export function queueInTransaction(db: Db, message: Message, now = Date.now()) {
  return mailEntities(db)
    .Mail.build(PutTransaction)
    .item({
      id: newId(now),
      ...message,
      createdAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + 7 * 24 * 3600,
    });
}

/** A Mail item as the stream carries it, read back; undefined for other items. */
export function fromImage(db: Db, image: Record<string, unknown> | undefined): QueuedMail | undefined {
  if (image?.type !== 'Mail') return undefined;
  return mailEntities(db).Mail.build(EntityFormatter).format(image) as QueuedMail;
}

/** Whether it has been sent already (a replayed stream record must not send it twice). */
export async function alreadySent(db: Db, id: string): Promise<boolean> {
  const { Item } = await mailEntities(db).Mail.build(GetItemCommand).key({ id }).send();
  return !Item || Boolean(Item.sentAt);
}

export async function markSent(db: Db, id: string, now = Date.now()): Promise<void> {
  await mailEntities(db)
    .Mail.build(UpdateItemCommand)
    .item({ id, sentAt: new Date(now).toISOString() })
    .send();
}
