import { getUser, listMyCompanies, requireSignedIn } from '@bursa/core';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

/** The signed-in person: their own account (with email and phone), CSRF token and companies. */
export const meRoutes = new Hono<ApiEnv>().get('/', async (c) => {
  const { db } = c.var.deps;
  const actor = requireSignedIn(c.var.actor);
  const [user, companies] = await Promise.all([getUser(db, actor.userId), listMyCompanies(db, actor.userId)]);
  return c.json({ user, csrf: c.var.session?.csrf, companies });
});
