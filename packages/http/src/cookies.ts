/**
 * The session cookie, set the same way by the API and the web. Plain data: no
 * framework types. The cookie holds `<userId>.<token>` (see core's session).
 */
export const SESSION_COOKIE = 'bursa_session';

export type CookieOptions = { httpOnly: true; secure: boolean; sameSite: 'lax'; path: '/'; maxAge: number };

/** HttpOnly, SameSite=Lax, Secure everywhere but plain-http localhost. */
export function sessionCookieOptions(siteUrl: string, maxAge: number): CookieOptions {
  const { protocol, hostname } = new URL(siteUrl);
  const local = protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1');
  return { httpOnly: true, secure: !local, sameSite: 'lax', path: '/', maxAge };
}

/**
 * The known-device cookie (core's account.device.ts): a browser the owner has
 * signed in from. Long-lived, HttpOnly, and sent only to the site.
 */
export const DEVICE_COOKIE = 'bursa_device';

export function deviceCookieOptions(siteUrl: string, maxAge: number): CookieOptions {
  return sessionCookieOptions(siteUrl, maxAge);
}
