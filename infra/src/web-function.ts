import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type AppEnvironment, UrlFunction } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface WebFunctionProps {
  table: dynamodb.ITableV2;
  environment: AppEnvironment;
  production: boolean;
  reservedConcurrency?: number;
}

/** The Astro SSR app (web/), CloudFront's default origin. */
export class WebFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: WebFunctionProps) {
    super(scope, id, {
      bundle: 'web',
      environment: props.environment,
      production: props.production,
      reservedConcurrency: props.reservedConcurrency,
    });
    // Pages read and write through core directly (sign-in, registration, companies,
    // vacancies): exactly what they send (test/grants checks it both ways). Media is
    // served by CloudFront, not read here.
    grantTableActions(
      this.function,
      props.table,
      [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
      ],
      { queryIndexes: true },
    );
  }
}
