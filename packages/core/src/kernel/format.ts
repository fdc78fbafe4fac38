/**
 * Display formatting shared by pages and messages. Rupiah are whole numbers;
 * Indonesians write them `Rp25.000` (no space, dot thousands), which
 * Intl's currency style does not produce, so the prefix is ours.
 */
export type Locale = 'id' | 'en';

const grouping = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Rupiah amounts are whole numbers, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp${grouping.format(Math.abs(amount))}`;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' }),
};

/** `23 Nov 2026` in both languages; dates are shown in WIB (Asia/Jakarta). */
export function formatDate(date: Date | string, locale: Locale = 'id'): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  // id-ID writes "23 Nov 2026"; some ICU builds add a trailing dot to the month ("Nov."), drop it.
  return dateFormats[locale].format(d).replace(/\.(?=\s)/, '');
}

export function formatNumber(n: number): string {
  return grouping.format(n);
}

/** File sizes as people read them: `850 KB`, `1,4 MB` (Indonesian decimal comma). */
export function formatBytes(bytes: number, locale: Locale = 'id'): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  return `${mb.format(bytes / (1024 * 1024))} MB`;
}

/**
 * One CSV cell: quoted when needed, and a leading = + - @ defused so a
 * spreadsheet never runs it as a formula (exports people open in Excel).
 */
export function csvCell(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
