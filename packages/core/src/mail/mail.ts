import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordAwsActions } from '../db/action-recorder.ts';
import type { Config } from '../kernel/config.ts';
import { newId } from '../kernel/ids.ts';

/**
 * Bursa's emails (password reset codes, later notifications). In AWS they go
 * out through SES; locally (`MAIL_OUTBOX`, set by npm start to .data/outbox and
 * by the tests to a temporary folder) each is written as a JSON file instead,
 * so a developer reads them there and tests assert on them.
 */
export type Mail = { to: string; subject: string; text: string };

export async function send(config: Pick<Config, 'mailOutbox' | 'mailFrom' | 'region' | 'sesEndpoint'>, mail: Mail) {
  if (config.mailOutbox) {
    mkdirSync(config.mailOutbox, { recursive: true });
    const file = path.join(config.mailOutbox, `${newId()}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ from: config.mailFrom, ...mail, at: new Date().toISOString() }, null, 2)}\n`,
    );
    return;
  }
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
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

let sesClient: import('@aws-sdk/client-sesv2').SESv2Client | undefined;
