import { browseVacancies, closeVacancy, getVisibleVacancy, updateVacancy } from '@bursa/core';
import { Hono } from 'hono';
import { readJsonBody, readOptionalJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';

/**
 * Vacancies. Browsing open ones is public and cacheable; a draft is visible
 * only to its company's members and officers. Members edit and close their
 * vacancies; officers may close any, with a reason. Creating one is
 * POST /api/companies/:id/vacancies.
 */
export const vacancyRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const page = await browseVacancies(c.var.deps.db, c.req.query());
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(page);
  })
  .get('/:id', async (c) => {
    return c.json(await getVisibleVacancy(c.var.deps.db, c.var.actor, c.req.param('id')));
  })
  .patch('/:id', async (c) => {
    const { db, config } = c.var.deps;
    const body = await readJsonBody(c);
    return c.json(await updateVacancy(db, c.var.actor, config.homeRegency, c.req.param('id'), body));
  })
  .post('/:id/close', async (c) => {
    const body = await readOptionalJsonBody(c);
    return c.json(await closeVacancy(c.var.deps.db, c.var.actor, c.req.param('id'), body));
  });
