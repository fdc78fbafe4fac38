import {
  createCompany,
  createVacancy,
  getCompany,
  listCompanyVacancies,
  updateCompany,
  verifyCompany,
} from '@bursa/core';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';

/**
 * Companies and their vacancies. Anyone may read a company (its contact
 * phone and email are business contacts); members edit it and post vacancies,
 * officers verify it. Core decides who may do what, and keeps staff fields
 * (createdBy, verifiedBy) out of the Company it returns.
 */
export const companyRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => {
    const { db, config } = c.var.deps;
    const company = await createCompany(db, c.var.actor, config.homeRegency, await readJsonBody(c));
    return c.json(company, 201);
  })
  .get('/:id', async (c) => {
    return c.json(await getCompany(c.var.deps.db, c.req.param('id')));
  })
  .patch('/:id', async (c) => {
    const { db, config } = c.var.deps;
    const company = await updateCompany(db, c.var.actor, config.homeRegency, c.req.param('id'), await readJsonBody(c));
    return c.json(company);
  })
  .post('/:id/verify', async (c) => {
    return c.json(await verifyCompany(c.var.deps.db, c.var.actor, c.req.param('id')));
  })
  .get('/:id/vacancies', async (c) => {
    return c.json(await listCompanyVacancies(c.var.deps.db, c.var.actor, c.req.param('id')));
  })
  .post('/:id/vacancies', async (c) => {
    const { db, config } = c.var.deps;
    const body = await readJsonBody(c);
    return c.json(await createVacancy(db, c.var.actor, config.homeRegency, c.req.param('id'), body), 201);
  });
