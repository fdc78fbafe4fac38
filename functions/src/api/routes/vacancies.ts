import * as Vacancy from '@bursa/core/vacancy';
import { Hono } from 'hono';
import { readJsonBody, readOptionalJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { asObject, ifMatch } from './companies.ts';

/**
 * Vacancies. Browsing open ones is public and cacheable; reading one answers
 * `{ vacancy, company, can }` (a draft is a 404 for whoever may not see it).
 * Creating one is POST /api/companies/:id/vacancies.
 */
export const vacancyRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const page = await Vacancy.browse(c.var.ctx, c.req.query());
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(page);
  })
  // Officers: vacancies held for review, oldest first (?cursor=…&limit=…; vacancy.review.ts).
  .get('/review', async (c) => c.json(await Vacancy.reviewQueue(c.var.ctx, c.req.query())))
  .get('/:id', async (c) => {
    const view = await Vacancy.view(c.var.ctx, { id: c.req.param('id') });
    // The version to send back in If-Match when editing.
    c.header('ETag', `"${view.vacancy.version}"`);
    return c.json(view);
  })
  .patch('/:id', async (c) => {
    const body = asObject(await readJsonBody(c));
    const version = ifMatch(c.req.header('if-match')) ?? body.version;
    return c.json(await Vacancy.update(c.var.ctx, { ...body, version, id: c.req.param('id') } as never));
  })
  .post('/:id/close', async (c) => {
    const body = await readOptionalJsonBody(c);
    return c.json(await Vacancy.close(c.var.ctx, { ...asObject(body), id: c.req.param('id') }));
  })
  // Members: a vacancy the company closed is listed again, until its closing date.
  .post('/:id/reopen', async (c) => c.json(await Vacancy.reopen(c.var.ctx, { id: c.req.param('id') })))
  .post('/:id/approve', async (c) => c.json(await Vacancy.approve(c.var.ctx, { id: c.req.param('id') })))
  .post('/:id/reject', async (c) => {
    const body = asObject(await readJsonBody(c));
    return c.json(await Vacancy.reject(c.var.ctx, { ...body, id: c.req.param('id') } as never));
  });
