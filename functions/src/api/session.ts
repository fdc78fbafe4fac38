import * as Account from '@bursa/core/account';
import { type Config, forbidden, networkOf } from '@bursa/core/kernel';
import {
  clientAddressFrom,
  DEVICE_COOKIE,
  deviceCookieOptions,
  SESSION_COOKIE,
  sessionCookieOptions,
} from '@bursa/http';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from './context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is asking, and may they change things:
 * - state-changing requests that carry an Origin header must come from the site itself
 *   (403 request.bad_origin); requests without one (curl, server to server) pass;
 * - the session cookie becomes `session` and the request's `ctx.actor` (undefined when missing, forged or ended);
 * - state-changing requests with a session must carry its CSRF token in x-csrf-token (403 auth.csrf).
 */
export const sessionMiddleware = createMiddleware<ApiEnv>(async (c, next) => {
  const { db, config } = c.var.deps;
  const changing = !SAFE_METHODS.has(c.req.method);
  if (changing) assertSameOrigin(config, c.req.header('origin'));
  const session = await Account.readSession(db, getCookie(c, SESSION_COOKIE));
  c.set('session', session);
  // The viewer's network, for abuse limits. Unknown only off CloudFront (local tools, tests): then no per-network limit.
  const address = clientAddressFrom((name) => c.req.header(name));
  c.set('ctx', { db, config, actor: session?.actor, ...(address !== 'unknown' ? { client: networkOf(address) } : {}) });
  if (changing && session) Account.assertCsrf(session, c.req.header('x-csrf-token'));
  await next();
});

function assertSameOrigin(config: Config, origin: string | undefined): void {
  if (origin === undefined) return;
  if (origin !== new URL(config.siteUrl).origin) throw forbidden('request.bad_origin');
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure unless the site is plain-http localhost. */
export function setSessionCookie(c: Context<ApiEnv>, cookieValue: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, cookieValue, sessionCookieOptions(c.var.deps.config.siteUrl, maxAgeSeconds));
}

export function clearSessionCookie(c: Context<ApiEnv>): void {
  deleteCookie(c, SESSION_COOKIE, sessionCookieOptions(c.var.deps.config.siteUrl, 0));
}

/** The known-device token the browser carries, if any. */
export const deviceToken = (c: Context<ApiEnv>) => getCookie(c, DEVICE_COOKIE);

/** Remembers this browser as a known device of the account that just signed in. */
export function setDeviceCookie(c: Context<ApiEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, DEVICE_COOKIE, token, deviceCookieOptions(c.var.deps.config.siteUrl, maxAgeSeconds));
}
