import * as Mail from '@bursa/core/mail';
import { deliver } from './mail-delivery.ts';
import type { Projection } from './projection.ts';

/**
 * Mail → delivered. A request queues an email in its own transaction (a Mail
 * item); this sends it (SES in AWS, the local outbox folder otherwise) and
 * marks it sent. A replayed record finds it sent and does nothing; a failed
 * send is retried by the event source mapping (at least once, never lost).
 */
export const mailOutbox: Projection = {
  name: 'mail-outbox',
  entities: ['Mail'],
  async apply({ db, config }, change) {
    if (change.eventName !== 'INSERT') return;
    const mail = Mail.fromImage(db, change.newImage);
    if (!mail || (await Mail.alreadySent(db, mail.id))) return;
    await deliver(config, { to: mail.to, subject: mail.subject, text: mail.text });
    await Mail.markSent(db, mail.id);
  },
};
