import { isDomainError } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import type { APIRoute } from 'astro';

/** An order's transfer proof: a redirect to a 5-minute signed link, for the buyer, the shop and officers (else 404). */
export const GET: APIRoute = async ({ params, locals, redirect }) => {
  try {
    const url = await Order.proofUrl(locals.ctx, { code: params.code ?? '' });
    if (!url) return new Response(null, { status: 404 });
    const res = redirect(url, 303);
    res.headers.set('Cache-Control', 'private, no-store');
    return res;
  } catch (e) {
    if (isDomainError(e) && e.kind !== 'unavailable')
      return new Response(null, { status: e.kind === 'forbidden' ? 403 : 404 });
    throw e;
  }
};
