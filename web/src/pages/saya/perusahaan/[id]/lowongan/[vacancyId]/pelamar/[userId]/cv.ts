import * as Application from '@bursa/core/application';
import { isDomainError } from '@bursa/core/kernel';
import type { APIRoute } from 'astro';

/** An applicant's CV: a redirect to a signed link valid for 5 minutes, for whom the policy allows (else 404). */
export const GET: APIRoute = async ({ params, locals, redirect }) => {
  try {
    const url = await Application.cvLink(locals.ctx, {
      vacancyId: params.vacancyId ?? '',
      userId: params.userId ?? '',
    });
    const res = redirect(url, 303);
    res.headers.set('Cache-Control', 'private, no-store');
    return res;
  } catch (e) {
    if (isDomainError(e) && e.kind !== 'unavailable')
      return new Response(null, { status: e.kind === 'forbidden' ? 403 : 404 });
    throw e;
  }
};
