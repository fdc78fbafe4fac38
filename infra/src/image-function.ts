import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { type AppEnvironment, AppFunction } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export interface ImageFunctionProps {
  table: dynamodb.ITableV2;
  mediaBucket: s3.Bucket;
  environment: Pick<AppEnvironment, 'STAGE' | 'TABLE_NAME' | 'MEDIA_BUCKET' | 'HOME_REGENCY'>;
  production: boolean;
  reservedConcurrency?: number;
}

/**
 * Uploaded photos → WebP variants (functions/src/images): the bucket invokes it
 * for every object created under `uploads/`. It reads the upload, writes
 * `media/img/*` (served by CloudFront), deletes what is not a photo, and
 * records the Image. The only function carrying sharp (its linux-arm64
 * binary sits next to the bundle: scripts/bundle-functions.ts).
 */
export class ImageFunction extends AppFunction {
  constructor(scope: Construct, id: string, props: ImageFunctionProps) {
    super(scope, id, {
      bundle: 'image',
      environment: props.environment,
      production: props.production,
      // libvips is CPU-bound: 1,024 MB buys a whole vCPU (a 12-megapixel photo in about a quarter second).
      memorySize: 1024,
      timeout: Duration.seconds(30),
      reservedConcurrency: props.reservedConcurrency,
    });
    grantTableActions(this.function, props.table, ['dynamodb:PutItem']);
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:GetObject', 's3:DeleteObject'],
      resourceArns: [props.mediaBucket.arnForObjects('uploads/*')],
    });
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:PutObject'],
      // Public variants, and private images (transfer proofs) that only signed links read.
      resourceArns: [props.mediaBucket.arnForObjects('media/img/*'), props.mediaBucket.arnForObjects('private/img/*')],
    });
    props.mediaBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.function), {
      prefix: 'uploads/',
    });
  }
}
