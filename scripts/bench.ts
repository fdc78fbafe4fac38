import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { dbMetrics } from '@bursa/core/db';
import { benchGrowth, demoGrowth } from './bench-growth.ts';
import { importMs } from './bench-imports.ts';
import { benchSearch } from './bench-search.ts';
import { benchWrites, type Tap, vacancyWrites } from './bench-writes.ts';
import { lambdaDist, lambdas } from './bundle-functions.ts';
import { startStack } from './local/stack.ts';
import { DEMO_PASSWORD } from './seed/demo.ts';

/**
 * `npm run bench`: starts the local stack on free ports (in-memory DynamoDB),
 * loads demo data, then reports latency (p50/p99) and throughput for a few
 * routes, and the size of each Lambda bundle. Figures only, no thresholds:
 * compare runs on the same machine. Run `npm run build` first.
 *
 * Also reports DynamoDB round trips and capacity units per request (what a
 * request costs), counted by core's opt-in instrumentation (BURSA_DB_METRICS).
 *
 * BENCH_REQUESTS (default 2000) and BENCH_CONCURRENCY (default 16) tune the load.
 * BENCH_ROUTES=0 skips the per-route table (for the write budget or growth tables alone).
 * BENCH_GROWTH=10 (or 100) adds the data-growth table (scripts/bench-growth.ts).
 * Ends with search at a regency's scale (scripts/bench-search.ts; BENCH_SEARCH=0 skips it).
 */
process.env.BURSA_DB_METRICS = '1';
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function measure(url: string, headers: Record<string, string> = {}) {
  const get = () => fetch(url, { headers });
  // Warm up: JIT, connection pools, first-render caches.
  for (let i = 0; i < 50; i++) await (await get()).arrayBuffer();
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t0 = performance.now();
        const res = await get();
        await res.arrayBuffer();
        if (!res.ok) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Cost: sequential requests, so every DynamoDB call counted belongs to this route.
  const m = dbMetrics();
  const before = { calls: m.calls, read: m.readUnits, write: m.writeUnits };
  const costRuns = 20;
  for (let i = 0; i < costRuns; i++) await (await get()).arrayBuffer();
  const cost = {
    calls: (m.calls - before.calls) / costRuns,
    rcu: (m.readUnits - before.read) / costRuns,
    wcu: (m.writeUnits - before.write) / costRuns,
  };
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { p50: pct(50), p99: pct(99), rps: latencies.length / seconds, failures, ...cost };
}

/** Signs a demo login in through the API: the session cookie to send with its requests. */
async function sessionOf(base: string, identifier: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench: signing ${identifier} in answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

const tap: Tap = { records: [] };
const stack = await startStack({
  port: 0,
  tableName: 'bench',
  mediaBucket: 'bench-media',
  seed: true,
  // The write budget prices writes from the stream's images (scripts/bench-writes.ts).
  onStreamHandled: (records) => tap.records.push(...records),
  // Every DynamoDB call in this process counts against the route being measured: no minute jobs.
  scheduledJobs: false,
});
try {
  console.log(`Bursa bench: ${requests} requests per route, ${concurrency} concurrent, ${stack.url}\n`);
  const someVacancy = (
    (await (await fetch(`${stack.url}/api/vacancies?limit=1`)).json()) as { items: { id: string }[] }
  ).items[0]?.id;
  // Signed in: the demo employer's pipeline and the demo job seeker's pages (cost must not grow with applicants).
  const employer = await sessionOf(stack.url, 'hrd@sinargarmen.co.id');
  const seeker = await sessionOf(stack.url, '0812 3456 7890');
  const me = (await (await fetch(`${stack.url}/api/me`, { headers: employer })).json()) as {
    companies: { companyId: string }[];
    csrf: string;
  };
  const companyId = me.companies[0]?.companyId;
  const ours = (
    (await (await fetch(`${stack.url}/api/vacancies?limit=50`)).json()) as {
      items: { id: string; companyId: string }[];
    }
  ).items.find((v) => v.companyId === companyId)?.id;
  const seller = await sessionOf(stack.url, '0812 9000 1001');
  const aProduct = (await (await fetch(`${stack.url}/@dapurbuani`)).text()).match(
    /href="(\/@dapurbuani\/[a-z0-9-]+)"/,
  )?.[1];
  // Orders: the demo job seeker's and the demo seller's shop's (seeded in every state).
  const anOrder = (await (await fetch(`${stack.url}/saya/pesanan`, { headers: seeker })).text()).match(
    /BRS-[2-9A-Z]{5}/,
  )?.[0];
  const shopId = (await (await fetch(`${stack.url}/saya`, { headers: seller })).text()).match(
    /\/saya\/toko\/([0-9a-z]{20})\/pesanan/,
  )?.[1];
  // Job fairs: the live demo fair, one of its booths, Andi's ticket, the office's report.
  const officer = await sessionOf(stack.url, 'petugas@disnaker.tangerangkota.go.id');
  const liveFair = (await (await fetch(`${stack.url}/bursa-kerja`)).text()).match(
    /href="(\/bursa-kerja\/virtual-job-fair[a-z0-9-]*)"/,
  )?.[1];
  const aBooth = (await (await fetch(`${stack.url}${liveFair}`)).text()).match(
    /href="(\/bursa-kerja\/[a-z0-9-]+\/[0-9a-z]{20})"/,
  )?.[1];
  const fairAdmin = (await (await fetch(`${stack.url}${liveFair}`, { headers: officer })).text()).match(
    /href="\/saya\/bursa-kerja\/([0-9a-z]{20})"/,
  )?.[1];
  const signedIn: [string, Record<string, string>][] = [
    [`${liveFair}/tiket`, seeker],
    [`/saya/bursa-kerja/${fairAdmin}/laporan`, officer],
    ['/saya/pesanan', seeker],
    [`/saya/pesanan/${anOrder}`, seeker],
    ['/keranjang', seeker],
    [`/saya/toko/${shopId}/pesanan`, seller],
    [`/saya/toko/${shopId}/penjualan`, seller],
    ['/beranda', seeker],
    ['/@dapurbuani', seller],
    [`/api/vacancies/${ours}/applications`, employer],
    [`/saya/perusahaan/${companyId}/lowongan/${ours}/pelamar`, employer],
    [`/saya/perusahaan/${companyId}/lowongan`, employer],
    ['/saya/lamaran', seeker],
    ['/saya/profil', seeker],
    ['/api/me/notifications', seeker],
    ['/saya/notifikasi', seeker],
    // The office: the dashboard, its queues and logs, the settlement list.
    ['/kantor', officer],
    ['/kantor/tinjauan', officer],
    ['/kantor/laporan', officer],
    ['/kantor/perusahaan', officer],
    ['/kantor/program', officer],
    ['/kantor/audit', officer],
    ['/saya/lencana', officer],
    ['/saya/setelmen', officer],
    [`/saya/toko/${shopId}/anggota`, seller],
  ];
  const routes: [string, Record<string, string>][] = [
    ...[
      '/api/health',
      '/api/regions/36.71',
      '/api/vacancies',
      '/',
      '/en',
      '/lowongan',
      '/lowongan?kecamatan=36.71.02&pendidikan=SMA',
      `/lowongan/${someVacancy}`,
      `/perusahaan/${companyId}`,
      '/pasar',
      '/pasar?kategori=kuliner&kecamatan=36.71.01',
      '/pasar?lihat=toko',
      '/@dapurbuani',
      '/@dapurbuani?tab=posting',
      '/@dapurbuani?tab=ulasan',
      `${aProduct}`,
      '/bursa-kerja',
      `${liveFair}`,
      `${aBooth}`,
    ].map((r): [string, Record<string, string>] => [r, {}]),
    ...signedIn,
  ];
  console.log('route                                        p50 ms   p99 ms    req/s  fail   DDB calls    RCU    WCU');
  for (const [route, headers] of process.env.BENCH_ROUTES === '0' ? [] : routes) {
    const r = await measure(stack.url + route, headers);
    console.log(
      `${route.slice(0, 42).padEnd(43)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)} ${String(r.failures).padStart(5)} ${r.calls.toFixed(1).padStart(11)} ${r.rcu.toFixed(1).padStart(6)} ${r.wcu.toFixed(1).padStart(6)}`,
    );
  }
  // Page weight on a 360 px phone: the HTML (styles inline, scripts tiny), then the images the
  // browser picks from each srcset for its slot (`sizes` at 360 px) at 1× and 2× pixel density.
  console.log(
    '\npage (360 px)                  HTML gzip   images  bytes@1x  bytes@2x  (first 6 images, above the fold)',
  );
  for (const route of [
    '/',
    '/lowongan',
    '/en/lowongan',
    `/lowongan/${someVacancy}`,
    `/perusahaan/${companyId}`,
    '/pasar',
    '/@dapurbuani',
    '/@dapurbuani?tab=posting',
    `${aProduct}`,
  ]) {
    const html = await (await fetch(stack.url + route)).text();
    const imgs = [...html.matchAll(/<img[^>]*srcset="([^"]+)"[^>]*sizes="([^"]+)"/g)].map((m) => ({
      srcset: (m[1] ?? '').split(', ').map((c) => {
        const [url = '', w = '0w'] = c.split(' ');
        return { url, w: Number.parseInt(w, 10) };
      }),
      sizes: m[2] ?? '',
    }));
    const slot = (sizes: string) => {
      const last = sizes.split(',').at(-1)?.trim() ?? '100vw';
      return last.endsWith('vw') ? (360 * Number.parseFloat(last)) / 100 : Number.parseFloat(last);
    };
    const bytesAt = async (dpr: number) => {
      let total = 0;
      for (const img of imgs.slice(0, 6)) {
        const need = slot(img.sizes) * dpr;
        const pick = img.srcset.find((c) => c.w >= need) ?? img.srcset.at(-1);
        if (pick) total += (await (await fetch(stack.url + pick.url)).arrayBuffer()).byteLength;
      }
      return total;
    };
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `${route.slice(0, 30).padEnd(31)} ${kb(gzipSync(html).length).padStart(9)} ${String(imgs.length).padStart(8)} ${kb(await bytesAt(1)).padStart(9)} ${kb(await bytesAt(2)).padStart(9)}`,
    );
  }
  console.log('\nlambda bundle      minified    gzipped   import (median of 5 fresh processes)');
  for (const name of Object.keys(lambdas)) {
    const file = path.join(lambdaDist, name, 'index.mjs');
    const bytes = statSync(file).size;
    const gz = gzipSync(readFileSync(file)).length;
    const ms = importMs(file);
    console.log(
      `${name.padEnd(16)} ${(bytes / 1024).toFixed(0).padStart(7)} KB ${(gz / 1024).toFixed(0).padStart(7)} KB ${ms === undefined ? '      –' : `${ms.toFixed(0).padStart(6)} ms`}`,
    );
  }
  // The write budget: publishing, editing and closing a vacancy, projections included.
  if (companyId) {
    const headers = { ...employer, 'content-type': 'application/json', 'x-csrf-token': me.csrf };
    await benchWrites({ projections: stack.projections, tap, scenarios: vacancyWrites(stack.url, companyId, headers) });
  }
  // BENCH_GROWTH=10 or 100: every route again after loading that many times the demo's data
  // (what grows: demoGrowth in scripts/bench/growth-data.ts).
  const factor = Number(process.env.BENCH_GROWTH ?? 0);
  if (factor > 1 && ours && companyId) {
    const applicants = (
      (await (
        await fetch(`${stack.url}/api/vacancies/${ours}/applications?limit=50`, { headers: employer })
      ).json()) as {
        items: { userId: string }[];
      }
    ).items;
    const applicant = applicants[0]?.userId;
    // The demo product's id is the end of its address (`/@dapurbuani/<slug>-<id>`); the seller's shop is Dapur Bu Ani.
    const aProductId = aProduct?.split('-').at(-1);
    if (!applicant) throw new Error('bench growth: the demo vacancy has no applicant to copy');
    await benchGrowth({
      url: stack.url,
      endpoint: stack.dynamodb.endpoint,
      tableName: 'bench',
      factor,
      settle: (ms) => stack.projections.settle(ms),
      measure,
      grow: demoGrowth({
        vacancyId: ours,
        openVacancies: ((await (await fetch(`${stack.url}/api/vacancies?limit=50`)).json()) as { items: unknown[] })
          .items.length,
        applicant,
        applicants: applicants.length,
        shopId,
        productId: aProductId,
        seekerId: ((await (await fetch(`${stack.url}/api/me`, { headers: seeker })).json()) as { user: { id: string } })
          .user.id,
      }),
      routes: [...routes, [`/api/companies/${companyId}/vacancies`, employer]],
    });
  }
  if (process.env.BENCH_SEARCH !== '0') await benchSearch({ stack });
} finally {
  await stack.stop();
}
