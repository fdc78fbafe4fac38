/**
 * Email: requests queue it in their transaction, the stream consumer delivers
 * it (functions/src/events/mail-delivery.ts: SES in AWS, a local outbox folder
 * in development and tests). Import as
 * `import * as Mail from '@bursa/core/mail'`.
 */
export { alreadySent, fromImage, type Message, markSent, type QueuedMail, queueInTransaction } from './mail.queue.ts';
