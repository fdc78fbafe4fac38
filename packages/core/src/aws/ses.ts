import { recordActions } from '../db/action-recorder.ts';
import { awsFetch, credentialsFromEnv, throwIfFailed } from './sigv4.ts';

/**
 * SES v2's SendEmail over fetch (`POST /v2/email/outbound-emails`, signed for
 * `ses`): one plain-text mail. The SDK's SES client and the code it shares
 * were about 200 KB of the events function. Locally `endpoint` is a stand-in.
 */
export async function sendEmail(o: {
  region: string;
  endpoint?: string | undefined;
  from: string;
  to: string;
  subject: string;
  text: string;
}): Promise<void> {
  recordActions([{ action: 'ses:SendEmail', resource: '*' }]);
  const res = await awsFetch({
    method: 'POST',
    url: new URL('/v2/email/outbound-emails', o.endpoint ?? `https://email.${o.region}.amazonaws.com`),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      FromEmailAddress: o.from,
      Destination: { ToAddresses: [o.to] },
      Content: {
        Simple: {
          Subject: { Data: o.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: o.text, Charset: 'UTF-8' } },
        },
      },
    }),
    service: 'ses',
    region: o.region,
    credentials: o.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : credentialsFromEnv(),
  });
  await throwIfFailed(res);
  await res.body?.cancel();
}
