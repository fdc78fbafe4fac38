import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface MediaBucketProps {
  /** Origins allowed to upload from the browser with presigned URLs, e.g. https://bursa.example.id. */
  allowedOrigins: string[];
  /** Production keeps uploads when the stack is deleted. */
  production: boolean;
  /** Where S3 writes its access logs (prefix media/). */
  accessLogs?: s3.IBucket;
}

/**
 * User uploads (logos, photos, CVs). Private: browsers upload with presigned
 * URLs issued by the API, and CloudFront serves only keys under `media/`
 * (see Site), so anything stored elsewhere (e.g. CVs) stays private.
 */
export class MediaBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Presigned PUT/POST come straight from the browser, cross-origin from the site.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedOrigins: props.allowedOrigins,
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      // An overwritten or deleted upload can be restored for 30 days.
      versioned: true,
      // Abandoned multipart uploads are invisible but billed; old versions go after 30 days.
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(30) },
      ],
      ...(props.accessLogs ? { serverAccessLogsBucket: props.accessLogs, serverAccessLogsPrefix: 'media/' } : {}),
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // Throwaway stages must be deletable even with uploads in them.
      autoDeleteObjects: !props.production,
    });
  }
}
