import type { Db } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Projection } from './projection.ts';
import { createStreamHandler, projections } from './stream.ts';

const record = (seq: string, type: string, name: string): DynamoDBRecord => ({
  eventName: 'MODIFY',
  dynamodb: {
    SequenceNumber: seq,
    OldImage: { type: { S: type }, name: { S: 'old' } },
    NewImage: { type: { S: type }, name: { S: name } },
  },
});

describe('stream consumer', () => {
  it('hands each record in order to the projections of its entity, and stops at the first failure', async () => {
    const seen: string[] = [];
    const recording: Projection = {
      name: 'recording',
      entities: ['Thing'],
      async apply(_ctx, change) {
        const name = String(change.newImage?.name);
        if (name === 'bad') throw new Error('cannot');
        seen.push(`${change.sequenceNumber}:${name}`);
      },
    };
    const handle = createStreamHandler({ config: loadConfig({}), db: {} as Db }, [recording]);
    const result = await handle({
      Records: [
        record('1', 'Thing', 'a'),
        record('2', 'Other', 'x'),
        record('3', 'Thing', 'bad'),
        record('4', 'Thing', 'c'),
      ],
    });
    // The event source mapping retries from 3: 1 is not redelivered, 4 waits its turn.
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '3' }] });
    expect(seen).toEqual(['1:a']);
    expect(await handle({ Records: [record('4', 'Thing', 'c')] })).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(['1:a', '4:c']);
  });

  it('runs one projection per file, each for its own entities', () => {
    expect(projections.map((p) => `${p.name}:${p.entities.join(',')}`)).toEqual([
      'vacancy-listing:Vacancy',
      'vacancy-counts:Vacancy',
      'company-renamed:Company',
      'company-names:Company',
      'moderation-company:Company',
      'application-funnel:Application',
      'notifications:Application,Vacancy,Company,Order,Slot,ReportCase',
      'mail-outbox:Mail',
      'shop-counts:Follow,Post,Product,Like,Comment,Review',
      'market-listing:Product,Shop',
      'sales:Order',
      'fair-report:Registration,Slot',
      'search-index:Vacancy,Product,Shop',
      'outcome-counters:Application,Product,Order',
      'programme-link:Login,Participant,Shop',
      'programme-followup:Application,Shop,Product,Order',
    ]);
  });
});
