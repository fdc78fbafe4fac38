/**
 * Email: requests queue it in their transaction, the stream consumer delivers
 * it (functions/src/events/mail-delivery.ts: SES in AWS, a local outbox folder
 * in development and tests). Import as
 * `import { Mail } from '@bursa/core/mail'`.
 */
export * as Mail from './index.ts';
export { alreadySent, fromImage, type Message, markSent, type QueuedMail, queueInTransaction } from './mail.queue.ts';
