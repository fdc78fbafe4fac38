import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { grantTableActions } from './grants.ts';
import { buildOutput } from './paths.ts';

/** What the HTTP functions read from the environment (packages/core/src/kernel/config.ts). */
export interface AppEnvironment {
  STAGE: string;
  TABLE_NAME: string;
  MEDIA_BUCKET: string;
  /** Omitted only when the site URL is not known at deploy time (see Bursa). */
  SITE_URL?: string;
  HOME_REGENCY: string;
  /** The secret CloudFront's origin header carries (see OriginSecret), read at run time: its ARN, never its value. */
  ORIGIN_SECRET_ARN: string;
  /** The rotation function only: the distribution whose origin header it rotates. */
  ORIGIN_DISTRIBUTION_ID: string;
  /** Card payments: the Secrets Manager secret with the Stripe keys (its ARN, never the keys). Unset: card payments are off. */
  STRIPE_SECRET_ARN?: string;
}

export interface AppFunctionProps {
  /** Folder under dist/lambda/ holding the pre-bundled index.mjs. */
  bundle: 'api' | 'payments' | 'web' | 'events' | 'rotate' | 'image' | 'jobs' | 'search';
  /** Variables left undefined are not set (core's config then uses its default). */
  environment: Partial<AppEnvironment>;
  production: boolean;
  /** @default 512 */
  memorySize?: number;
  /** @default 10 seconds */
  timeout?: Duration;
  /** Reserved concurrency (a stage setting): caps what one function may use of the account's pool, and guarantees it. @default none */
  reservedConcurrency?: number;
}

/**
 * The shape every Bursa function shares: a pre-bundled Node 22 handler on ARM
 * and its own log group. Permissions are granted per function, action by
 * action (see grants.ts).
 */
export class AppFunction extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const environment = Object.fromEntries(
      Object.entries(props.environment).filter((e): e is [string, string] => e[1] !== undefined),
    );
    this.function = new lambda.Function(this, 'Function', {
      // Same major as local development (Node 22): no surprises between the two.
      runtime: lambda.Runtime.NODEJS_22_X,
      // Graviton: about 20% cheaper per GB-second, and our bundles are pure JavaScript.
      architecture: lambda.Architecture.ARM_64,
      // Bundled by scripts/bundle-functions.ts (npm run build), not by CDK.
      code: lambda.Code.fromAsset(buildOutput(`dist/lambda/${props.bundle}`)),
      handler: 'index.handler',
      memorySize: props.memorySize ?? 512,
      reservedConcurrentExecutions: props.reservedConcurrency,
      timeout: props.timeout ?? Duration.seconds(10),
      // Never DYNAMODB_ENDPOINT or S3_ENDPOINT: their absence is what makes the SDK use AWS.
      environment,
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      }),
    });
  }
}

/** Reading the Stripe keys' secret, when the deployment configured card payments. */
export function grantStripeSecret(grantee: iam.IGrantable, arn: string | undefined): void {
  if (!arn) return;
  iam.Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [arn] });
}

export interface OriginFunctionProps extends Omit<AppFunctionProps, 'bundle' | 'environment'> {
  bundle: 'api' | 'payments' | 'web';
  /** The origin secret (see OriginSecret): its ARN is passed, and only GetSecretValue granted. */
  originSecret: secretsmanager.ISecret;
  environment: Omit<AppEnvironment, 'ORIGIN_SECRET_ARN' | 'ORIGIN_DISTRIBUTION_ID'>;
}

/**
 * A function CloudFront calls (api, payments, web): an AppFunction with a public
 * function URL that refuses requests without the origin secret. What else it may
 * do, each subclass grants.
 */
export class OriginFunction extends AppFunction {
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: OriginFunctionProps) {
    super(scope, id, {
      ...props,
      environment: { ...props.environment, ORIGIN_SECRET_ARN: props.originSecret.secretArn },
    });
    // authType NONE, not AWS_IAM behind a CloudFront origin access control: OAC signs
    // requests for Lambda URLs only if the viewer sends x-amz-content-sha256 with POST/PUT
    // bodies, which browsers do not, so form posts and JSON APIs would fail. The URL is
    // therefore reachable directly too: CloudFront adds the OriginSecret header, and the
    // functions refuse requests without it.
    this.url = this.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    // Read, not DescribeSecret or the rest of grantRead: the value is all the check needs.
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [props.originSecret.secretArn],
    });
  }
}

export interface UrlFunctionProps extends OriginFunctionProps {
  bundle: 'api' | 'web';
  table: dynamodb.ITableV2;
  /** Private uploads (CVs): presigned POSTs are signed with the function's role, so it needs PutObject itself. */
  mediaBucket: s3.IBucket;
}

/**
 * The functions people's requests reach (api, web): an OriginFunction with the
 * table actions pages and routes send (both read and write through core;
 * test/grants checks them both ways). Media is served by CloudFront, not read here.
 */
export class UrlFunction extends OriginFunction {
  constructor(scope: Construct, id: string, props: UrlFunctionProps) {
    super(scope, id, props);
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
    // Private uploads only, CVs and certificates (core's media.uploads.ts): sign the upload, check the
    // object (Head/Get), delete what fails, sign 5-minute reads.
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      resourceArns: [
        props.mediaBucket.arnForObjects('private/cv/*'),
        props.mediaBucket.arnForObjects('private/certificates/*'),
      ],
    });
    // Transfer proofs (private images written by the image function): 5-minute reads for the buyer, the seller and officers.
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:GetObject'],
      resourceArns: [props.mediaBucket.arnForObjects('private/img/*')],
    });
    // Photos (core's media.images.ts): only signing their upload under uploads/; the image function does the rest.
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:PutObject'],
      resourceArns: [props.mediaBucket.arnForObjects('uploads/*')],
    });
  }
}
