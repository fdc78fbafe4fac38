import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type * as Search from '@bursa/core/search';
import type MiniSearch from 'minisearch';
import { type Collection, type Doc, type ShopDoc, shopDoc } from '../packages/core/src/search/search.documents.ts';
import { createIndex, find, loadIndex, put } from '../packages/core/src/search/search.index.ts';
import { BASE_MS, type District, iso, products, shops, vacancies } from './bench/search-corpus.ts';
import { freshness } from './bench/search-freshness.ts';
import {
  type Freshness,
  type IndexFigures,
  type MemoryPart,
  pct,
  type QueryFigures,
  report,
} from './bench/search-report.ts';
import type { RunningStack } from './local/stack.ts';
import { readRegency } from './seed/regions.ts';

/**
 * Search at a regency's scale (`npx tsx scripts/bench-search.ts`, and the end
 * of `npm run bench`): a synthetic, deterministic Kota Tangerang corpus
 * (25,000 vacancies, 100,000 products, 10,000 shops, Indonesian text built
 * from word lists) indexed with the real document builders and index options,
 * then per collection the build time, the snapshot's size, the cold load
 * (gunzip + JSON.parse + loadIndex, as `loadSnapshot` does) and the loaded
 * index's heap; warm query latency for 20 everyday queries against all three
 * indexes (as `runSearch` asks them); and freshness on the local stack: a new
 * product written through core, how long until a search finds it. Figures
 * only, no thresholds; BENCH_SEARCH_MD=<file> also writes them as markdown.
 * The corpus is scripts/bench/search-corpus.ts (words: search-words.ts, search-catalogue.ts), the freshness
 * part scripts/bench/search-freshness.ts, the tables scripts/bench/search-report.ts.
 *
 * The in-memory part runs in a child `node --expose-gc` (a clean heap, and
 * `gc()` to measure it). BENCH_SEARCH_SCALE (default 1) scales the corpus
 * (0.1 for a quick run); BENCH_SEARCH_FRESHNESS=0 skips the stack part when
 * run on its own (it starts a seeded local stack, about a minute).
 */

const SCALE = Number(process.env.BENCH_SEARCH_SCALE ?? 1);
const SIZES = { vacancies: 25_000, products: 100_000, shops: 10_000 } as const;
const QUERIES = [
  'lowongan jahit',
  'penjahit',
  'supir',
  'kue lapis',
  'keripik ceker',
  'pnjahit',
  'kasirr',
  'admin gudang',
  'operator produksi',
  'barista',
  'perawat',
  'hijab',
  'sambel',
  'driver',
  'ojek',
  'cake',
  'madu',
  'cuci ac',
  'batik',
  'magang',
];

// --- the in-memory part (child process, --expose-gc) --------------------------------------

const gcFn = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gcFn?.();
  gcFn?.();
  return process.memoryUsage().heapUsed / 1_048_576;
};
const log = (s: string) => process.stderr.write(`  bench-search: ${s}\n`);

/** Every document's stamp in the snapshot (its source's version, 9 digits). */
const STAMP = '000000002';

type Loaded = { index: MiniSearch<Doc>; stamps: Map<string, string>; position: string };

function measureIndex(collection: Collection, docs: Search.Doc[]): { figures: IndexFigures; loaded: Loaded } {
  const before = heapMB();
  let t = performance.now();
  let index: MiniSearch<Doc> | undefined = createIndex(collection);
  const stamps = new Map<string, string>();
  for (const doc of docs) {
    put(index, doc);
    stamps.set(doc.id, STAMP); // the version, as `stampOf` writes it
  }
  const buildMs = performance.now() - t;
  const builtMB = heapMB() - before;
  const terms = index.termCount;
  const position = iso(BASE_MS);
  t = performance.now();
  let json: string | undefined = JSON.stringify({ v: 1, position, stamps: [...stamps], index });
  const gz = gzipSync(json);
  const serializeMs = performance.now() - t;
  const rawBytes = Buffer.byteLength(json);
  json = undefined;
  index = undefined;
  stamps.clear();
  // Cold loads: gunzip, parse, loadIndex (and the stamps' map), as `loadSnapshot` does; the last one stays.
  const runs: { gunzip: number; parse: number; load: number; heap: number; peak: number }[] = [];
  let kept: Loaded | undefined;
  for (let i = 0; i < 3; i++) {
    kept = undefined; // the previous load goes before measuring the next
    const base = heapMB();
    const t0 = performance.now();
    let text: string | undefined = gunzipSync(gz).toString('utf8');
    const t1 = performance.now();
    let file: { position: string; stamps: [string, string][]; index: unknown } | undefined = JSON.parse(text);
    text = undefined;
    const t2 = performance.now();
    kept = {
      index: loadIndex(collection, file?.index),
      stamps: new Map(file?.stamps),
      position: String(file?.position),
    };
    const t3 = performance.now();
    const peak = process.memoryUsage().heapUsed / 1_048_576 - base;
    file = undefined;
    runs.push({ gunzip: t1 - t0, parse: t2 - t1, load: t3 - t2, heap: heapMB() - base, peak });
  }
  const last = runs.at(-1) as (typeof runs)[number];
  const cold = runs.map((r) => r.gunzip + r.parse + r.load);
  const mid = (xs: number[]) => pct(xs, 50);
  return {
    figures: {
      collection,
      docs: docs.length,
      buildMs,
      builtMB,
      serializeMs,
      rawBytes,
      gzipBytes: gz.length,
      gunzipMs: mid(runs.map((r) => r.gunzip)),
      parseMs: mid(runs.map((r) => r.parse)),
      loadIndexMs: mid(runs.map((r) => r.load)),
      coldMs: mid(cold),
      coldMsRuns: cold,
      heapMB: last.heap,
      peakMB: Math.max(...runs.map((r) => r.peak)),
      terms,
    },
    loaded: kept as Loaded,
  };
}

async function memoryPart(): Promise<MemoryPart> {
  const started = performance.now();
  const districts = (await readRegency('36.71')).districts as District[];
  const n = (c: Collection) => Math.max(10, Math.round(SIZES[c] * SCALE));
  const indexes: IndexFigures[] = [];
  const loaded = {} as Record<Collection, Loaded>;
  let corpusMs = 0;
  const shopList = shops(n('shops'), districts);
  for (const c of ['vacancies', 'products', 'shops'] as const) {
    let t = performance.now();
    let docs: Search.Doc[] | undefined =
      c === 'vacancies'
        ? vacancies(n(c), districts)
        : c === 'products'
          ? products(n(c), shopList, districts)
          : shopList.map((s) => shopDoc(s)).filter((d): d is ShopDoc => Boolean(d));
    corpusMs += performance.now() - t;
    t = performance.now();
    const m = measureIndex(c, docs);
    docs = undefined;
    indexes.push(m.figures);
    loaded[c] = m.loaded;
    log(
      `${c}: ${m.figures.docs} docs, built in ${(m.figures.buildMs / 1000).toFixed(1)} s, cold load ${m.figures.coldMs.toFixed(0)} ms, ${m.figures.heapMB.toFixed(0)} MB (${((performance.now() - t) / 1000).toFixed(0)} s)`,
    );
  }
  // Warm queries: all three collections per query, as runSearch asks them.
  const nowS = Math.floor(BASE_MS / 1000);
  const perCol: Record<Collection, number[]> = { vacancies: [], products: [], shops: [] };
  const all: number[] = [];
  const queries: QueryFigures[] = [];
  const budgetMs = Number(process.env.BENCH_SEARCH_QUERY_MS ?? 2500);
  for (const q of QUERIES) {
    // As runSearch does for the "all" tab: no facets; typos forgiven, then any word, only when nothing is found anywhere.
    const count = (mode: Search.Mode) =>
      (['vacancies', 'products', 'shops'] as const).reduce(
        (n, c) => n + find(loaded[c].index, c, q, {}, nowS, { facets: false, mode }).hits.length,
        0,
      );
    const mode: Search.Mode =
      count('exact') > 0 ? 'exact' : count('typos') > 0 || !q.trim().includes(' ') ? 'typos' : 'any';
    const opts = { facets: false, mode };
    const hits = (['vacancies', 'products', 'shops'] as const).map(
      (c) => find(loaded[c].index, c, q, {}, nowS, opts).hits.length,
    ) as [number, number, number];
    for (let i = 0; i < 2; i++)
      for (const c of ['vacancies', 'products', 'shops'] as const) find(loaded[c].index, c, q, {}, nowS, opts);
    const times: number[] = [];
    const began = performance.now();
    while (times.length < 50 && (times.length < 10 || performance.now() - began < budgetMs)) {
      const t0 = performance.now();
      for (const c of ['vacancies', 'products', 'shops'] as const) {
        const tc = performance.now();
        find(loaded[c].index, c, q, {}, nowS, opts);
        perCol[c].push(performance.now() - tc);
      }
      times.push(performance.now() - t0);
    }
    all.push(...times);
    queries.push({ q, hits, rounds: times.length, p50: pct(times, 50), p99: pct(times, 99) });
  }
  log(`queries done (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  return {
    scale: SCALE,
    gc: Boolean(gcFn),
    node: process.version,
    corpusMs,
    indexes,
    queries,
    overall: { p50: pct(all, 50), p99: pct(all, 99), samples: all.length },
    perCollection: {
      vacancies: { p50: pct(perCol.vacancies, 50), p99: pct(perCol.vacancies, 99) },
      products: { p50: pct(perCol.products, 50), p99: pct(perCol.products, 99) },
      shops: { p50: pct(perCol.shops, 50), p99: pct(perCol.shops, 99) },
    },
  };
}

/** Runs the in-memory part in a fresh `node --expose-gc` and reads its figures. */
async function runChild(): Promise<MemoryPart> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bursa-bench-search-'));
  const out = path.join(dir, 'figures.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=6144',
          '--import',
          import.meta.resolve('tsx'),
          fileURLToPath(import.meta.url),
        ],
        { env: { ...process.env, BENCH_SEARCH_CHILD: out }, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`bench-search: the in-memory part exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as MemoryPart;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The search figures. With the bench's running stack, freshness is measured
 * on it; run on its own, a seeded in-memory stack is started for it (unless
 * BENCH_SEARCH_FRESHNESS=0).
 */
export async function benchSearch(o: { stack?: RunningStack } = {}): Promise<void> {
  const started = performance.now();
  console.log(`\nsearch bench: building a scale-${SCALE} corpus (in a child node --expose-gc)…`);
  const m = await runChild();
  let fresh: Freshness | undefined;
  let note = '';
  let own: RunningStack | undefined;
  try {
    if (!o.stack && process.env.BENCH_SEARCH_FRESHNESS !== '0') {
      const { startStack } = await import('./local/stack.ts');
      log('starting a seeded local stack for freshness…');
      own = await startStack({ port: 0, tableName: 'bench-search', mediaBucket: 'bench-search-media', seed: true });
    }
    if (o.stack || own) fresh = await freshness(Number(process.env.BENCH_SEARCH_TRIES ?? 5));
    else note = 'skipped (BENCH_SEARCH_FRESHNESS=0)';
  } catch (e) {
    note = `failed: ${(e as Error).message}`;
  } finally {
    await own?.stop();
  }
  report(m, fresh, note);
  console.log(`(search bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const isMain = (() => {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1] as string) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();
if (isMain) {
  const child = process.env.BENCH_SEARCH_CHILD;
  if (child) writeFileSync(child, JSON.stringify(await memoryPart()));
  else await benchSearch();
  process.exit(0);
}
