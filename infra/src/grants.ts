import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The DynamoDB data actions a Bursa function may be granted, by name. Never
 * Scan (core reads by key or Query only, docs/architecture.md) and no
 * wildcards: test/grants checks each granted action against what the tests
 * saw the function send.
 */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:ConditionCheckItem';

export interface TableGrantOptions {
  /** Also allow dynamodb:Query on the table's global secondary indexes (`<table>/index/*`). @default false */
  queryIndexes?: boolean;
}

/**
 * Grants exactly these actions on the table (and, with `queryIndexes`, Query on
 * its indexes: the only action an index takes), instead of CDK's
 * grantReadData/grantReadWriteData, which add Scan, DescribeTable,
 * ConditionCheckItem and the rest whether the code uses them or not.
 * The table is encrypted with an AWS-owned key: a customer-managed key would
 * need kms grants as well.
 */
export function grantTableActions(
  grantee: iam.IGrantable,
  table: dynamodb.ITableV2,
  actions: readonly TableAction[],
  options: TableGrantOptions = {},
): void {
  if (actions.length > 0) {
    iam.Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [table.tableArn] });
  }
  if (options.queryIndexes) {
    iam.Grant.addToPrincipal({ grantee, actions: ['dynamodb:Query'], resourceArns: [`${table.tableArn}/index/*`] });
  }
}
