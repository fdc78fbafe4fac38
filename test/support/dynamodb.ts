import { type DynamoDbLocal, startDynamoDbLocal } from '../../scripts/local/dynamodb-local.ts';

/**
 * This test file's own in-memory DynamoDB Local, started on first use and stopped
 * when the file ends (test/support/drop-tables.ts). Not one for the whole run:
 * DynamoDB Local keeps every stream record it ever wrote, deleted tables' too, and
 * each write costs more the more there are (measured: 1.2 ms a put on a fresh
 * instance, 10 ms after 7,500 writes to other tables), so a shared instance made
 * the last files of a full run 25 times slower than alone. A JVM starts in ~1.2 s.
 */
let local: Promise<DynamoDbLocal> | undefined;

export async function fileDynamoEndpoint(): Promise<string> {
  local ??= startDynamoDbLocal();
  return (await local).endpoint;
}

export async function stopFileDynamo(): Promise<void> {
  const running = local;
  local = undefined;
  if (running) await (await running).stop();
}
