import * as Account from '@bursa/core/account';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { clearSessionCookie, deviceToken, setDeviceCookie, setSessionCookie } from '../session.ts';

/**
 * Accounts: register, sign in, sign out. Registering and signing in start a
 * session (cookie) and answer with its CSRF token, which every later
 * state-changing request must send as x-csrf-token. A session the request
 * already had is ended, so switching accounts leaves nothing behind.
 */
export const authRoutes = new Hono<ApiEnv>()
  .post('/register', async (c) => {
    const { user, cookieValue, csrf, maxAgeSeconds } = await Account.register(c.var.ctx, {
      locale: c.var.locale,
      ...((await readJsonBody(c)) as object),
    } as never);
    await Account.signOut(c.var.ctx, c.var.session);
    setSessionCookie(c, cookieValue, maxAgeSeconds);
    return c.json({ user, csrf }, 201);
  })
  .post('/signin', async (c) => {
    const body = await readJsonBody(c);
    const token = deviceToken(c);
    const { user, cookieValue, csrf, maxAgeSeconds, device } = await Account.signIn(c.var.ctx, {
      ...(body && typeof body === 'object' ? body : {}),
      // Never from the body: the known-device cookie.
      deviceToken: token,
    } as never);
    await Account.signOut(c.var.ctx, c.var.session);
    setSessionCookie(c, cookieValue, maxAgeSeconds);
    if (device) setDeviceCookie(c, device.token, device.maxAgeSeconds);
    return c.json({ user, csrf });
  })
  // "Lupa kata sandi": a code by email (or from an officer for phone-only accounts), then a new password.
  .post('/reset/request', async (c) => c.json(await Account.requestCode(c.var.ctx, (await readJsonBody(c)) as never)))
  .post('/reset/issue', async (c) => c.json(await Account.issueCode(c.var.ctx, (await readJsonBody(c)) as never)))
  .post('/reset', async (c) => c.json(await Account.resetPassword(c.var.ctx, (await readJsonBody(c)) as never)))
  .post('/signout', async (c) => {
    await Account.signOut(c.var.ctx, c.var.session);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
