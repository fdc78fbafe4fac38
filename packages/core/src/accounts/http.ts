/**
 * The few HTTP facts accounts need, shared by the API and the web so both set
 * the same cookie and read the client the same way. Plain data: no framework types.
 */
import { SESSION_COOKIE } from './session.ts';

export type CookieOptions = { httpOnly: true; secure: boolean; sameSite: 'lax'; path: '/'; maxAge: number };

/** HttpOnly, SameSite=Lax, Secure everywhere but plain-http localhost. */
export function sessionCookieOptions(siteUrl: string, maxAge: number): CookieOptions {
  const { protocol, hostname } = new URL(siteUrl);
  const local = protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1');
  return { httpOnly: true, secure: !local, sameSite: 'lax', path: '/', maxAge };
}

export { SESSION_COOKIE };

/**
 * The visitor's address, for rate limits. Behind CloudFront the viewer is in
 * CloudFront-Viewer-Address ("ip:port"); X-Forwarded-For's first entry is
 * what the client claims, so it is only the local fallback.
 */
export function clientAddressFrom(get: (name: string) => string | null | undefined): string {
  const viewer = get('cloudfront-viewer-address');
  if (viewer) return viewer.replace(/:\d+$/, '');
  return get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
