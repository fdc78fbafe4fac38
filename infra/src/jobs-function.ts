import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction, grantStripeSecret } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface JobsFunctionProps {
  table: dynamodb.ITableV2;
  environment: Pick<AppEnvironment, 'STAGE' | 'TABLE_NAME' | 'HOME_REGENCY' | 'STRIPE_SECRET_ARN'>;
  production: boolean;
}

/**
 * Scheduled work, never done in a request (functions/src/jobs): every 15
 * minutes, unpaid transfer and card orders older than 24 hours expire and
 * give their stock back (reads the orders' expiry index; each order moves in
 * a transaction with its products). Card sessions are cancelled at Stripe.
 * Interview slots booked at job fairs starting in about an hour remind their
 * candidates (an inbox notification, once).
 */
export class JobsFunction extends AppFunction {
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: JobsFunctionProps) {
    super(scope, id, {
      bundle: 'jobs',
      environment: props.environment,
      production: props.production,
      timeout: Duration.minutes(5),
      // One run at a time: a slow run is not overtaken by the next one.
      reservedConcurrency: 1,
    });
    // Expiry: conditional updates of orders and products; reminders: a notification, its inbox count and its mark.
    grantTableActions(this.function, props.table, ['dynamodb:UpdateItem', 'dynamodb:PutItem'], { queryIndexes: true });
    grantStripeSecret(this.function, props.environment.STRIPE_SECRET_ARN);
    this.schedule = new events.Rule(this, 'Every15Minutes', {
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
