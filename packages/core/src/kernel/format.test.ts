import { describe, expect, it } from 'vitest';
import { formatDate, formatRupiah } from './format.ts';

describe('formatRupiah', () => {
  it('writes rupiah the Indonesian way, without a space or decimals', () => {
    expect(formatRupiah(25000)).toBe('Rp25.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(1500000)).toBe('Rp1.500.000');
    expect(formatRupiah(-7500)).toBe('-Rp7.500');
  });
  it('refuses fractional amounts (rupiah are whole)', () => {
    expect(() => formatRupiah(10.5)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('shows day, short month and year in both languages', () => {
    expect(formatDate('2026-11-23T03:00:00Z', 'id')).toBe('23 Nov 2026');
    expect(formatDate('2026-08-17T03:00:00Z', 'id')).toBe('17 Agu 2026');
    expect(formatDate('2026-08-17T03:00:00Z', 'en')).toBe('17 Aug 2026');
  });
  it('uses Jakarta time: 20:00 UTC is already the next day in WIB', () => {
    expect(formatDate('2026-11-22T20:00:00Z')).toBe('23 Nov 2026');
  });
  it('rejects what is not a date', () => {
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});
