import { type Db, runAsEntry, unmarshallImage } from '@bursa/core/db';
import type { Config, Ctx } from '@bursa/core/kernel';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { applicationFunnel } from './application-funnel.ts';
import { companyNames } from './company-names.ts';
import { companyRenamed } from './company-renamed.ts';
import { fairReport } from './fair-report.ts';
import { mailOutbox } from './mail-outbox.ts';
import { marketListing } from './market-listing.ts';
import { moderationCompany } from './moderation-company.ts';
import { notifications } from './notifications.ts';
import { outcomeCounters } from './outcome-counters.ts';
import { programmeFollowup } from './programme-followup.ts';
import { programmeLink } from './programme-link.ts';
import { type Change, entityOf, type Projection } from './projection.ts';
import { sales } from './sales.ts';
import { searchIndex } from './search-index.ts';
import { shopCounts } from './shop-counts.ts';
import { vacancyCounts } from './vacancy-counts.ts';
import { vacancyListing } from './vacancy-listing.ts';

/** Every projection the stream drives, one file each (docs/data-model.md, "Projections"). */
export const projections: readonly Projection[] = [
  vacancyListing,
  vacancyCounts,
  companyRenamed,
  companyNames,
  moderationCompany,
  applicationFunnel,
  notifications,
  mailOutbox,
  shopCounts,
  marketListing,
  sales,
  fairReport,
  searchIndex,
  outcomeCounters,
  programmeLink,
  programmeFollowup,
];

/** What the stream consumer needs: built once per container, passed in so tests use real local services. */
export type EventDeps = { config: Config; db: Db };

/**
 * The table's stream consumer: hands each record, in order, to every
 * projection that wants it, and on the first failure reports that record and
 * stops, so the event source mapping retries from there (ReportBatchItemFailures;
 * records before it are not redelivered). Projections are idempotent, so a
 * retried record is harmless.
 */
export function createStreamHandler(deps: EventDeps, use: readonly Projection[] = projections) {
  const ctx: Ctx = { ...deps, actor: undefined };
  const handle = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records ?? []) {
      const change = toChange(record);
      if (!change) continue;
      const entity = entityOf(change);
      let current = '';
      try {
        for (const p of use) {
          if (!p.entities.includes(entity)) continue;
          current = p.name;
          await p.apply(ctx, change);
        }
      } catch (e) {
        console.error(
          JSON.stringify({
            level: 'error',
            msg: 'projection failed',
            projection: current,
            sequenceNumber: change.sequenceNumber,
            entity,
            error: String(e),
          }),
        );
        return { batchItemFailures: [{ itemIdentifier: change.sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  };
  return (event: DynamoDBStreamEvent) => runAsEntry('events', () => handle(event)); // tags its AWS calls (tests)
}

function toChange(record: DynamoDBRecord): Change | undefined {
  const d = record.dynamodb;
  if (!d?.SequenceNumber || !record.eventName) return undefined;
  return {
    eventName: record.eventName,
    sequenceNumber: d.SequenceNumber,
    oldImage: unmarshallImage(d.OldImage),
    newImage: unmarshallImage(d.NewImage),
  };
}
