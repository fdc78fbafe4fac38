import * as Application from '@bursa/core/application';
import { Hono } from 'hono';
import { readJsonBody, readOptionalJsonBody } from '../body.ts';
import type { ApiEnv } from '../context.ts';
import { asObject, ifMatch } from './companies.ts';

/**
 * One vacancy's applications, under /api/vacancies/:vacancyId/applications.
 * Applying is the signed-in person's own; the list, moves and notes belong to
 * the hiring company's members (officers read). Someone not involved gets a
 * 404 for an application, never a hint that it exists.
 */
export const applicationRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => {
    const body = asObject(await readOptionalJsonBody(c));
    const app = await Application.apply(c.var.ctx, { ...body, vacancyId: c.req.param('vacancyId') } as never);
    return c.json(app, 201);
  })
  .get('/', async (c) => {
    const page = await Application.applicantsOf(c.var.ctx, {
      ...c.req.query(),
      vacancyId: c.req.param('vacancyId'),
    } as never);
    return c.json(page);
  })
  .post('/bulk', async (c) => {
    const body = asObject(await readJsonBody(c));
    return c.json({
      results: await Application.moveMany(c.var.ctx, { ...body, vacancyId: c.req.param('vacancyId') } as never),
    });
  })
  .get('/:userId', async (c) => {
    const view = await Application.applicant(c.var.ctx, key(c));
    c.header('ETag', `"${view.application.version}"`);
    return c.json(view);
  })
  .patch('/:userId', async (c) => {
    const body = asObject(await readJsonBody(c));
    const version = ifMatch(c.req.header('if-match')) ?? body.version;
    return c.json(await Application.move(c.var.ctx, { ...body, version, ...key(c) } as never));
  })
  .post('/:userId/withdraw', async (c) => {
    const body = asObject(await readOptionalJsonBody(c));
    const version = ifMatch(c.req.header('if-match')) ?? body.version;
    return c.json(await Application.withdraw(c.var.ctx, { ...key(c), version } as never));
  })
  .put('/:userId/note', async (c) => {
    const body = asObject(await readJsonBody(c));
    await Application.setNote(c.var.ctx, { ...body, ...key(c) } as never);
    return c.body(null, 204);
  })
  .get('/:userId/cv', async (c) => {
    // A link valid for 5 minutes; the answer itself must not be cached.
    return c.json({ url: await Application.cvLink(c.var.ctx, key(c)), expiresInSeconds: 300 });
  });

const key = (c: { req: { param: (name: string) => string | undefined } }) => ({
  vacancyId: c.req.param('vacancyId') ?? '',
  userId: c.req.param('userId') ?? '',
});
