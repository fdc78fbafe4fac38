import { describe, expect, it } from 'vitest';
import { safeNext } from './auth.ts';

describe('safeNext: where to go after signing in', () => {
  it.each([
    ['/saya', '/saya'],
    ['/lowongan?kecamatan=36.71.01&jenis=kontrak', '/lowongan?kecamatan=36.71.01&jenis=kontrak'],
    ['/en/saya/perusahaan/abc/ubah', '/en/saya/perusahaan/abc/ubah'],
    ['/cari?q=penjahit mesin', '/cari?q=penjahit%20mesin'],
    ['/lowongan/../saya', '/saya'],
    ['/kota/Ñandú', '/kota/%C3%91and%C3%BA'],
  ])('keeps a path on this site: %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/%09/evil.example'.replace('%09', '\t'),
    '/\n/evil.example',
    '/\u0000',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/saya',
    'javascript:alert(1)',
    '/./\t/evil.example',
    '',
    'saya',
    `/${'a'.repeat(2000)}`,
  ])('refuses anything that could leave the site or break the header: %j', (next) => {
    expect(safeNext(next)).toBeUndefined();
  });
});
