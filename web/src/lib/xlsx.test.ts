import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnName, xlsx } from './xlsx';

/** Every file of a zip, read through its central directory, each checked against its CRC-32. */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const content = inflateRawSync(buf.subarray(data, data + buf.readUInt32LE(at + 20)));
    expect(content.length).toBe(buf.readUInt32LE(at + 24));
    expect(crc32(content)).toBe(buf.readUInt32LE(at + 16));
    files.set(name, content.toString('utf8'));
    at += 46 + nameLen;
  }
  return files;
}

describe('an .xlsx written directly', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('is a zip of the six parts Excel needs, each intact, with text escaped, numbers as numbers and blanks left out', () => {
    const files = unzip(
      xlsx({
        name: 'Hasil: Des/2026 [Kota Tangerang yang sangat panjang]',
        rows: [
          ['Kode', 'Kelurahan', 'Lowongan'],
          ['36.71.01.1001', 'Sukasari & <Babakan> "x"', 12],
          ['', 'TOTAL', 3.5],
          [null, 'Ñandú 日本\u0001', -1],
        ],
        widths: [14, 24, 14],
      }),
    );
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    // The tab: at most 31 characters, none Excel refuses.
    expect(files.get('xl/workbook.xml')).toContain(
      '<sheet name="Hasil  Des 2026  Kota Tangerang" sheetId="1" r:id="rId1"/>',
    );
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    expect(sheet).toContain('<col min="2" max="2" width="24" customWidth="1"/>');
    // The header in bold (cell format 1), text inline and escaped, numbers as values, blanks absent.
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Kode</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">Sukasari &amp; &lt;Babakan&gt; &quot;x&quot;</t>');
    expect(sheet).toContain('<c r="C2"><v>12</v></c>');
    expect(sheet).toContain(
      '<row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve">TOTAL</t></is></c><c r="C3"><v>3.5</v></c></row>',
    );
    expect(sheet).toContain('<t xml:space="preserve">Ñandú 日本</t>');
    expect(files.get('xl/styles.xml')).toContain('<font><b/>');
  });
});
