import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface EventsFunctionProps {
  /** The table whose stream drives the projections (it must have a stream). */
  table: dynamodb.ITableV2;
  /** The stream consumer reads only what its projections need: stage, table, home regency. */
  environment: Pick<AppEnvironment, 'STAGE' | 'TABLE_NAME' | 'HOME_REGENCY'>;
  production: boolean;
  reservedConcurrency?: number;
}

/**
 * The table's stream consumer (functions/src/events): keeps the projections
 * (vacancy listing, copies of company names) in line with every change. No
 * function URL: only the event source mapping invokes it.
 *
 * Delivery: batches of up to 100 records from the start of the stream; the
 * handler reports the first record that failed (ReportBatchItemFailures) so
 * only the rest is retried, a failing batch is halved until the bad record is
 * alone, and after a bounded number of retries or an hour the batch's
 * position (shard and sequence numbers, not the records) goes to the failure
 * queue, whose alarm tells someone to replay it from the stream within its
 * 24 hours. Projections are idempotent, so replays are harmless.
 */
export class EventsFunction extends AppFunction {
  /** Where the event source mapping reports batches it gave up on. */
  readonly failures: sqs.Queue;
  /** In alarm while the failure queue holds anything. */
  readonly failuresAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EventsFunctionProps) {
    super(scope, id, {
      bundle: 'events',
      environment: props.environment,
      production: props.production,
      // A batch of 100 vacancy changes is up to 3,200 listing items (25 per BatchWriteItem).
      timeout: Duration.seconds(60),
      reservedConcurrency: props.reservedConcurrency,
    });

    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // SQS's maximum: time to notice, investigate and replay.
      retentionPeriod: Duration.days(14),
    });
    this.failuresAlarm = new cloudwatch.Alarm(this, 'FailuresAlarm', {
      alarmDescription: 'Bursa stream consumer gave up on a batch: replay it from the table stream (24 h retention)',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // Also grants the stream reads (DescribeStream, GetRecords, GetShardIterator, ListStreams)
    // and the queue's SendMessage that the Lambda service uses with this role.
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.failures),
      }),
    );

    // Exactly what the projections send (test/grants checks it both ways).
    grantTableActions(
      this.function,
      props.table,
      // Query on the table: market-listing reads a renamed shop's products a page at a time.
      // DeleteItem: company-names drops a company's lookalike keys when it is renamed or revoked.
      [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:Query',
      ],
      {
        queryIndexes: true,
      },
    );
    // The mail-outbox projection sends queued emails with SES, from the stage's verified identities only.
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      }),
    );
  }
}
