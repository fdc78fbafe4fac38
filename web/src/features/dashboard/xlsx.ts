import { Outcome } from '@bursa/core/outcome';
import writeXlsxFile from 'write-excel-file/node';

/**
 * The dashboard's table as an Excel workbook: the same header and rows as the
 * CSV (Outcome.exportTable), numbers as numbers, the header in bold.
 */
export async function dashboardXlsx(view: Outcome.Dashboard, sheet: string): Promise<Buffer> {
  const { header, rows } = Outcome.exportTable(view);
  return writeXlsxFile(
    [header.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...rows.map((r) => r.map((c) => c ?? null))],
    { sheet, columns: header.map((_, i) => ({ width: i === 1 ? 24 : 14 })) },
  ).toBuffer();
}
