import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { isProductionStage } from './stage.ts';

/** Where people sign in, reset a password and sign up, in both languages and in the API. */
export const SIGN_IN_PATHS = [
  '/masuk',
  '/en/masuk',
  '/api/auth/signin',
  '/lupa-sandi',
  '/en/lupa-sandi',
  '/atur-ulang-sandi',
  '/en/atur-ulang-sandi',
  '/api/auth/reset',
] as const;
export const SIGN_UP_PATHS = ['/daftar', '/en/daftar', '/api/auth/register'] as const;

export interface EdgeFirewallProps {
  /** POSTs per client address per 5 minutes to sign-in and reset before WAF blocks it. @default 300 */
  signInLimit?: number;
  /** POSTs per client address per 5 minutes to sign-up. @default 100 */
  signUpLimit?: number;
  /** All requests per client address per 5 minutes. @default 3000 */
  overallLimit?: number;
}

/**
 * A WAF web ACL for the CloudFront distribution: a coarse flood shield in front
 * of the app's own limits (packages/core/src/limit), which are finer (per
 * account, per device, per /64) but cost a DynamoDB write per attempt. WAF
 * stops a flood at the edge, free of Lambda and DynamoDB cost.
 *
 * Limits are per client address and generous on purpose: a mobile carrier's
 * NAT or a job fair's Wi-Fi puts hundreds of honest people behind one
 * address (300 sign-ins in 5 minutes is a fair hall opening its doors). The
 * blocked get a 429 page in both languages, like the app's own.
 *
 * CloudFront web ACLs must be created in us-east-1, whatever region the rest
 * of Bursa is in: mount this in a us-east-1 stack (infra/bin/app.ts does; with
 * SST see infra/bin/edge.ts) and hand its `arn` to Bursa as `webAclArn`.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps = {}) {
    super(scope, id);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const block = { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'tooMany' } } };
    const posts = (paths: readonly string[]): wafv2.CfnWebACL.StatementProperty => ({
      andStatement: {
        statements: [
          {
            byteMatchStatement: {
              fieldToMatch: { method: {} },
              positionalConstraint: 'EXACTLY',
              searchString: 'POST',
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          {
            orStatement: {
              statements: paths.map((p) => ({
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: p,
                  // Paths are matched as lowercase: /MASUK must not slip past.
                  textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                },
              })),
            },
          },
        ],
      },
    });
    const rateRule = (
      name: string,
      priority: number,
      limit: number,
      scopeDown?: wafv2.CfnWebACL.StatementProperty,
    ) => ({
      name,
      priority,
      action: block,
      statement: {
        rateBasedStatement: {
          limit,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          ...(scopeDown ? { scopeDownStatement: scopeDown } : {}),
        },
      },
      visibilityConfig: visibility(`bursa-${name}`),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Bursa: rate limits on sign-in, password reset and sign-up, and a flood ceiling',
      defaultAction: { allow: {} },
      customResponseBodies: {
        tooMany: {
          contentType: 'TEXT_HTML',
          content:
            '<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
            '<title>Terlalu banyak permintaan</title><h1>Terlalu banyak permintaan</h1>' +
            '<p>Terlalu banyak percobaan dari jaringan Anda. Tunggu beberapa menit, lalu coba lagi.</p>' +
            '<p lang="en">Too many attempts from your network. Wait a few minutes, then try again.</p></html>',
        },
      },
      rules: [
        rateRule('sign-in', 0, props.signInLimit ?? 300, posts(SIGN_IN_PATHS)),
        rateRule('sign-up', 1, props.signUpLimit ?? 100, posts(SIGN_UP_PATHS)),
        rateRule('flood', 2, props.overallLimit ?? 3000),
      ],
      visibilityConfig: visibility('bursa-edge'),
    });
    this.arn = this.webAcl.attrArn;
  }
}

/**
 * The stage setting: BURSA_WAF=on or off, and by default on in production
 * only (a web ACL costs about US$5 a month plus US$1 per rule, more than a
 * throwaway stage is worth).
 */
export function firewallWanted(stage: string, setting: string | undefined): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return isProductionStage(stage);
}
