import * as Application from '@bursa/core/application';
import * as Notification from '@bursa/core/notification';
import * as Profile from '@bursa/core/profile';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { asObject, ifMatch } from './companies.ts';

/**
 * The signed-in person as a job seeker, under /api/me: their profile and CV,
 * their applications, and their notifications. Nobody else's, ever: each use
 * case works on the asker's own id.
 */
export const seekerRoutes = new Hono<ApiEnv>()
  .get('/profile', async (c) => c.json(await Profile.mine(c.var.ctx, {})))
  .put('/profile', async (c) => {
    const body = asObject(await readJsonBody(c));
    const version = ifMatch(c.req.header('if-match')) ?? body.version;
    return c.json(await Profile.save(c.var.ctx, { ...body, ...(version ? { version } : {}) } as never));
  })
  .post('/profile/cv-upload', async (c) => {
    // Where to post the PDF (straight to the media bucket) and the fields to send with it.
    const { siteUrl } = c.var.deps.config;
    return c.json(await Profile.cvUploadForm(c.var.ctx, `${siteUrl}/saya/profil/cv`));
  })
  .post('/profile/cv', async (c) => {
    const body = asObject(await readJsonBody(c));
    return c.json(await Profile.attachCv(c.var.ctx, body as never));
  })
  .get('/applications', async (c) => c.json(await Application.mine(c.var.ctx, c.req.query())))
  .get('/notifications', async (c) => {
    const page = await Notification.inbox(c.var.ctx, c.req.query());
    return c.json({ ...page, items: page.items.map((n) => ({ ...n, text: Notification.render(n, c.var.locale) })) });
  })
  .post('/notifications/read', async (c) => {
    await Notification.markAllRead(c.var.ctx, {});
    return c.body(null, 204);
  });
