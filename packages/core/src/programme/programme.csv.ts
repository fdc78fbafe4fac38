import { normalizePhone } from '../account/index.ts';
import type { FieldIssue } from '../kernel/errors.ts';
import { participantName } from './programme.schema.ts';

/** Most participants one upload may hold (a cohort is usually 16–30 people). */
export const MAX_IMPORT = 100;

export type Row = { line: number; name: string; phone: string };

/** One CSV line's cells, "quoted" cells allowed; the separator is the header's (spreadsheets in Indonesia often save with `;`). */
function cells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

const NAME = /^(nama|name|nama lengkap|full name)$/i;
const PHONE = /^(hp|no\.? ?hp|nomor hp|telepon|phone|whatsapp|wa|nomor)$/i;

/**
 * Reads "name, phone" rows after a header row. Every bad row is reported at
 * once with its line number (path `line.<n>.<field>`), so the officer fixes
 * the file in one go; a phone twice in the file counts once.
 */
export function parseParticipants(csv: string): { rows: Row[]; issues: FieldIssue[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) return { rows: [], issues: [{ path: 'csv', code: 'programme.csv.empty' }] };
  const first = lines[firstIndex] ?? '';
  const sep = first.includes(';') && !first.includes(',') ? ';' : ',';
  const header = cells(first, sep).map((h) => h.toLowerCase());
  const nameAt = header.findIndex((h) => NAME.test(h));
  const phoneAt = header.findIndex((h) => PHONE.test(h));
  if (nameAt < 0 || phoneAt < 0) return { rows: [], issues: [{ path: 'csv', code: 'programme.csv.header' }] };
  const rows: Row[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const line = i + 1;
    const c = cells(raw, sep);
    const name = participantName.safeParse(c[nameAt] ?? '');
    const phone = normalizePhone(c[phoneAt] ?? '');
    if (!name.success)
      issues.push({ path: `line.${line}.name`, code: 'programme.participant.name.length', params: { line } });
    if (!phone)
      issues.push({ path: `line.${line}.phone`, code: 'programme.participant.phone.invalid', params: { line } });
    if (!name.success || !phone || seen.has(phone)) continue;
    seen.add(phone);
    rows.push({ line, name: name.data, phone });
  }
  if (!rows.length && !issues.length) issues.push({ path: 'csv', code: 'programme.csv.empty' });
  if (rows.length > MAX_IMPORT)
    issues.push({ path: 'csv', code: 'programme.csv.too_many', params: { max: MAX_IMPORT } });
  return { rows, issues };
}
