import { inflateRawSync } from 'node:zlib';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@bursa/core/db';
import { type Actor, type Ctx, loadConfig } from '@bursa/core/kernel';
import * as Outcome from '@bursa/core/outcome';
import * as Region from '@bursa/core/region';
import type { APIContext } from 'astro';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/support/db.ts';
import { GET as csvGet } from '../../pages/kantor/unduh.csv.ts';
import { GET as xlsxGet } from '../../pages/kantor/unduh.xlsx.ts';
import { dashboardHref, dashboardInput } from './query.ts';

/**
 * The downloads carry exactly the page's numbers: for one filter, the
 * dashboard the page renders, the CSV and the XLSX (unzipped and read back
 * here) hold the same rows in the same order; non-officers get 403.
 */
let db: Db;
const officer: Actor = { userId: 'o', name: 'Petugas', roles: ['officer'] };
const ctxOf = (actor: Actor | undefined): Ctx => ({
  db,
  config: loadConfig({ TABLE_NAME: db.tableName }),
  actor,
  now: () => Date.parse('2026-12-02T05:00:00Z'),
});
const request = (actor: Actor | undefined, query: string) =>
  ({
    locals: { ctx: ctxOf(actor), locale: 'id' },
    url: new URL(`http://bursa.test/kantor/unduh?${query}`),
  }) as unknown as APIContext;

/** Counter items as the projection leaves them (keys as in docs/data-model.md). */
async function put(month: string, scope: string, counts: Record<string, number>) {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        pk: `OUTCOME#36.71#${month}`,
        sk: scope,
        type: 'OutcomeCount',
        regency: '36.71',
        month,
        scope,
        ...counts,
      },
    }),
  );
}

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [
      {
        code: '36.71.01',
        name: 'Tangerang',
        villages: [
          { code: '36.71.01.1001', name: 'Sukarasa' },
          { code: '36.71.01.1002', name: 'Sukasari, "Baru"' },
        ],
      },
      { code: '36.71.04', name: 'Karawaci', villages: [{ code: '36.71.04.1001', name: 'Bugel' }] },
    ],
  });
  const a = { vacancies: 2, openings: 7, applications: 9, shortlisted: 4, interviewed: 2, hired: 1 };
  const b = { applications: 3, hired: 2, sellers: 1, products: 4, orders: 5, sales: 1_250_000 };
  await put('2026-11', 'village#36.71.01.1001', a);
  await put('2026-12', 'village#36.71.01.1001', b);
  await put('2026-12', 'village#36.71.01.1002', { applications: 12, sellers: 2, orders: 1, sales: 40_000 });
  await put('2026-12', 'village#36.71.04.1001', { vacancies: 1, openings: 3, hired: 3 });
  await put('2026-11', 'district#36.71.01', { ...a, vacancies: 3, openings: 9 });
  await put('2026-12', 'district#36.71.01', {
    applications: 15,
    hired: 2,
    sellers: 3,
    products: 4,
    orders: 6,
    sales: 1_290_000,
  });
});

/** The cells of the first sheet of an .xlsx, as rows of strings and numbers (a tiny reader: zip → XML). */
function readXlsx(buf: Buffer): (string | number | null)[][] {
  const files = new Map<string, string>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + skip;
  }
  const fromXml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>(.*?)<\/si>/g)].map((m) =>
    fromXml([...(m[1] ?? '').matchAll(/<t[^>]*>(.*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rows: (string | number | null)[][] = [];
  const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
  for (const cell of sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const [, col = 'A', row = '1', attrs = '', body = ''] = cell;
    const c = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r = Number(row) - 1;
    const v = /<v>(.*?)<\/v>/.exec(body)?.[1];
    const inline = /<t[^>]*>(.*?)<\/t>/.exec(body)?.[1];
    rows[r] ??= [];
    (rows[r] as unknown[])[c] =
      v === undefined
        ? inline === undefined
          ? null
          : fromXml(inline)
        : /t="s"/.test(attrs)
          ? shared[Number(v)]
          : Number(v);
  }
  return rows.map((r) => Array.from(r, (x) => x ?? null));
}

/** RFC 4180 CSV back to cells (numbers as numbers, blanks as null). */
function readCsv(text: string): (string | number | null)[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  return rows.map((r) => r.map((c) => (c === '' ? null : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

describe('the dashboard downloads', () => {
  it('CSV = XLSX = the page, for one filter and sort', async () => {
    const query = 'dari=2026-11&sampai=2026-12&kecamatan=36.71.01&urut=applications&arah=desc';
    const view = await Outcome.dashboard(ctxOf(officer), dashboardInput(new URLSearchParams(query)));
    // What the page shows: the kecamatan's two kelurahan, most applicants first, and the kecamatan's total.
    expect(view.rows.map((r) => [r.code, r.counts.applications])).toEqual([
      ['36.71.01.1001', 12],
      ['36.71.01.1002', 12],
    ]);
    expect(view.total).toMatchObject({ vacancies: 3, openings: 9, applications: 24, sales: 1_290_000 });
    const page = [
      ['kode', 'kelurahan', 'kecamatan', ...Outcome.COUNTERS, 'hireRate'],
      ...view.rows.map((r) => [
        r.code,
        r.name,
        r.districtName,
        ...Outcome.COUNTERS.map((c) => r.counts[c]),
        r.hireRate,
      ]),
      [null, 'TOTAL', null, ...Outcome.COUNTERS.map((c) => view.total[c]), view.total.hireRate],
    ];
    const csvRes = await csvGet(request(officer, query));
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-disposition')).toContain('capaian-2026-11_2026-12-36.71.01.csv');
    const xlsxRes = await xlsxGet(request(officer, query));
    expect(xlsxRes.status).toBe(200);
    const csv = readCsv(await csvRes.text());
    const xlsx = readXlsx(Buffer.from(await xlsxRes.arrayBuffer()));
    expect(csv).toEqual(page);
    // XLSX leaves blank cells out; pad its rows to the header's width.
    expect(xlsx.map((r) => Array.from({ length: page[0]?.length ?? 0 }, (_, i) => r[i] ?? null))).toEqual(page);
    // The download links keep the page's filters.
    expect(dashboardHref('/kantor/unduh.csv', view.filter)).toBe(`/kantor/unduh.csv?${query}`);
  });

  it('refuses non-officers (403) and reports a bad filter (400)', async () => {
    const resident: Actor = { userId: 'r', name: 'R', roles: ['resident'] };
    expect((await csvGet(request(resident, ''))).status).toBe(403);
    expect((await xlsxGet(request(undefined, ''))).status).toBe(403);
    expect((await csvGet(request(officer, 'dari=2026-13'))).status).toBe(400);
    expect((await xlsxGet(request(officer, 'kecamatan=99.99.99'))).status).toBe(400);
  });
});
