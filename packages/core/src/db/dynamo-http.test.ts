import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as Real from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../scripts/local/ports.ts';
import { createTestDb } from '../../../../test/support/db.ts';
import { DomainError } from '../kernel/errors.ts';
import type { Db } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { DynamoHttp } from './dynamo-http.ts';
import * as Lite from './lib-dynamodb-lite.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

describe('the Lambda bundles’ lib-dynamodb stand-in', () => {
  it('has every command class dynamodb-toolbox builds, each naming the operation the real one sends', () => {
    const dist = path.join(
      path.dirname(createRequire(import.meta.url).resolve('dynamodb-toolbox/package.json')),
      'dist/esm',
    );
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.js'))
          for (const m of readFileSync(file, 'utf8').matchAll(/import \{([^}]+)\} from '@aws-sdk\/lib-dynamodb'/g))
            for (const name of (m[1] ?? '').split(',')) imported.add(name.trim().split(/\s+as\s+/)[0] as string);
      }
    };
    walk(dist);
    expect(imported.size).toBeGreaterThan(5);
    for (const name of imported) {
      const Shim = (Lite as Record<string, new (input: object) => { operation: string }>)[name];
      expect(Shim, name).toBeDefined();
      const RealClass = (Real as unknown as Record<string, new (input: object) => object>)[name];
      // The operation the real document command sends (GetCommand → GetItem, …), by its client command's name.
      const wire = new (RealClass as new (input: object) => { clientCommand: object })(
        {},
      ).clientCommand.constructor.name.replace(/Command$/, '');
      expect(new (Shim as new (input: object) => { operation: string })({}).operation, name).toBe(wire);
    }
  });
});

describe('DynamoDB over fetch', () => {
  const key = { pk: 'DYNAMOHTTP#1', sk: 'X' };

  it('round-trips documents (numbers, sets, nested maps; undefined left out) with the real and the stand-in classes', async () => {
    const item = {
      ...key,
      n: 5399405,
      f: 0.5,
      tags: new Set(['a', 'b']),
      nested: { list: [1, 'dua', { tiga: true }] },
      gone: undefined,
    };
    await db.doc.send(new Real.PutCommand({ TableName: db.tableName, Item: item }));
    const viaLite = await db.doc.send(new Lite.GetCommand({ TableName: db.tableName, Key: key }));
    const viaReal = await db.doc.send(new Real.GetCommand({ TableName: db.tableName, Key: key }));
    const { gone: _, ...stored } = item;
    expect(viaLite.Item).toEqual(stored);
    expect(viaReal.Item).toEqual(stored);
    const page = await db.doc.send(
      new Lite.QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key.pk },
        Limit: 1,
      }),
    );
    expect(page.Items).toEqual([stored]);
    expect(page.LastEvaluatedKey).toEqual(key);
  });

  it('names a refused condition and a cancelled transaction as the SDK does, with the reasons in order', async () => {
    const put = () =>
      db.doc.send(
        new Lite.PutCommand({ TableName: db.tableName, Item: key, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    await expect(put()).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
      $metadata: { httpStatusCode: 400 },
    });
    const failed = await db.doc
      .send(
        new Lite.TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: db.tableName, Item: { pk: 'DYNAMOHTTP#2', sk: 'X' } } },
            { Put: { TableName: db.tableName, Item: key, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'TransactionCanceledException' });
    expect(isConditionFailure(failed)).toBe(true);
    expect(isConditionFailure(failed, 0)).toBe(false);
    expect(isConditionFailure(failed, 1)).toBe(true);
    // Nothing of the cancelled transaction was written.
    expect(
      (await db.doc.send(new Lite.GetCommand({ TableName: db.tableName, Key: { pk: 'DYNAMOHTTP#2', sk: 'X' } }))).Item,
    ).toBeUndefined();
  });

  it('sends a transaction with an idempotency token: the same token again is not applied twice nor refused', async () => {
    const once = {
      TransactItems: [
        {
          Update: {
            TableName: db.tableName,
            Key: { pk: 'DYNAMOHTTP#token', sk: 'X' },
            UpdateExpression: 'ADD n :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
      ClientRequestToken: 'bench-retry-token-1',
    };
    await db.doc.send(new Lite.TransactWriteCommand(once));
    // A retry after a timeout, as the transport sends it: the same token.
    await db.doc.send(new Lite.TransactWriteCommand(once));
    const { Item } = await db.doc.send(
      new Lite.GetCommand({ TableName: db.tableName, Key: { pk: 'DYNAMOHTTP#token', sk: 'X' } }),
    );
    expect(Item?.n).toBe(1);
  });

  it('batches: writes and reads many, answering documents', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => ({ pk: `DYNAMOHTTP#b${i}`, sk: 'X' }));
    await db.doc.send(
      new Lite.BatchWriteCommand({
        RequestItems: {
          [db.tableName]: keys.slice(0, 25).map((Item) => ({ PutRequest: { Item: { ...Item, i: 1 } } })),
        },
      }),
    );
    const got = await db.doc.send(
      new Lite.BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys.slice(0, 25) } } }),
    );
    expect((got.Responses as Record<string, unknown[]>)[db.tableName]).toHaveLength(25);
    expect(got.UnprocessedKeys).toEqual({});
  });

  it('gives up on a database that does not answer within its attempts: 503 service.unavailable, in bounded time', async () => {
    // A port nothing listens on: every attempt's connection is refused.
    const port = await freePort();
    const gone = new DynamoHttp({
      region: 'ap-southeast-3',
      endpoint: `http://127.0.0.1:${port}`,
      timeoutMs: 200,
      attempts: 2,
    });
    const started = Date.now();
    const error = await gone.send(new Lite.GetCommand({ TableName: 't', Key: key })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'service.unavailable' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a command it does not know, instead of sending something else', async () => {
    class ExecuteStatementCommand {
      constructor(readonly input: object) {}
    }
    await expect(db.doc.send(new ExecuteStatementCommand({}) as never)).rejects.toThrow(/no operation/);
  });
});
