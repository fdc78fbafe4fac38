import * as Company from '@bursa/core/company';
import * as Vacancy from '@bursa/core/vacancy';
import { Hono } from 'hono';
import { readJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';

/**
 * Companies and their vacancies. Core decides who may do what (company.policy.ts)
 * and reads come back as `{ company, can }`, the same decision the pages render.
 */
export const companyRoutes = new Hono<ApiEnv>()
  // Officers' queues: ?queue=unverified|review|verified|rejected&cursor=…&limit=…
  .get('/', async (c) => c.json(await Company.verificationQueue(c.var.ctx, c.req.query() as never)))
  .post('/', async (c) => c.json(await Company.create(c.var.ctx, (await readJsonBody(c)) as never), 201))
  .get('/:id', async (c) => {
    const view = await Company.view(c.var.ctx, { id: c.req.param('id') });
    // The version to send back in If-Match when editing.
    c.header('ETag', `"${view.company.version ?? 0}"`);
    return c.json(view);
  })
  .patch('/:id', async (c) => {
    const body = asObject(await readJsonBody(c));
    const version = ifMatch(c.req.header('if-match')) ?? body.version;
    return c.json(await Company.update(c.var.ctx, { ...body, version, id: c.req.param('id') } as never));
  })
  .post('/:id/verify', async (c) => c.json(await Company.verify(c.var.ctx, { id: c.req.param('id') })))
  .post('/:id/reject', async (c) => {
    const body = asObject(await readJsonBody(c));
    return c.json(await Company.reject(c.var.ctx, { ...body, id: c.req.param('id') } as never));
  })
  // Officers take a verified company's verification back, with a reason (company.review.ts).
  .post('/:id/revoke', async (c) => {
    const body = asObject(await readJsonBody(c));
    return c.json(await Company.revoke(c.var.ctx, { ...body, id: c.req.param('id') } as never));
  })
  // One page (?cursor=, ?limit=) and the counts per status.
  .get('/:id/vacancies', async (c) =>
    c.json(await Vacancy.listByCompany(c.var.ctx, { ...c.req.query(), companyId: c.req.param('id') })),
  )
  .post('/:id/vacancies', async (c) => {
    const body = await readJsonBody(c);
    return c.json(await Vacancy.create(c.var.ctx, { ...asObject(body), companyId: c.req.param('id') }), 201);
  });

/** A JSON body's fields (anything else has none: validation then reports what is missing). */
export const asObject = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

/**
 * The version a client says it edited, from `If-Match: "3"` (or W/"3", or 3).
 * Anything else is left to the body's `version`, and then to validation.
 */
export function ifMatch(header: string | undefined): string | undefined {
  const m = header?.trim().match(/^(?:W\/)?"?(\d{1,12})"?$/);
  return m?.[1];
}
