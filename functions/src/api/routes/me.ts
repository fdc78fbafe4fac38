import * as Account from '@bursa/core/account';
import * as Company from '@bursa/core/company';
import { Hono } from 'hono';
import type { ApiEnv } from '../context.ts';

/** The signed-in person: their own account (with email and phone), what they may do, CSRF token and companies. */
export const meRoutes = new Hono<ApiEnv>().get('/', async (c) => {
  const [me, companies] = await Promise.all([Account.me(c.var.ctx, {}), Company.listMine(c.var.ctx, {})]);
  return c.json({ ...me, csrf: c.var.session?.csrf, companies });
});
