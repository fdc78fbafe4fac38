import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction } from './app-function.ts';

export interface WebFunctionProps {
  table: dynamodb.ITableV2;
  environment: AppEnvironment;
  production: boolean;
}

/** The Astro SSR app (web/), CloudFront's default origin. */
export class WebFunction extends AppFunction {
  constructor(scope: Construct, id: string, props: WebFunctionProps) {
    super(scope, id, { bundle: 'web', environment: props.environment, production: props.production });
    // Pages only read; every write goes through the API. Media is served by CloudFront, not read here.
    props.table.grantReadData(this.function);
  }
}
