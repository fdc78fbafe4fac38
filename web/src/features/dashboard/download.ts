import type * as Outcome from '@bursa/core/outcome';
import type { APIContext } from 'astro';
import { translator } from '../../i18n/messages';
import { loadDashboard } from './query';

type File = { body: BodyInit; type: string; name: string };

/**
 * A download of the dashboard's table, taking the same filters as the page:
 * 403 for non-officers, 400 for a bad filter, 404 for an unknown fair.
 */
export async function downloadResponse(
  { locals, url }: APIContext,
  make: (view: Outcome.Dashboard, sheet: string) => Promise<File>,
): Promise<Response> {
  const loaded = await loadDashboard(locals.ctx, url.searchParams);
  if (loaded.status !== 200)
    return new Response(null, { status: loaded.status, headers: { 'cache-control': 'private, no-store' } });
  const file = await make(loaded.view, translator(locals.locale)('dashboard.sheet'));
  return new Response(file.body, {
    headers: {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'private, no-store',
    },
  });
}
