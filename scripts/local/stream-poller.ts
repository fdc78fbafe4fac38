import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { readCheckpoints, type Shard, toLambdaRecord, writeCheckpoints } from './stream-records.ts';

/**
 * Plays the Lambda event source mapping against DynamoDB Local's stream, so
 * `npm start`, the bench and the tests run the same stream consumer
 * (functions/src/events/stream.ts) that AWS runs:
 * - every shard, parents before their children, from the oldest record
 *   (TRIM_HORIZON) or from a checkpoint;
 * - batches in order per shard, shaped like Lambda's DynamoDBStreamEvent;
 * - ReportBatchItemFailures: a reported record and those after it are
 *   redelivered, those before it are not; a batch that throws is retried;
 *   after `maxRetries` a batch is split in two (bisect on error) and a single
 *   record that still fails is given up (logged: the on-failure destination);
 * - `settle()` resolves once every record written before it was called has
 *   been handled, so tests wait for projections without sleeping.
 */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export type StreamPollerOptions = {
  endpoint: string;
  region?: string;
  tableName: string;
  handler: StreamHandler;
  /** Where to keep each shard's last handled record across restarts (npm start); none: from the oldest record. */
  checkpointFile?: string;
  batchSize?: number;
  maxRetries?: number;
  /** Where given-up records are reported (default: console.error). */
  onGiveUp?: (record: DynamoDBRecord, error: unknown) => void;
  /** Sees every batch once it is handled (the bench prices writes from the images: scripts/bench-writes.ts). */
  onHandled?: (records: DynamoDBRecord[]) => void;
};

export type StreamPoller = {
  /** Resolves when every record written before the call has been handled; rejects if one was given up on. */
  settle(timeoutMs?: number): Promise<void>;
  /** Stops reading after the pass under way (resolves then), so the bench can tell a request's writes from its projections'. */
  pause(): Promise<void>;
  resume(): void;
  stop(): Promise<void>;
};

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStreamPoller(o: StreamPollerOptions): Promise<StreamPoller> {
  const region = o.region ?? 'ap-southeast-3';
  const batchSize = o.batchSize ?? 100;
  const maxRetries = o.maxRetries ?? 3;
  const db = new DynamoDBClient({ endpoint: o.endpoint, region, credentials, maxAttempts: 2 });
  const streams = new DynamoDBStreamsClient({ endpoint: o.endpoint, region, credentials, maxAttempts: 2 });
  const table = await db.send(new DescribeTableCommand({ TableName: o.tableName }));
  db.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${o.tableName} has no stream`);

  const shards = new Map<string, Shard>();
  const saved = readCheckpoints(o.checkpointFile, streamArn);
  const givenUp: string[] = [];
  let stopping = false;
  let passesCompleted = 0;
  let lastEmptyPass = -1;
  const waiters = new Set<() => void>();
  let settling = 0;
  let paused = false;
  let inPass = false;

  const giveUp =
    o.onGiveUp ??
    ((record, error) =>
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'stream record given up',
          seq: record.dynamodb?.SequenceNumber,
          error: String(error),
        }),
      ));

  async function refreshShards() {
    let start: string | undefined;
    do {
      const out = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      for (const s of out.StreamDescription?.Shards ?? []) {
        if (!s.ShardId || shards.has(s.ShardId)) continue;
        const checkpoint = saved[s.ShardId];
        shards.set(s.ShardId, {
          id: s.ShardId,
          ...(s.ParentShardId ? { parent: s.ParentShardId } : {}),
          ...(checkpoint ? { checkpoint } : {}),
          done: false,
        });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  async function iteratorFor(shard: Shard): Promise<string | undefined> {
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.id,
        ...(shard.checkpoint
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.checkpoint }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  /** Delivers records in order; returns when each is handled or given up. */
  async function deliver(records: DynamoDBRecord[], attempt = 0): Promise<void> {
    if (records.length === 0) return;
    let failedAt = -1;
    let error: unknown;
    try {
      const result = await o.handler({ Records: records });
      const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed !== undefined) {
        failedAt = records.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
        // An identifier that is not in the batch fails the whole batch, as in AWS.
        if (failedAt < 0) failedAt = 0;
        error = new Error(`handler reported ${failed}`);
      }
    } catch (e) {
      failedAt = 0;
      error = e;
    }
    if (failedAt < 0) return;
    const rest = records.slice(failedAt);
    if (attempt < maxRetries) {
      await sleep(Math.min(1000, 20 * 2 ** attempt));
      return deliver(rest, attempt + 1);
    }
    if (rest.length > 1) {
      const half = Math.ceil(rest.length / 2);
      await deliver(rest.slice(0, half));
      return deliver(rest.slice(half));
    }
    const [poisoned] = rest;
    if (poisoned) {
      givenUp.push(String(poisoned.dynamodb?.SequenceNumber));
      giveUp(poisoned, error);
    }
  }

  async function readShard(shard: Shard): Promise<number> {
    shard.iterator ??= await iteratorFor(shard);
    if (!shard.iterator) {
      shard.done = true;
      return 0;
    }
    let out: GetRecordsCommandOutput;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }));
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException') {
        if (name === 'TrimmedDataAccessException') delete shard.checkpoint;
        delete shard.iterator;
        return 0;
      }
      throw e;
    }
    const records = (out.Records ?? []).map((r) => toLambdaRecord(r, streamArn as string, region));
    if (records.length) {
      await deliver(records);
      o.onHandled?.(records);
      shard.checkpoint = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.checkpoint;
      writeCheckpoints(o.checkpointFile, streamArn as string, shards);
    }
    if (out.NextShardIterator) shard.iterator = out.NextShardIterator;
    else {
      delete shard.iterator;
      shard.done = true;
    }
    return records.length;
  }

  async function pass(): Promise<number> {
    await refreshShards();
    let found = 0;
    for (const shard of shards.values()) {
      if (shard.done) continue;
      // Parents before children: a child waits until its parent is read to the end.
      const parent = shard.parent ? shards.get(shard.parent) : undefined;
      if (parent && !parent.done) continue;
      found += await readShard(shard);
    }
    return found;
  }

  const loop = (async () => {
    let idle = 0;
    while (!stopping) {
      if (paused) {
        await sleep(5);
        continue;
      }
      let found = 0;
      inPass = true;
      try {
        found = await pass();
      } catch (e) {
        if (stopping) break;
        console.error(JSON.stringify({ level: 'warn', msg: 'stream poll failed', error: String(e) }));
        await sleep(500);
        continue;
      } finally {
        inPass = false;
      }
      passesCompleted++;
      if (found === 0) lastEmptyPass = passesCompleted;
      for (const wake of waiters) wake();
      idle = found > 0 ? 0 : idle + 1;
      // Poll quickly while records flow or someone waits; back off to 250 ms when idle.
      if (found === 0) await sleep(settling > 0 ? 5 : Math.min(250, 25 * idle));
    }
  })();

  return {
    async settle(timeoutMs = 15_000) {
      // A pass that starts after this call and finds nothing new means everything written
      // before the call has been read and handled (DynamoDB Local makes records readable
      // as soon as the write returns).
      const after = passesCompleted + 1;
      const deadline = Date.now() + timeoutMs;
      settling++;
      try {
        await untilPass(after, deadline, timeoutMs);
      } finally {
        settling--;
      }
      if (givenUp.length) {
        const lost = givenUp.splice(0);
        throw new Error(`stream records given up after retries: ${lost.join(', ')}`);
      }
    },
    async pause() {
      paused = true;
      while (inPass) await sleep(5);
    },
    resume() {
      paused = false;
    },
    async stop() {
      stopping = true;
      await loop;
      writeCheckpoints(o.checkpointFile, streamArn, shards);
      streams.destroy();
    },
  };

  async function untilPass(after: number, deadline: number, timeoutMs: number) {
    while (!(lastEmptyPass > after)) {
      if (stopping) throw new Error('stream poller stopped');
      if (Date.now() > deadline) throw new Error(`stream projections did not settle within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        setTimeout(wake, 200);
      });
    }
  }
}
