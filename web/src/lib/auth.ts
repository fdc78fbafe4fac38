import {
  clientAddressFrom,
  DEVICE_COOKIE,
  deviceCookieOptions,
  SESSION_COOKIE,
  sessionCookieOptions,
} from '@bursa/http';
import type { AstroCookies } from 'astro';
import { localePath } from '../i18n/messages.ts';

/** Where to send an anonymous visitor who opened `locals.path`: the sign-in page, coming back afterwards. */
export function signInPath(locals: App.Locals, url: URL): string {
  const back = `${localePath(locals.locale, locals.path)}${url.search}`;
  return `${localePath(locals.locale, '/masuk')}?next=${encodeURIComponent(back)}`;
}

/** The signed-in person on a page the middleware keeps for signed-in people (SIGNED_IN_ONLY). */
export function signedIn(locals: App.Locals): NonNullable<App.Locals['actor']> {
  if (!locals.actor) throw new Error(`${locals.path} is not in the middleware's SIGNED_IN_ONLY list`);
  return locals.actor;
}

const hasControlOrBackslash = (s: string) =>
  [...s].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** A `next` parameter, if it is a path on this site (never another origin: no open redirect). */
export function safeNext(next: string | null | undefined): string | undefined {
  // Control characters (tab, newline, NUL…) and backslashes are what browsers strip or turn
  // into '/', making "/\t/evil.example" mean "//evil.example": refuse them outright.
  if (!next || next.length > 1000 || !next.startsWith('/') || hasControlOrBackslash(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, 'https://bursa.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://bursa.invalid') return undefined;
  // Re-serialised by the URL parser: percent-encoded, so always a valid Location header.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? undefined : path;
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure except on plain-http localhost). */
export function setSessionCookie(cookies: AstroCookies, siteUrl: string, value: string, maxAgeSeconds: number) {
  cookies.set(SESSION_COOKIE, value, sessionCookieOptions(siteUrl, maxAgeSeconds));
}

/** Remembers this browser as a known device of the account that just signed in (core's account.device.ts). */
export function setDeviceCookie(cookies: AstroCookies, siteUrl: string, token: string, maxAgeSeconds: number) {
  cookies.set(DEVICE_COOKIE, token, deviceCookieOptions(siteUrl, maxAgeSeconds));
}

export const deviceToken = (cookies: AstroCookies) => cookies.get(DEVICE_COOKIE)?.value;

export function clearSessionCookie(cookies: AstroCookies, siteUrl: string) {
  const { maxAge: _m, ...options } = sessionCookieOptions(siteUrl, 0);
  cookies.delete(SESSION_COOKIE, options);
}

/**
 * The visitor's address for sign-in rate limits: CloudFront's viewer address
 * in AWS, else what the adapter was told (Astro.clientAddress), else 'unknown'.
 */
export function clientAddress(request: Request, astroAddress: () => string): string {
  const fromHeaders = clientAddressFrom((name) => request.headers.get(name));
  if (fromHeaders !== 'unknown') return fromHeaders;
  try {
    return astroAddress() || 'unknown';
  } catch {
    // Astro throws when the adapter passed no address (e.g. the local server).
    return 'unknown';
  }
}
