import { type App, Stack } from 'aws-cdk-lib';
import { Bursa } from './bursa.ts';
import { EdgeFirewall, firewallWanted } from './edge-firewall.ts';

export interface StackSettings {
  stage: string;
  /** The account to deploy to (CDK_DEFAULT_ACCOUNT); undefined for an offline synth. */
  account?: string;
  /** Where Bursa lives. @default ap-southeast-3 (Jakarta) */
  region?: string;
  siteUrl?: string;
  /** BURSA_WAF: on, off, or unset (on in production only). */
  waf?: string;
  /** BURSA_WEB_ACL_ARN: an existing web ACL to use instead of creating one. */
  webAclArn?: string;
  /** BURSA_STRIPE_SECRET_ARN: card payments on (see Bursa's stripeSecretArn). */
  stripeSecretArn?: string;
}

/**
 * The plain-CDK layout (infra/bin/app.ts): Bursa in its region and, when the
 * stage wants the edge firewall, a small us-east-1 stack holding the web ACL
 * (CloudFront requires it there), its ARN passed across with CDK's
 * cross-region references.
 */
export function bursaStacks(app: App, settings: StackSettings): { main: Stack; edge?: Stack; bursa: Bursa } {
  const { stage } = settings;
  const wanted = firewallWanted(stage, settings.waf);
  let webAclArn = wanted ? settings.webAclArn : 'none';
  let edge: Stack | undefined;
  if (wanted && !webAclArn) {
    edge = new Stack(app, `Bursa-${stage}-edge`, {
      env: { account: settings.account, region: 'us-east-1' },
      description: `Bursa edge firewall (${stage}): CloudFront web ACLs live in us-east-1`,
      crossRegionReferences: true,
    });
    webAclArn = new EdgeFirewall(edge, 'Firewall').arn;
  }
  const main = new Stack(app, `Bursa-${stage}`, {
    env: { account: settings.account, region: settings.region ?? 'ap-southeast-3' },
    description: `Bursa virtual job fair (${stage})`,
    crossRegionReferences: edge !== undefined,
  });
  const bursa = new Bursa(main, 'Bursa', {
    stage,
    siteUrl: settings.siteUrl,
    ...(settings.stripeSecretArn ? { stripeSecretArn: settings.stripeSecretArn } : {}),
    ...(webAclArn ? { webAclArn } : {}),
  });
  return { main, bursa, ...(edge ? { edge } : {}) };
}
