import { Vacancy } from '@bursa/core/vacancy';
import { Hono } from 'hono';
import { readJsonBody, readOptionalJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { asObject } from './companies.ts';

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
  .get('/:id', async (c) => c.json(await Vacancy.view(c.var.ctx, { id: c.req.param('id') })))
  .patch('/:id', async (c) => {
    const body = await readJsonBody(c);
    return c.json(await Vacancy.update(c.var.ctx, { ...asObject(body), id: c.req.param('id') }));
  })
  .post('/:id/close', async (c) => {
    const body = await readOptionalJsonBody(c);
    return c.json(await Vacancy.close(c.var.ctx, { ...asObject(body), id: c.req.param('id') }));
  });
