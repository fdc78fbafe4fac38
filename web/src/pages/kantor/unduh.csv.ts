import * as Outcome from '@bursa/core/outcome';
import type { APIRoute } from 'astro';
import { downloadResponse } from '../../features/dashboard/download';

/** The outcomes dashboard's kelurahan table as CSV (officers; the page's filters: ?dari=&sampai=&kecamatan=…). */
export const GET: APIRoute = (context) =>
  downloadResponse(context, async (view) => ({
    // A BOM so Excel opens it as UTF-8.
    body: `\uFEFF${Outcome.exportCsv(view)}`,
    type: 'text/csv; charset=utf-8',
    name: Outcome.exportName(view, 'csv'),
  }));
