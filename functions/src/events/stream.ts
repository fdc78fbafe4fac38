import type { Db } from '@bursa/core/db';
import type { Config } from '@bursa/core/kernel';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** What the stream consumer needs: built once per container, passed in so tests use real local services. */
export type EventDeps = { config: Config; db: Db };

/**
 * The table's stream consumer: hands each record, in order, to every
 * projection that wants it (functions/src/events/<concept>-<what>.ts), and
 * reports the first record that failed so the event source mapping retries
 * from there (ReportBatchItemFailures). Projections are idempotent.
 * (Projections are being added; until then this handler accepts every batch.)
 */
export function createStreamHandler(_deps: EventDeps) {
  return async (_event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    return { batchItemFailures: [] };
  };
}
