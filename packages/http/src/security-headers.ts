import { createHash } from 'node:crypto';
import { SHARE_SCRIPT } from './share-script.ts';

/**
 * The security headers every response carries, defined once: the web and the
 * API set them (so `npm start` and the tests see them) and infra builds
 * CloudFront's response headers policy from the same values.
 *
 * - Scripts: only our own files and the one inline script, by hash
 *   (share-script.ts). No 'unsafe-inline', no eval.
 * - Styles: Astro inlines each page's (scoped) CSS in <style> blocks, which
 *   differ per page and build, so style-src allows inline styles. Styles cannot
 *   run code; the script policy is what stops an injection.
 * - Nobody may frame the site (the officer's one-button forms): frame-ancestors
 *   'none' and X-Frame-Options DENY for old browsers.
 */
export const SHARE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SHARE_SCRIPT).digest('base64')}'`;

/**
 * `uploadOrigin`: where forms may go besides our own origin, space-separated:
 * the media bucket (upload forms post files straight to it, see core's Media)
 * and, where card payments are on, the payment page a checkout redirects to
 * (browsers apply form-action to a form's redirects too).
 */
export const contentSecurityPolicy = (uploadOrigin?: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${SHARE_SCRIPT_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self'${uploadOrigin ? ` ${uploadOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The media bucket's origin for browser uploads: the local S3 locally, the bucket's regional endpoint in AWS. */
export function uploadOriginOf(config: {
  s3Endpoint?: string | undefined;
  mediaBucket: string;
  region: string;
}): string {
  return config.s3Endpoint
    ? new URL(config.s3Endpoint).origin
    : `https://${config.mediaBucket}.s3.${config.region}.amazonaws.com`;
}

/** Stripe Checkout's hosted page (the local stand-in's origin under npm start and the tests). */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';
export function paymentOriginOf(config: { stripe?: { apiUrl?: string | undefined } | undefined }): string | undefined {
  if (!config.stripe) return undefined;
  return config.stripe.apiUrl ? new URL(config.stripe.apiUrl).origin : STRIPE_CHECKOUT_ORIGIN;
}

export const PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=()';

/** Header name → value, for one response. HSTS only where the site is served over HTTPS. */
export function securityHeaders(siteUrl: string, uploadOrigin?: string): Record<string, string> {
  const https = new URL(siteUrl).protocol === 'https:';
  const csp = contentSecurityPolicy(uploadOrigin);
  return {
    'Content-Security-Policy': https ? `${csp}; upgrade-insecure-requests` : csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Adds the headers to a response that does not already set them. */
export function withSecurityHeaders(response: Response, siteUrl: string, uploadOrigin?: string): Response {
  for (const [name, value] of Object.entries(securityHeaders(siteUrl, uploadOrigin))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}
