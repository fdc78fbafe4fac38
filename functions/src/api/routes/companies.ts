import { Company } from '@bursa/core/company';
import { Vacancy } from '@bursa/core/vacancy';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';

/**
 * Companies and their vacancies. Core decides who may do what (company.policy.ts)
 * and reads come back as `{ company, can }`, the same decision the pages render.
 */
export const companyRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => c.json(await Company.create(c.var.ctx, (await readJsonBody(c)) as never), 201))
  .get('/:id', async (c) => c.json(await Company.view(c.var.ctx, { id: c.req.param('id') })))
  .patch('/:id', async (c) => {
    const body = await readJsonBody(c);
    return c.json(await Company.update(c.var.ctx, { ...asObject(body), id: c.req.param('id') }));
  })
  .post('/:id/verify', async (c) => c.json(await Company.verify(c.var.ctx, { id: c.req.param('id') })))
  .get('/:id/vacancies', async (c) => c.json(await Vacancy.listByCompany(c.var.ctx, { companyId: c.req.param('id') })))
  .post('/:id/vacancies', async (c) => {
    const body = await readJsonBody(c);
    return c.json(await Vacancy.create(c.var.ctx, { ...asObject(body), companyId: c.req.param('id') }), 201);
  });

/** A JSON body's fields (anything else has none: validation then reports what is missing). */
export const asObject = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
