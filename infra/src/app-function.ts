import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildOutput } from './paths.ts';

/** What the HTTP functions read from the environment (packages/core/src/kernel/config.ts). */
export interface AppEnvironment {
  STAGE: string;
  TABLE_NAME: string;
  MEDIA_BUCKET: string;
  /** Omitted only when the site URL is not known at deploy time (see Bursa). */
  SITE_URL?: string;
  HOME_REGENCY: string;
  /** Proves a request came through CloudFront (see OriginSecret). */
  ORIGIN_SECRET: string;
}

export interface AppFunctionProps {
  /** Folder under dist/lambda/ holding the pre-bundled index.mjs. */
  bundle: 'api' | 'web' | 'events';
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

export interface UrlFunctionProps extends Omit<AppFunctionProps, 'bundle' | 'environment'> {
  bundle: 'api' | 'web';
  environment: AppEnvironment;
}

/** A function CloudFront calls (api, web): an AppFunction with a public function URL. */
export class UrlFunction extends AppFunction {
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: UrlFunctionProps) {
    super(scope, id, props);
    // authType NONE, not AWS_IAM behind a CloudFront origin access control: OAC signs
    // requests for Lambda URLs only if the viewer sends x-amz-content-sha256 with POST/PUT
    // bodies, which browsers do not, so form posts and JSON APIs would fail. The URL is
    // therefore reachable directly too: CloudFront adds the OriginSecret header, and the
    // functions refuse requests without it.
    this.url = this.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  }
}
