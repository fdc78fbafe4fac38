import * as Fair from '@bursa/core/fair';
import { isDomainError } from '@bursa/core/kernel';
import type { APIRoute } from 'astro';

/** A booked interview slot as an `.ics` file (`?slot=<key>`), for its candidate and the booth's members. */
export const GET: APIRoute = async ({ params, url, locals }) => {
  try {
    const view = await Fair.bySlug(locals.ctx, { slug: params.slug ?? '' });
    const ics = await Fair.slotCalendar(locals.ctx, {
      fairId: view.fair.id,
      companyId: params.companyId ?? '',
      key: url.searchParams.get('slot') ?? '',
    });
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="wawancara.ics"',
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.kind !== 'unavailable')
      return new Response(null, { status: e.kind === 'unauthenticated' ? 401 : 404 });
    throw e;
  }
};
