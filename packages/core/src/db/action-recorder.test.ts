import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentEntry, iamActionsOf, recordAwsActions, runAsEntry } from './action-recorder.ts';

describe('iamActionsOf', () => {
  it('maps commands to the IAM actions that authorise them', () => {
    expect(iamActionsOf('DynamoDBClient', 'GetItemCommand', {})).toEqual([
      { action: 'dynamodb:GetItem', resource: 'table' },
    ]);
    expect(iamActionsOf('DynamoDBClient', 'QueryCommand', { IndexName: 'gsi1' })).toEqual([
      { action: 'dynamodb:Query', resource: 'index' },
    ]);
    expect(iamActionsOf('DynamoDBClient', 'QueryCommand', {})).toEqual([
      { action: 'dynamodb:Query', resource: 'table' },
    ]);
    expect(
      iamActionsOf('DynamoDBClient', 'TransactWriteItemsCommand', {
        TransactItems: [{ Put: {} }, { Update: {} }, { Delete: {} }, { ConditionCheck: {} }],
      }).map((a) => a.action),
    ).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']);
    expect(iamActionsOf('DynamoDBClient', 'TransactGetItemsCommand', {})).toEqual([
      { action: 'dynamodb:GetItem', resource: 'table' },
    ]);
    expect(iamActionsOf('S3Client', 'PutObjectCommand', { Bucket: 'b', Key: 'k' })).toEqual([
      { action: 's3:PutObject', resource: 'object' },
    ]);
    expect(iamActionsOf('SQSClient', 'SendMessageCommand', {})).toEqual([{ action: 'sqs:SendMessage', resource: '*' }]);
  });
});

describe('recordAwsActions', () => {
  const previous = process.env.BURSA_AWS_ACTIONS_DIR;
  // Its own folder: these made-up calls must not reach the run's grants check.
  const dir = mkdtempSync(path.join(tmpdir(), 'bursa-actions-'));
  let doc: DynamoDBDocumentClient;
  let raw: DynamoDBClient;

  beforeAll(() => {
    process.env.BURSA_AWS_ACTIONS_DIR = dir;
    raw = new DynamoDBClient({ region: 'ap-southeast-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    recordAwsActions(raw);
    // Answers every command without a network call.
    raw.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: {} }), {
      step: 'build',
      name: 'fake',
    });
    doc = DynamoDBDocumentClient.from(raw);
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.BURSA_AWS_ACTIONS_DIR;
    else process.env.BURSA_AWS_ACTIONS_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  const recorded = () =>
    readdirSync(dir)
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .filter(Boolean)
      .sort();

  it('records what each entry sends (document client too), once, and nothing outside entries', async () => {
    const key = { pk: 'a', sk: 'b' };
    await raw.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' }, sk: { S: 'b' } } })); // setup: not recorded
    await runAsEntry('web', async () => {
      expect(currentEntry()).toBe('web');
      await doc.send(new QueryCommand({ TableName: 't', IndexName: 'gsi1', KeyConditionExpression: 'x = :x' }));
      await doc.send(new QueryCommand({ TableName: 't', IndexName: 'gsi2', KeyConditionExpression: 'x = :x' }));
    });
    await runAsEntry('api', () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: 't', Item: key } },
            { ConditionCheck: { TableName: 't', Key: key, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      ),
    );
    expect(currentEntry()).toBeUndefined();
    expect(recorded()).toEqual([
      'api\tdynamodb:ConditionCheckItem\ttable',
      'api\tdynamodb:PutItem\ttable',
      'web\tdynamodb:Query\tindex',
    ]);
  });
});
