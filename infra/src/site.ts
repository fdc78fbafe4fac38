import { readdirSync } from 'node:fs';
import { PAYMENT_WEBHOOKS_PATH, STRIPE_CHECKOUT_ORIGIN, securityHeaders } from '@bursa/http';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from './origin-secret.ts';
import { buildOutput } from './paths.ts';

export interface SiteProps {
  /** Card payments are on: checkout forms redirect to Stripe Checkout (CSP form-action). @default false */
  cardPayments?: boolean;
  /** Astro SSR function URL: the default origin (every page). */
  webUrl: lambda.IFunctionUrl;
  /** API function URL, served under /api/*. */
  apiUrl: lambda.IFunctionUrl;
  /** Payments function URL: the payment webhooks (@bursa/http's PAYMENT_WEBHOOKS_PATH), ahead of /api/*. */
  paymentsUrl: lambda.IFunctionUrl;
  /** Uploads; CloudFront serves its `media/` keys under /media/*. */
  mediaBucket: s3.IBucket;
  /** Sent to every function URL as ORIGIN_HEADER (see OriginSecret). */
  originSecret: string;
  /** Where CloudFront writes its access logs (prefix cloudfront/). */
  accessLogs?: s3.IBucket;
  /** A custom domain: its name and an ACM certificate for it (which must be in us-east-1, as CloudFront requires). */
  domain?: { name: string; certificateArn: string };
  /** The WAF web ACL in front of everything (EdgeFirewall's arn, in us-east-1). */
  webAclArn?: string;
}

/**
 * One CloudFront distribution in front of everything, so the site, the API and
 * media share one origin (no CORS between them, one TLS certificate):
 *   /_astro/* and public files -> static assets bucket (built by Astro)
 *   /api/stripe/*               -> payments function URL (the payment webhooks)
 *   /api/*                      -> API function URL
 *   /media/*                    -> media bucket
 *   everything else             -> SSR function URL
 */
export class Site extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly assets: s3.Bucket;
  /** Security headers on every response (the same values the app sets). */
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const clientDir = buildOutput('web/dist/client');

    // Build output only, rebuilt on every deploy: nothing worth retaining.
    this.assets = new s3.Bucket(this, 'Assets', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // The security headers the app sets (@bursa/http security-headers.ts), on every response
    // CloudFront sends, static files and media included; overriding whatever an origin said.
    // Upload forms post straight to the media bucket (presigned POST): the one other origin a form may submit to.
    // Forms may go to the media bucket (uploads) and Stripe Checkout (card payments, where configured).
    const headers = securityHeaders(
      'https://bursa.invalid',
      `https://${props.mediaBucket.bucketRegionalDomainName}${props.cardPayments ? ` ${STRIPE_CHECKOUT_ORIGIN}` : ''}`,
    );
    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Bursa security headers (packages/http/src/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: headers['Content-Security-Policy'] as string, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: headers['Permissions-Policy'] as string, override: true },
          {
            header: 'Cross-Origin-Opener-Policy',
            value: headers['Cross-Origin-Opener-Policy'] as string,
            override: true,
          },
        ],
      },
    });
    const responseHeadersPolicy = this.responseHeaders;

    const assetsOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.assets);
    const assetsBehavior: cloudfront.BehaviorOptions = {
      origin: assetsOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      compress: true,
    };
    // /_astro/* (hashed files) plus one behaviour per top-level public file or folder
    // (favicon.svg, robots.txt, ...): the SSR function never serves them.
    const staticPaths = new Set(['/_astro/*']);
    for (const entry of readdirSync(clientDir, { withFileTypes: true })) {
      staticPaths.add(entry.isDirectory() ? `/${entry.name}/*` : `/${entry.name}`);
    }

    // Pages decide their own caching with Cache-Control (default: not cached). Query
    // strings and cookies are in the cache key, so a page cached for one visitor's
    // session can never be served to another; responses that vary on a header must
    // send `private` or `no-store`.
    const pagesCachePolicy = new cloudfront.CachePolicy(this, 'PagesCache', {
      comment: 'Bursa SSR pages: honour origin Cache-Control',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // What the functions need from the viewer, and nothing else: cookies (sessions),
    // Origin/Referer and x-csrf-token (CSRF checks), the viewer's real address (sign-in
    // rate limits; X-Forwarded-For is whatever the client says). Never Host: a function
    // URL answers only to its own host name.
    const appOriginRequest = new cloudfront.OriginRequestPolicy(this, 'AppOriginRequest', {
      comment: 'Bursa functions: cookies, query, CSRF and viewer-address headers',
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
        'Accept',
        'Accept-Language',
        'Content-Type',
        'Origin',
        'Referer',
        'User-Agent',
        'X-CSRF-Token',
        'CloudFront-Viewer-Address',
      ),
    });

    // The API's and the webhooks' functions: nothing cached, every method, the origin secret.
    const apiBehavior = (url: lambda.IFunctionUrl): cloudfront.BehaviorOptions => ({
      origin: new origins.FunctionUrlOrigin(url, { customHeaders: { [ORIGIN_HEADER]: props.originSecret } }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: appOriginRequest,
      responseHeadersPolicy,
      compress: true,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Bursa',
      defaultBehavior: {
        origin: new origins.FunctionUrlOrigin(props.webUrl, { customHeaders: { [ORIGIN_HEADER]: props.originSecret } }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Pages handle form posts too.
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: pagesCachePolicy,
        originRequestPolicy: appOriginRequest,
        responseHeadersPolicy,
        compress: true,
      },
      additionalBehaviors: {
        // CloudFront takes the first pattern that matches, in this order: the webhooks before the rest of /api.
        [`${PAYMENT_WEBHOOKS_PATH}*`]: apiBehavior(props.paymentsUrl),
        '/api/*': apiBehavior(props.apiUrl),
        '/media/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(props.mediaBucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy,
          compress: true,
        },
        ...Object.fromEntries([...staticPaths].map((p) => [p, assetsBehavior])),
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Price class 200 includes the Jakarta and Singapore edges; 100 (NA/EU only) would not.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.accessLogs ? { enableLogging: true, logBucket: props.accessLogs, logFilePrefix: 'cloudfront/' } : {}),
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }
        : {}),
    });

    // The OAC grant above covers the whole media bucket. Deny CloudFront everything
    // outside media/, so private uploads (CVs, documents) cannot be fetched through it
    // whatever path a viewer tries.
    props.mediaBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        notResources: [props.mediaBucket.arnForObjects('media/*')],
      }),
    );

    // Hashed files never change: cache them for a year in browsers, and keep old ones
    // (no prune) so pages rendered before this deploy still find their assets.
    new s3deploy.BucketDeployment(this, 'DeployHashedAssets', {
      sources: [s3deploy.Source.asset(clientDir)],
      destinationBucket: this.assets,
      exclude: ['*'],
      include: ['_astro/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    // Everything else may change under the same name: short browser cache, and invalidate
    // the CDN (pages too, since they reference the new asset hashes).
    new s3deploy.BucketDeployment(this, 'DeployPublicFiles', {
      sources: [s3deploy.Source.asset(clientDir)],
      destinationBucket: this.assets,
      exclude: ['_astro/*'],
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=3600')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
  }
}
