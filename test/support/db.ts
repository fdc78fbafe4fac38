import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db, ensureTable } from '@bursa/core/db';
import { fileDynamoEndpoint } from './dynamodb.ts';

/**
 * A fresh table on this file's DynamoDB Local (test/support/dynamodb.ts).
 * Also points process.env at it, for code that reads its config from there.
 */
export async function createTestDb(): Promise<Db> {
  const endpoint = await fileDynamoEndpoint();
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, AWS_REGION: 'ap-southeast-3' });
  // Emails go to a folder the test can read (the local outbox), never to SES.
  process.env.MAIL_OUTBOX ??= mkdtempSync(path.join(tmpdir(), 'bursa-outbox-'));
  const db = createDb({
    region: 'ap-southeast-3',
    dynamodbEndpoint: endpoint,
    tableName,
    dynamodbTimeoutMs: Number(process.env.DYNAMODB_TIMEOUT_MS ?? 2000),
  });
  await ensureTable(db, tableName);
  return db;
}

/** The emails the code under test "sent" (the local outbox), newest last. */
export function outbox(): { to: string; subject: string; text: string }[] {
  const dir = process.env.MAIL_OUTBOX;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}
