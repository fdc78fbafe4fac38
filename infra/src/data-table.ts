import { tableDesign } from '@bursa/core/db';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface DataTableProps {
  /** Production keeps its data: deletion protection on and the table survives stack deletion. */
  production: boolean;
}

/**
 * Bursa's single DynamoDB table. Keys, indexes and TTL come from core's
 * `tableDesign`, the same object the local stack passes to CreateTable.
 */
export class DataTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: str(tableDesign.partitionKey),
      sortKey: str(tableDesign.sortKey),
      globalSecondaryIndexes: tableDesign.globalIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        // Overloaded indexes serve many entity types: projecting everything avoids a second read.
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      // Traffic of a job fair is spiky (opening day, deadlines): pay per request, nothing to tune.
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDesign.ttlAttribute,
      // Old and new images, so future consumers (search index, notifications, audit) need no re-read.
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
