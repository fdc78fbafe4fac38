import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface SearchFunctionProps {
  table: dynamodb.ITableV2;
  mediaBucket: s3.Bucket;
  environment: Pick<AppEnvironment, 'STAGE' | 'TABLE_NAME' | 'MEDIA_BUCKET' | 'HOME_REGENCY'>;
  production: boolean;
  reservedConcurrency?: number;
}

/**
 * Search (functions/src/search; docs/search.md): the web and the API invoke it
 * with a parsed query; it keeps the regency's three MiniSearch indexes in
 * memory (loaded from the snapshot under `search/` in the media bucket at cold
 * start, caught up from the change log on every query). Every 15 minutes
 * EventBridge asks it to fold the log into new snapshots. The only function
 * carrying MiniSearch and the stemmer.
 */
export class SearchFunction extends AppFunction {
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: SearchFunctionProps) {
    super(scope, id, {
      bundle: 'search',
      environment: props.environment,
      production: props.production,
      // The indexes live in memory (docs/search.md, "Measured": about 2.8 KB per document, 375 MB for Tangerang), and
      // memory buys CPU for the cold load.
      memorySize: 1536,
      // A rebuild from the table reads every open vacancy, listed product and shop.
      timeout: Duration.minutes(5),
      reservedConcurrency: props.reservedConcurrency,
    });
    // The pointer (GetItem, PutItem), the log (Query), a rebuild's reads (Query on the lists, BatchGetItem).
    grantTableActions(this.function, props.table, [
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
    ]);
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resourceArns: [props.mediaBucket.arnForObjects('search/*')],
    });
    this.schedule = new events.Rule(this, 'Compact', {
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [
        new targets.LambdaFunction(this.function, {
          event: events.RuleTargetInput.fromObject({ action: 'compact' }),
          retryAttempts: 2,
        }),
      ],
    });
  }

  /** Lets a function search: the right to invoke, and where to find this one. */
  grantSearch(fn: AppFunction) {
    this.function.grantInvoke(fn.function);
    fn.function.addEnvironment('SEARCH_FUNCTION_NAME', this.function.functionName);
  }
}
