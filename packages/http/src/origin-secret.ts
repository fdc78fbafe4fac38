import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '@bursa/core/kernel';

/**
 * CloudFront adds this header, carrying a secret only it and the functions
 * know (infra's OriginSecret), to every request it sends to a function URL.
 * Function URLs are public, so this is how a function tells a request that
 * came through CloudFront (whose CloudFront-Viewer-Address it can trust) from
 * one sent straight to it. Locally (stage `local`) there is no CloudFront and
 * no secret: the check is off. Anywhere else it FAILS CLOSED: a deployed
 * function without its secret refuses every request rather than trusting all.
 */
export const ORIGIN_HEADER = 'x-bursa-origin';

type Expected = { originSecret: string | undefined; stage: string };

export function cameThroughCloudFront(config: Expected, presented: string | null | undefined): boolean {
  const expected = config.originSecret;
  if (!expected) return config.stage === 'local';
  const a = Buffer.from(expected);
  const b = Buffer.from(presented ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertCameThroughCloudFront(config: Expected, presented: string | null | undefined): void {
  if (!cameThroughCloudFront(config, presented)) {
    throw new DomainError('forbidden', 'request.direct_access');
  }
}
