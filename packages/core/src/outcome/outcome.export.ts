import { csvCell } from '../kernel/format.ts';
import type { Dashboard } from './outcome.dashboard.ts';

export type Cell = string | number | null;

/**
 * The dashboard's kelurahan table as the downloads carry it (CSV and XLSX
 * are written from these same rows, so they hold exactly the page's numbers):
 * a header, one row per kelurahan in the page's order, then the total.
 */
export function exportTable(d: Dashboard): { header: string[]; rows: Cell[][] } {
  const rate = d.fair === undefined;
  const header = ['kode', 'kelurahan', 'kecamatan', ...d.columns, ...(rate ? ['hireRate'] : [])];
  const rows: Cell[][] = d.rows.map((r) => [
    r.code,
    r.name,
    r.districtName,
    ...d.columns.map((c) => r.counts[c]),
    ...(rate ? [r.hireRate] : []),
  ]);
  rows.push(['', 'TOTAL', '', ...d.columns.map((c) => d.total[c]), ...(rate ? [d.total.hireRate] : [])]);
  return { header, rows };
}

/** The same table as CSV (CRLF lines; cells escaped by csvCell). */
export function exportCsv(d: Dashboard): string {
  const { header, rows } = exportTable(d);
  const lines = [header, ...rows].map((cells) => cells.map((c) => csvCell(c ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The download's file name: `capaian-2026-01_2026-12[-<kecamatan|kelurahan>].csv`. */
export function exportName(d: Dashboard, ext: 'csv' | 'xlsx'): string {
  const where = d.filter.villageCode ?? d.filter.districtCode;
  return `capaian-${d.filter.from}_${d.filter.to}${where ? `-${where}` : ''}${d.fair ? `-bursa-${d.fair.id}` : ''}.${ext}`;
}
