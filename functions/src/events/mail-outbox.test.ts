import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import * as Mail from '@bursa/core/mail';
import { executeTransactWrite } from 'dynamodb-toolbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StreamPoller, startStreamPoller } from '../../../scripts/local/stream-poller.ts';
import { createTestDb, outbox } from '../../../test/support/db.ts';
import { fileDynamoEndpoint } from '../../../test/support/dynamodb.ts';
import { createStreamHandler } from './stream.ts';

/** Queued emails are delivered by the stream: to the local outbox, or through SES (a stand-in here), once. */
let db: Db;
let ses: Server;
const received: { to: string[]; subject: string }[] = [];
beforeAll(async () => {
  db = await createTestDb();
  // SES v2's SendEmail, as the SDK calls it: POST /v2/email/outbound-emails with JSON.
  ses = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const input = JSON.parse(body || '{}');
      if (req.url === '/v2/email/outbound-emails')
        received.push({ to: input.Destination?.ToAddresses ?? [], subject: input.Content?.Simple?.Subject?.Data });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `m-${received.length}` }));
    });
  });
  await new Promise<void>((r) => ses.listen(0, '127.0.0.1', () => r()));
});
afterAll(() => new Promise<void>((r) => ses.close(() => r())));

async function withPoller(env: Record<string, string | undefined>, run: (p: StreamPoller) => Promise<void>) {
  const endpoint = await fileDynamoEndpoint();
  const config = loadConfig({ ...process.env, ...env, TABLE_NAME: db.tableName });
  const poller = await startStreamPoller({
    endpoint,
    tableName: db.tableName,
    handler: createStreamHandler({ config, db }),
  });
  try {
    await run(poller);
  } finally {
    await poller.stop();
  }
}

describe('mail outbox projection', () => {
  it('writes queued mail to the local outbox, once, and marks it sent', async () => {
    const before = outbox().length;
    await withPoller({}, async (p) => {
      await executeTransactWrite(Mail.queueInTransaction(db, { to: 'warga@contoh.id', subject: 'Halo', text: 'Isi' }));
      await p.settle();
    });
    const mails = outbox().slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'warga@contoh.id', subject: 'Halo', text: 'Isi' });
  });

  it('sends through SES when there is no outbox (AWS), once even if the stream replays it', async () => {
    const sesEndpoint = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
    await withPoller({ MAIL_OUTBOX: '', SES_ENDPOINT: sesEndpoint }, async (p) => {
      await executeTransactWrite(Mail.queueInTransaction(db, { to: 'hrd@contoh.id', subject: 'Kode', text: '123456' }));
      await p.settle();
    });
    expect(received).toEqual([{ to: ['hrd@contoh.id'], subject: 'Kode' }]);
  });
});
