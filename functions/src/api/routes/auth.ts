import { createSession, endSession, registerUser, signIn } from '@bursa/core';
import { clientAddressFrom } from '@bursa/http';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { clearSessionCookie, setSessionCookie } from '../session.ts';

/**
 * Accounts: register, sign in, sign out. Registering and signing in start a
 * session (cookie) and answer with its CSRF token, which every later
 * state-changing request must send as x-csrf-token. A session the request
 * already had is ended, so switching accounts leaves nothing behind.
 */
export const authRoutes = new Hono<ApiEnv>()
  .post('/register', async (c) => {
    const { db } = c.var.deps;
    const user = await registerUser(db, await readJsonBody(c));
    const session = await createSession(db, user.id);
    if (c.var.session) await endSession(db, c.var.session);
    setSessionCookie(c, session.cookieValue, session.maxAgeSeconds);
    return c.json({ user, csrf: session.csrf }, 201);
  })
  .post('/signin', async (c) => {
    const { db } = c.var.deps;
    const body = await readJsonBody(c);
    const { user, cookieValue, csrf, maxAgeSeconds } = await signIn(
      db,
      body,
      clientAddressFrom((name) => c.req.header(name)),
    );
    if (c.var.session) await endSession(db, c.var.session);
    setSessionCookie(c, cookieValue, maxAgeSeconds);
    return c.json({ user, csrf });
  })
  .post('/signout', async (c) => {
    if (c.var.session) await endSession(c.var.deps.db, c.var.session);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
