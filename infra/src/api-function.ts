import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type AppEnvironment, UrlFunction } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface ApiFunctionProps {
  table: dynamodb.ITableV2;
  environment: AppEnvironment;
  production: boolean;
  reservedConcurrency?: number;
}

/** The Hono API (functions/src/api), served by CloudFront under /api/*. */
export class ApiFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id, {
      bundle: 'api',
      environment: props.environment,
      production: props.production,
      reservedConcurrency: props.reservedConcurrency,
    });
    // Exactly what its routes send (test/grants checks it both ways).
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
    // No media bucket grant: no API code touches S3 yet. Grant the object actions the
    // media code sends (presigned PUT, GET) when it lands, and test/grants will check them.
  }
}
