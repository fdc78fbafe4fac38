import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction } from './app-function.ts';

export interface ApiFunctionProps {
  table: dynamodb.ITableV2;
  mediaBucket: s3.IBucket;
  environment: AppEnvironment;
  production: boolean;
}

/** The Hono API (functions/src/api), served by CloudFront under /api/*. */
export class ApiFunction extends AppFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id, { bundle: 'api', environment: props.environment, production: props.production });
    // The API is the only writer: the table, and media objects it presigns uploads for.
    props.table.grantReadWriteData(this.function);
    props.mediaBucket.grantReadWrite(this.function);
  }
}
