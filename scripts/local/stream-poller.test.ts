import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, unmarshallImage } from '@bursa/core/db';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { fileDynamoEndpoint } from '../../test/support/dynamodb.ts';
import { type StreamHandler, type StreamPoller, startStreamPoller } from './stream-poller.ts';

/** The poller against a fresh table on the run's DynamoDB Local, with a handler each test shapes. */
let db: Db;
let endpoint: string;
let poller: StreamPoller | undefined;
beforeEach(async () => {
  db = await createTestDb();
  endpoint = await fileDynamoEndpoint();
});
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

const put = (id: string, extra: Record<string, unknown> = {}) =>
  db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { pk: `T#${id}`, sk: 'T', type: 'Thing', id, ...extra } }),
  );
const idOf = (r: DynamoDBRecord) => String(unmarshallImage(r.dynamodb?.NewImage ?? r.dynamodb?.Keys)?.pk);

function recorder(fail?: (r: DynamoDBRecord, seen: number) => 'report' | 'throw' | undefined) {
  const delivered: DynamoDBRecord[] = [];
  const batches: number[] = [];
  const handler: StreamHandler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    batches.push(event.Records.length);
    for (const r of event.Records) {
      const seen = delivered.filter((d) => d.eventID === r.eventID).length;
      const verdict = fail?.(r, seen);
      if (verdict === 'throw') throw new Error(`cannot handle ${idOf(r)}`);
      if (verdict === 'report')
        return { batchItemFailures: [{ itemIdentifier: r.dynamodb?.SequenceNumber as string }] };
      delivered.push(r);
    }
    return { batchItemFailures: [] };
  };
  return { handler, delivered, batches };
}

describe('stream poller (the event source mapping, locally)', () => {
  it('paused, delivers nothing until resumed, then everything in order; reports each handled batch', async () => {
    const { handler, delivered } = recorder();
    const handled: string[] = [];
    poller = await startStreamPoller({
      endpoint,
      tableName: db.tableName,
      handler,
      onHandled: (records) => handled.push(...records.map(idOf)),
    });
    await put('before');
    await poller.settle();
    await poller.pause();
    await put('p1');
    await put('p2');
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered.map(idOf)).toEqual(['T#before']);
    poller.resume();
    await poller.settle();
    expect(delivered.map(idOf)).toEqual(['T#before', 'T#p1', 'T#p2']);
    expect(handled).toEqual(['T#before', 'T#p1', 'T#p2']);
  });

  it('delivers inserts, modifications and removals in order, Lambda-shaped, with old and new images', async () => {
    const { handler, delivered } = recorder();
    poller = await startStreamPoller({ endpoint, tableName: db.tableName, handler });
    await put('a', { n: 1 });
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { pk: 'T#a', sk: 'T' },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 2 },
      }),
    );
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: 'T#a', sk: 'T' } }));
    await poller.settle();
    expect(delivered.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = delivered;
    expect(insert).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventSourceARN: expect.stringContaining(db.tableName),
    });
    expect(unmarshallImage(insert?.dynamodb?.NewImage)).toMatchObject({ id: 'a', n: 1 });
    expect(unmarshallImage(modify?.dynamodb?.OldImage)).toMatchObject({ n: 1 });
    expect(unmarshallImage(modify?.dynamodb?.NewImage)).toMatchObject({ n: 2 });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(typeof insert?.dynamodb?.ApproximateCreationDateTime).toBe('number');
  });

  it('delivers every item of a 25-item transaction', async () => {
    const { handler, delivered } = recorder();
    poller = await startStreamPoller({ endpoint, tableName: db.tableName, handler });
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: 25 }, (_, i) => ({
          Put: { TableName: db.tableName, Item: { pk: `T#${i}`, sk: 'T', type: 'Thing' } },
        })),
      }),
    );
    await poller.settle();
    expect(new Set(delivered.map(idOf)).size).toBe(25);
  });

  it('redelivers from a reported failure on, and not the records before it', async () => {
    let failedOnce = 0;
    const { handler, delivered } = recorder((r) => (idOf(r) === 'T#b' && failedOnce++ === 0 ? 'report' : undefined));
    poller = await startStreamPoller({ endpoint, tableName: db.tableName, handler });
    for (const id of ['a', 'b', 'c']) await put(id);
    await poller.settle();
    expect(delivered.map(idOf)).toEqual(['T#a', 'T#b', 'T#c']);
    expect(failedOnce).toBe(2); // b: reported once, then handled
  });

  it('gives up on a record that always fails, keeps the rest, and settle() says so', async () => {
    const given: string[] = [];
    const { handler, delivered } = recorder((r) => (idOf(r) === 'T#poison' ? 'throw' : undefined));
    poller = await startStreamPoller({
      endpoint,
      tableName: db.tableName,
      handler,
      maxRetries: 1,
      onGiveUp: (r) => given.push(idOf(r)),
    });
    for (const id of ['a', 'poison', 'b']) await put(id);
    await expect(poller.settle()).rejects.toThrow(/given up/);
    expect(given).toEqual(['T#poison']);
    // A thrown batch is retried whole (as in AWS), so a may be handled again: projections are idempotent.
    expect(new Set(delivered.map(idOf))).toEqual(new Set(['T#a', 'T#b']));
    // Reported once: the next settle() is clean.
    await put('c');
    await poller.settle();
    expect(delivered.map(idOf)).toContain('T#c');
  });

  it('resumes from its checkpoint after a restart, without redelivering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bursa-poller-'));
    const checkpointFile = path.join(dir, 'checkpoints.json');
    try {
      const first = recorder();
      poller = await startStreamPoller({ endpoint, tableName: db.tableName, handler: first.handler, checkpointFile });
      await put('a');
      await poller.settle();
      await poller.stop();
      await put('b'); // written while nothing reads the stream
      const second = recorder();
      poller = await startStreamPoller({ endpoint, tableName: db.tableName, handler: second.handler, checkpointFile });
      await poller.settle();
      expect(first.delivered.map(idOf)).toEqual(['T#a']);
      expect(second.delivered.map(idOf)).toEqual(['T#b']);
      await poller.stop();
      poller = undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
