import * as Outcome from '@bursa/core/outcome';
import { xlsx } from '../../lib/xlsx';

/**
 * The dashboard's table as an Excel workbook: the same header and rows as the
 * CSV (Outcome.exportTable), numbers as numbers, the header in bold.
 */
export async function dashboardXlsx(view: Outcome.Dashboard, sheet: string): Promise<Buffer> {
  const { header, rows } = Outcome.exportTable(view);
  return xlsx({ name: sheet, rows: [header, ...rows], widths: header.map((_, i) => (i === 1 ? 24 : 14)) });
}
