import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sendEmail } from '@bursa/core/aws';
import { type Config, newId } from '@bursa/core/kernel';

/**
 * Delivers one email, for the stream consumer's mail-outbox projection. In AWS
 * through SES (over fetch: @bursa/core/aws); locally (`MAIL_OUTBOX`, set by npm
 * start to .data/outbox and by the tests to a temporary folder) each is written
 * as a JSON file instead, so a developer reads them there and tests assert on them.
 */
export type Mail = { to: string; subject: string; text: string };

export async function deliver(config: Pick<Config, 'mailOutbox' | 'mailFrom' | 'region' | 'sesEndpoint'>, mail: Mail) {
  if (config.mailOutbox) {
    mkdirSync(config.mailOutbox, { recursive: true });
    const file = path.join(config.mailOutbox, `${newId()}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ from: config.mailFrom, ...mail, at: new Date().toISOString() }, null, 2)}\n`,
    );
    return;
  }
  await sendEmail({
    region: config.region,
    endpoint: config.sesEndpoint,
    from: config.mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
  });
}
