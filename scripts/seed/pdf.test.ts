import { describe, expect, it } from 'vitest';
import { makeCvPdf } from './pdf.ts';

describe('demo CV PDFs', () => {
  it('are PDFs whose cross-reference table points at every object', () => {
    const pdf = makeCvPdf(['Siti Aminah', 'Penjahit, 5 tahun pengalaman (konveksi)']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    for (const [i, o] of offsets.entries()) expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`);
    const startxref = Number(text.match(/startxref\n(\d+)/)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    expect(text).toContain('(Penjahit, 5 tahun pengalaman \\(konveksi\\))');
  });
});
