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
