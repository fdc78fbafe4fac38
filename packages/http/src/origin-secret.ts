import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '@bursa/core/kernel';

/**
 * CloudFront adds this header, carrying a secret only it and the functions
 * know (infra's OriginSecret), to every request it sends to a function URL.
 * Function URLs are public, so this is how a function tells a request that
 * came through CloudFront (whose CloudFront-Viewer-Address it can trust) from
 * one sent straight to it. Unset ORIGIN_SECRET (local) turns the check off.
 */
export const ORIGIN_HEADER = 'x-bursa-origin';

export function cameThroughCloudFront(expected: string | undefined, presented: string | null | undefined): boolean {
  if (!expected) return true;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertCameThroughCloudFront(expected: string | undefined, presented: string | null | undefined): void {
  if (!cameThroughCloudFront(expected, presented)) {
    throw new DomainError('forbidden', 'request.direct_access');
  }
}
