import { createApp } from 'astro/app/entrypoint';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = createApp();

/** The site as a Hono app: every request Astro renders (pages and endpoints). */
export const web = new Hono().all('*', (c) => {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return app.render(c.req.raw, { addCookieHeader: true, ...(forwarded ? { clientAddress: forwarded } : {}) });
});

/** Lambda entry (function URL behind CloudFront). */
export const handler = handle(web);
