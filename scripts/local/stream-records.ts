import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** The stream poller's record shaping (as Lambda's event source mapping delivers records) and its checkpoints. */

export type Shard = { id: string; parent?: string; iterator?: string; checkpoint?: string; done: boolean };

/** A GetRecords record as Lambda's event source mapping hands it over. */
export function toLambdaRecord(r: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      Keys: d.Keys as never,
      ...(d.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d.SequenceNumber as string,
      SizeBytes: d.SizeBytes as number,
      StreamViewType: d.StreamViewType as never,
    },
  } as DynamoDBRecord;
}

type Checkpoints = { streamArn: string; shards: Record<string, string> };

export function readCheckpoints(file: string | undefined, streamArn: string): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Checkpoints;
    // A new table (another stream) starts from its oldest record.
    return saved.streamArn === streamArn ? saved.shards : {};
  } catch {
    return {};
  }
}

export function writeCheckpoints(file: string | undefined, streamArn: string, shards: Map<string, Shard>) {
  if (!file) return;
  const data: Checkpoints = { streamArn, shards: {} };
  for (const s of shards.values()) if (s.checkpoint) data.shards[s.id] = s.checkpoint;
  // Write then rename: a crash never leaves half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(data));
  renameSync(`${file}.tmp`, file);
}
