import { formatNumber, formatRupiah, type Locale } from '@bursa/core/kernel';
import type * as Outcome from '@bursa/core/outcome';
import type { MessageKey } from '../../i18n/messages';

/** Each counter's column label (declared here, so every key is a literal the i18n check can see). */
export const LABELS: Record<Outcome.Counter | 'hireRate' | 'name' | 'district', MessageKey> = {
  vacancies: 'dashboard.col.vacancies',
  openings: 'dashboard.col.openings',
  applications: 'dashboard.col.applications',
  shortlisted: 'dashboard.col.shortlisted',
  interviewed: 'dashboard.col.interviewed',
  hired: 'dashboard.col.hired',
  filledBursa: 'dashboard.col.filledBursa',
  filledElsewhere: 'dashboard.col.filledElsewhere',
  cancelled: 'dashboard.col.cancelled',
  sellers: 'dashboard.col.sellers',
  products: 'dashboard.col.products',
  orders: 'dashboard.col.orders',
  sales: 'dashboard.col.sales',
  hireRate: 'dashboard.col.hireRate',
  name: 'dashboard.col.name',
  district: 'dashboard.col.district',
};

/** A counter as the page shows it: rupiah for sales, grouped digits otherwise. */
export const showCount = (c: Outcome.Counter, n: number) => (c === 'sales' ? formatRupiah(n) : formatNumber(n));

/** Hires per opening: `12,5%` (Indonesian decimal comma) or `12.5%`. */
export const showRate = (rate: number | null, locale: Locale) =>
  rate === null
    ? '–'
    : `${new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(rate)}%`;

/** `Des 26` / `Dec 26`. */
export function monthLabel(month: string, locale: Locale, year: '2-digit' | 'numeric' = '2-digit'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year, timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, 1)))
    .replace('.', '');
}

/** Short numbers for chart labels (`12,3 jt`); the tables carry the exact ones. */
export const compact = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(
    n,
  );
