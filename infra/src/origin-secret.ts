import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

export { ORIGIN_HEADER } from '@bursa/http';

export interface OriginSecretProps {
  production: boolean;
  /** How often the value changes. @default 30 days */
  rotateEvery?: Duration;
}

/**
 * A random value only CloudFront and the functions know. The function URLs
 * are public (see UrlFunction), so without it anyone could call them directly
 * and claim any CloudFront-Viewer-Address, dodging the per-client limits.
 *
 * CloudFront sends it as ORIGIN_HEADER (its origin config holds the value:
 * CloudFormation resolves it at deploy, the rotation function updates it).
 * The functions get only the secret's ARN and read the value from Secrets
 * Manager at run time (@bursa/http origin-secret.ts), accepting the current,
 * pending and previous values, so a rotation never refuses a request.
 */
export class OriginSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  /** A CloudFormation dynamic reference for CloudFront's origin config, resolved at deploy time (never the value). */
  readonly value: string;
  private readonly production: boolean;
  private readonly rotateEvery: Duration;

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    this.production = props.production;
    this.rotateEvery = props.rotateEvery ?? Duration.days(30);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Bursa: shared by CloudFront and the functions to prove a request came through CloudFront',
      generateSecretString: { passwordLength: 40, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Deliberately unwrapped: CloudFront custom headers take plain strings; the token is a
    // {{resolve:secretsmanager:…}} reference, not the value.
    this.value = this.secret.secretValue.unsafeUnwrap();
  }

  /**
   * Rotates the value every `rotateEvery` with functions/src/rotate (its
   * `rotate` bundle): new value, CloudFront switched and deployed, then the
   * labels moved. Granted exactly what that function sends (test/grants).
   */
  rotateWith(distribution: cloudfront.IDistribution): AppFunction {
    const rotation = new AppFunction(this, 'Rotation', {
      bundle: 'rotate',
      environment: { ORIGIN_DISTRIBUTION_ID: distribution.distributionId },
      production: this.production,
      // testSecret waits for CloudFront to deploy the new header everywhere (minutes).
      timeout: Duration.minutes(15),
      memorySize: 256,
    });
    const fn = rotation.function;
    iam.Grant.addToPrincipal({
      grantee: fn,
      actions: [
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
        'secretsmanager:UpdateSecretVersionStage',
      ],
      resourceArns: [this.secret.secretArn],
    });
    // Not tied to a secret: IAM authorises it on '*' only.
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['secretsmanager:GetRandomPassword'], resourceArns: ['*'] });
    iam.Grant.addToPrincipal({
      grantee: fn,
      actions: ['cloudfront:GetDistribution', 'cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
      resourceArns: [
        Stack.of(this).formatArn({
          service: 'cloudfront',
          region: '',
          resource: 'distribution',
          resourceName: distribution.distributionId,
        }),
      ],
    });
    fn.addPermission('InvokedBySecretsManager', {
      principal: new iam.ServicePrincipal('secretsmanager.amazonaws.com'),
      sourceArn: this.secret.secretArn,
    });
    // The L1 schedule, not secret.addRotationSchedule: that one also grants UpdateSecret,
    // which the function never sends (least privilege, test/grants).
    const schedule = new secretsmanager.CfnRotationSchedule(this, 'Schedule', {
      secretId: this.secret.secretArn,
      rotationLambdaArn: fn.functionArn,
      rotationRules: { scheduleExpression: `rate(${this.rotateEvery.toDays()} days)` },
    });
    schedule.node.addDependency(fn);
    return rotation;
  }
}
