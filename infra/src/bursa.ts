import { Annotations, CfnOutput } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiFunction } from './api-function.ts';
import type { AppFunction } from './app-function.ts';
import { DataTable } from './data-table.ts';
import { EventsFunction } from './events-function.ts';
import { ImageFunction } from './image-function.ts';
import { JobsFunction } from './jobs-function.ts';
import { LogBucket } from './log-bucket.ts';
import { MediaBucket } from './media-bucket.ts';
import { OriginSecret } from './origin-secret.ts';
import { PaymentsFunction } from './payments-function.ts';
import { SearchFunction } from './search-function.ts';
import { Site } from './site.ts';
import { isProductionStage } from './stage.ts';
import { WebFunction } from './web-function.ts';

export interface BursaProps {
  /** Deployment stage, e.g. dev, alice, production. */
  stage: string;
  /**
   * Public origin of the site (custom domain, or the CloudFront URL from a previous
   * deploy), e.g. https://bursa.tangerangkota.go.id. The functions need it for
   * canonical and Open Graph URLs, but CloudFront's own domain cannot be handed to
   * them in the same deploy: the distribution depends on the function URLs, so the
   * functions cannot depend on the distribution (CloudFormation rejects the cycle).
   */
  siteUrl?: string;
  /** Official code of the regency/city served. @default '36.71' (Kota Tangerang) */
  homeRegency?: string;
  /** Add CfnOutputs (SiteUrl, TableName, MediaBucketName). SST adds its own instead. @default true */
  outputs?: boolean;
  /** A custom domain and its ACM certificate (in us-east-1); the site URL then defaults to https://<name>. */
  domain?: { name: string; certificateArn: string };
  /**
   * The WAF web ACL (an EdgeFirewall, created in us-east-1) for the distribution.
   * Required in production: pass `webAclArn: 'none'` only to deploy production
   * without one on purpose. @default none (other stages)
   */
  webAclArn?: string;
  /**
   * Card payments through Stripe Checkout: the ARN of a Secrets Manager secret
   * holding `{"secretKey": "sk_live_…", "webhookSecret": "whsec_…"}`, created by
   * the operator (the merchant of record). Unset: card payments are off. @default none
   */
  stripeSecretArn?: string;
  /** Reserved concurrency per function (a stage setting). @default none */
  reservedConcurrency?: { api?: number; web?: number; events?: number; image?: number; search?: number };
}

export { isProductionStage };

/** All of Bursa in one construct: mount it in a plain CDK stack or an SST stack. */
export class Bursa extends Construct {
  readonly table: DataTable;
  readonly media: MediaBucket;
  /** Access logs of CloudFront and the media bucket. */
  readonly logs: LogBucket;
  readonly api: ApiFunction;
  /** Payment providers' webhooks (/api/stripe/*), apart from the API. */
  readonly payments: PaymentsFunction;
  readonly web: WebFunction;
  readonly events: EventsFunction;
  /** Uploaded photos → WebP variants (the media bucket's event). */
  readonly images: ImageFunction;
  /** Scheduled work: unpaid orders expire (EventBridge, every 15 minutes). */
  readonly jobs: JobsFunction;
  /** Search: the web and the API invoke it; snapshots every 15 minutes. */
  readonly search: SearchFunction;
  /** Rotates the origin secret (Secrets Manager's rotation function). */
  readonly originRotation: AppFunction;
  readonly site: Site;
  /** The public origin: props.siteUrl, else the CloudFront distribution's https URL. */
  readonly siteUrl: string;
  readonly distributionDomainName: string;

  constructor(scope: Construct, id: string, props: BursaProps) {
    super(scope, id);
    const production = isProductionStage(props.stage);
    if (production && !props.webAclArn) {
      throw new Error(
        `Stage ${props.stage} is production and has no web ACL: deploy infra/src/edge-firewall.ts in us-east-1 (infra/bin/app.ts does it, or infra/bin/edge.ts) and pass its ARN as webAclArn (BURSA_WEB_ACL_ARN), or webAclArn 'none' (BURSA_WAF=off) to go without.`,
      );
    }
    const siteUrl = (props.siteUrl ?? (props.domain ? `https://${props.domain.name}` : undefined))?.replace(/\/$/, '');
    const concurrency = props.reservedConcurrency ?? {};
    const only = (n: number | undefined) => (n !== undefined ? { reservedConcurrency: n } : {});
    this.logs = new LogBucket(this, 'Logs', { production });

    this.table = new DataTable(this, 'Data', { production });
    this.media = new MediaBucket(this, 'Media', {
      production,
      accessLogs: this.logs.bucket,
      // Without a known site URL, accept any CloudFront-hosted origin (S3 allows one
      // wildcard) rather than a cycle (see siteUrl); presigned URLs, not CORS, are what
      // authorise an upload.
      allowedOrigins: [siteUrl ?? 'https://*.cloudfront.net'],
    });

    const originSecret = new OriginSecret(this, 'Origin', { production });
    const environment = {
      STAGE: props.stage,
      TABLE_NAME: this.table.table.tableName,
      MEDIA_BUCKET: this.media.bucket.bucketName,
      ...(siteUrl ? { SITE_URL: siteUrl } : {}),
      HOME_REGENCY: props.homeRegency ?? '36.71',
      ...(props.stripeSecretArn ? { STRIPE_SECRET_ARN: props.stripeSecretArn } : {}),
    };
    if (!siteUrl) {
      Annotations.of(this).addWarningV2(
        'bursa:site-url',
        'No siteUrl: the functions fall back to a localhost SITE_URL. Deploy again with BURSA_SITE_URL set to the SiteUrl output (or a custom domain).',
      );
    }

    const { STRIPE_SECRET_ARN: _stripe, ...apiEnvironment } = environment;
    this.api = new ApiFunction(this, 'Api', {
      table: this.table.table,
      mediaBucket: this.media.bucket,
      originSecret: originSecret.secret,
      environment: apiEnvironment,
      production,
      ...only(concurrency.api),
    });
    // Stripe's webhook: rare, and retried by Stripe when it fails, so no reserved concurrency.
    this.payments = new PaymentsFunction(this, 'Payments', {
      table: this.table.table,
      originSecret: originSecret.secret,
      environment: {
        STAGE: environment.STAGE,
        TABLE_NAME: environment.TABLE_NAME,
        MEDIA_BUCKET: environment.MEDIA_BUCKET,
        ...(siteUrl ? { SITE_URL: siteUrl } : {}),
        HOME_REGENCY: environment.HOME_REGENCY,
        ...(props.stripeSecretArn ? { STRIPE_SECRET_ARN: props.stripeSecretArn } : {}),
      },
      production,
    });
    this.web = new WebFunction(this, 'Web', {
      table: this.table.table,
      mediaBucket: this.media.bucket,
      originSecret: originSecret.secret,
      environment,
      production,
      ...only(concurrency.web),
    });
    // The table's stream consumer (projections): invoked by its event source, no URL.
    this.events = new EventsFunction(this, 'Events', {
      table: this.table.table,
      environment: {
        STAGE: environment.STAGE,
        TABLE_NAME: environment.TABLE_NAME,
        HOME_REGENCY: environment.HOME_REGENCY,
      },
      production,
      ...only(concurrency.events),
    });
    this.images = new ImageFunction(this, 'Images', {
      table: this.table.table,
      mediaBucket: this.media.bucket,
      environment: {
        STAGE: environment.STAGE,
        TABLE_NAME: environment.TABLE_NAME,
        MEDIA_BUCKET: environment.MEDIA_BUCKET,
        HOME_REGENCY: environment.HOME_REGENCY,
      },
      production,
      ...only(concurrency.image),
    });
    this.jobs = new JobsFunction(this, 'Jobs', {
      table: this.table.table,
      environment: {
        STAGE: environment.STAGE,
        TABLE_NAME: environment.TABLE_NAME,
        HOME_REGENCY: environment.HOME_REGENCY,
        ...(props.stripeSecretArn ? { STRIPE_SECRET_ARN: props.stripeSecretArn } : {}),
      },
      production,
    });
    this.search = new SearchFunction(this, 'Search', {
      table: this.table.table,
      mediaBucket: this.media.bucket,
      environment: {
        STAGE: environment.STAGE,
        TABLE_NAME: environment.TABLE_NAME,
        MEDIA_BUCKET: environment.MEDIA_BUCKET,
        HOME_REGENCY: environment.HOME_REGENCY,
      },
      production,
      ...only(concurrency.search),
    });
    this.search.grantSearch(this.web);
    this.search.grantSearch(this.api);
    this.site = new Site(this, 'Site', {
      webUrl: this.web.url,
      apiUrl: this.api.url,
      paymentsUrl: this.payments.url,
      mediaBucket: this.media.bucket,
      originSecret: originSecret.value,
      accessLogs: this.logs.bucket,
      ...(props.stripeSecretArn ? { cardPayments: true } : {}),
      ...(props.domain ? { domain: props.domain } : {}),
      ...(props.webAclArn && props.webAclArn !== 'none' ? { webAclArn: props.webAclArn } : {}),
    });

    this.originRotation = originSecret.rotateWith(this.site.distribution);

    this.distributionDomainName = this.site.distribution.distributionDomainName;
    this.siteUrl = siteUrl ?? `https://${this.distributionDomainName}`;

    if (props.outputs ?? true) {
      new CfnOutput(this, 'SiteUrl', { value: this.siteUrl });
      new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
      new CfnOutput(this, 'MediaBucketName', { value: this.media.bucket.bucketName });
    }
  }
}
