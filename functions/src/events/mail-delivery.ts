import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { recordAwsActions } from '@bursa/core/db';
import { type Config, newId } from '@bursa/core/kernel';

/**
 * Delivers one email, for the stream consumer's mail-outbox projection. It
 * lives here, not in core, so only the events function carries the SES client.
 * In AWS through SES; locally (`MAIL_OUTBOX`, set by npm start to .data/outbox
 * and by the tests to a temporary folder) each is written as a JSON file
 * instead, so a developer reads them there and tests assert on them.
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
  if (!sesClient) {
    sesClient = new SESv2Client({
      region: config.region,
      ...(config.sesEndpoint
        ? { endpoint: config.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    recordAwsActions(sesClient); // tests only: see test/grants
  }
  const client = sesClient;
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: config.mailFrom,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}

let sesClient: SESv2Client | undefined;
