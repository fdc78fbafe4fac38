import * as Outcome from '@bursa/core/outcome';
import type { APIRoute } from 'astro';
import { downloadResponse } from '../../features/dashboard/download';
import { dashboardXlsx } from '../../features/dashboard/xlsx';

/** The outcomes dashboard's kelurahan table as an Excel workbook: the same numbers as the CSV and the page. */
export const GET: APIRoute = (context) =>
  downloadResponse(context, async (view, sheet) => ({
    body: new Uint8Array(await dashboardXlsx(view, sheet)),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: Outcome.exportName(view, 'xlsx'),
  }));
