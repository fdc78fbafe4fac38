import { describe, expect, it } from 'vitest';
import { MINIMUM_WAGES, minimumWage } from './index.ts';

describe('minimumWage', () => {
  it("gives the year's UMK of Kota Tangerang, with its decree and source", () => {
    expect(minimumWage('36.71', '2025-03-01')).toMatchObject({
      regencyName: 'Kota Tangerang',
      year: 2025,
      monthly: 5_069_708,
      decree: expect.stringContaining('Nomor 471 Tahun 2024'),
    });
    expect(minimumWage('36.71', '2026-01-01')).toMatchObject({ year: 2026, monthly: 5_399_405 });
  });
  it('keeps the latest confirmed year until the next decree is recorded', () => {
    const latest = Math.max(...MINIMUM_WAGES.filter((w) => w.regencyCode === '36.71').map((w) => w.year));
    expect(minimumWage('36.71', `${latest + 1}-02-01`)?.year).toBe(latest);
  });
  it('has none for a regency without figures, nor before the first recorded year', () => {
    expect(minimumWage('36.03', '2026-01-01')).toBeUndefined();
    expect(minimumWage('36.71', '2020-06-01')).toBeUndefined();
  });
  it('every row names a decree and an https source, in whole rupiah', () => {
    for (const w of MINIMUM_WAGES) {
      expect(w.decree).toMatch(/^Keputusan Gubernur/);
      expect(w.source).toMatch(/^https:\/\//);
      expect(Number.isSafeInteger(w.monthly)).toBe(true);
    }
  });
});
