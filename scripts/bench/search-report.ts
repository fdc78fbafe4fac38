import { writeFileSync } from 'node:fs';
import type { Collection } from '../../packages/core/src/search/search.documents.ts';

/** The search bench's figures, printed as tables (and, with BENCH_SEARCH_MD, written as markdown). */

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export type IndexFigures = {
  collection: Collection;
  docs: number;
  buildMs: number;
  builtMB: number;
  serializeMs: number;
  rawBytes: number;
  gzipBytes: number;
  gunzipMs: number;
  parseMs: number;
  loadIndexMs: number;
  coldMs: number;
  coldMsRuns: number[];
  heapMB: number;
  peakMB: number;
  terms: number;
};

export type QueryFigures = { q: string; hits: [number, number, number]; rounds: number; p50: number; p99: number };

export type MemoryPart = {
  scale: number;
  gc: boolean;
  node: string;
  corpusMs: number;
  indexes: IndexFigures[];
  queries: QueryFigures[];
  overall: { p50: number; p99: number; samples: number };
  perCollection: Record<Collection, { p50: number; p99: number }>;
};

export type Freshness = { tries: number[]; hidden: number[]; writeMs: number[]; pollMs: number; via: string };

const mb = (bytes: number) => bytes / 1_048_576;
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

/** Rows as an aligned text table (first column left, the rest right) and as a markdown table. */
function grid(head: string[], rows: string[][]): { text: string[]; md: string[] } {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return {
    text: [line(head), ...rows.map(line)],
    md: [
      `| ${head.join(' | ')} |`,
      `|${head.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ],
  };
}

export function report(m: MemoryPart, fresh: Freshness | undefined, freshNote: string) {
  const totalDocs = m.indexes.reduce((s, x) => s + x.docs, 0);
  const totalHeap = m.indexes.reduce((s, x) => s + x.heapMB, 0);
  const totalCold = m.indexes.reduce((s, x) => s + x.coldMs, 0);
  const totalGz = m.indexes.reduce((s, x) => s + x.gzipBytes, 0);
  const totalRaw = m.indexes.reduce((s, x) => s + x.rawBytes, 0);
  const heapWord = m.gc ? 'heap measured after gc()' : 'heapUsed deltas WITHOUT gc (rough)';
  const idx = grid(
    [
      'collection',
      'docs',
      'build s',
      'built MB',
      'terms',
      'snapshot gz MB',
      'raw JSON MB',
      'cold load ms',
      'gunzip+parse+load ms',
      'heap MB',
      'load peak MB',
      'MB/10k docs',
      'ms/10k docs',
    ],
    [
      ...m.indexes.map((x) => {
        const per = 10_000 / x.docs;
        return [
          x.collection,
          x.docs.toLocaleString('en'),
          f1(x.buildMs / 1000),
          f0(x.builtMB),
          x.terms.toLocaleString('en'),
          f1(mb(x.gzipBytes)),
          f1(mb(x.rawBytes)),
          f0(x.coldMs),
          `${f0(x.gunzipMs)}+${f0(x.parseMs)}+${f0(x.loadIndexMs)}`,
          f0(x.heapMB),
          f0(x.peakMB),
          f1(x.heapMB * per),
          f0(x.coldMs * per),
        ];
      }),
      [
        'all three',
        totalDocs.toLocaleString('en'),
        f1(m.indexes.reduce((s, x) => s + x.buildMs, 0) / 1000),
        f0(m.indexes.reduce((s, x) => s + x.builtMB, 0)),
        '',
        f1(mb(totalGz)),
        f1(mb(totalRaw)),
        f0(totalCold),
        '',
        f0(totalHeap),
        '',
        f1((totalHeap * 10_000) / totalDocs),
        f0((totalCold * 10_000) / totalDocs),
      ],
    ],
  );
  const qs = grid(
    ['query (find on all three)', 'hits vac/prod/shop', 'rounds', 'p50 ms', 'p99 ms'],
    [
      ...m.queries.map((q) => [q.q, q.hits.join(' / '), String(q.rounds), f1(q.p50), f1(q.p99)]),
      ['overall', '', String(m.overall.samples), f1(m.overall.p50), f1(m.overall.p99)],
    ],
  );
  const perCollection = (['vacancies', 'products', 'shops'] as const)
    .map((c) => `${c} ${f1(m.perCollection[c].p50)}/${f1(m.perCollection[c].p99)}`)
    .join(', ');
  const lines = [
    '',
    `search at scale ${m.scale} (1 = Kota Tangerang), ${m.node}, ${heapWord}`,
    ...idx.text,
    '',
    ...qs.text,
    `per collection p50/p99 ms: ${perCollection}`,
  ];
  const md = idx.md;
  const qmd = qs.md;
  const fmd: string[] = [];
  if (fresh) {
    lines.push(
      '',
      `freshness (${fresh.via}; poll every ${fresh.pollMs} ms): write → found p50 ${f0(pct(fresh.tries, 50))} ms [${fresh.tries.map(f0).join(', ')}], hidden → gone p50 ${f0(pct(fresh.hidden, 50))} ms [${fresh.hidden.map(f0).join(', ')}], the write itself p50 ${f0(pct(fresh.writeMs, 50))} ms`,
    );
    fmd.push(
      `New product (\`Shop.createProduct\` as the demo seller) → found by \`Search.search\` (${fresh.via}, polled every ${fresh.pollMs} ms), ${fresh.tries.length} tries on DynamoDB Local + the local stream poller:`,
      '',
      `- write → found: p50 **${f0(pct(fresh.tries, 50))} ms** (${fresh.tries.map(f0).join(', ')} ms)`,
      `- hidden (\`updateProduct\` status hidden) → gone: p50 ${f0(pct(fresh.hidden, 50))} ms (${fresh.hidden.map(f0).join(', ')} ms)`,
      `- the write itself: p50 ${f0(pct(fresh.writeMs, 50))} ms`,
      '',
      'The local stream poller (idle back-off up to 250 ms) and the 50 ms polling dominate; in AWS the event source mapping typically delivers within a second.',
    );
  } else {
    lines.push('', `freshness: ${freshNote}`);
    fmd.push(`Not measured in this run (${freshNote}).`);
  }

  // Scale plan: where one function's memory or cold load gives out, from this run's rates (linear extrapolation).
  const prod = m.indexes.find((x) => x.collection === 'products') ?? (m.indexes[0] as IndexFigures);
  const per10k = (x: number, docs: number) => (x * 10_000) / docs;
  const mbPer10k = per10k(totalHeap, totalDocs);
  const msPer10k = per10k(totalCold, totalDocs);
  // Loading is synchronous per snapshot: the worst moment is the last (largest) one's peak on top of the others.
  const peakPer10k = per10k(totalHeap - prod.heapMB + Math.max(prod.heapMB, prod.peakMB), totalDocs);
  const prodPeakPer10k = per10k(Math.max(prod.heapMB, prod.peakMB), prod.docs);
  const prodMsPer10k = per10k(prod.coldMs, prod.docs);
  const prodShare = prod.docs / totalDocs;
  const runtimeMB = 150; // Node, the AWS SDK and the function's code, before any index
  const usable = (configMB: number) => configMB * 0.7 - runtimeMB; // 30 % headroom for queries and compaction
  const k = (n: number) =>
    n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} M` : `${Math.round(n / 1000).toLocaleString('en')}k`;
  // One function holding a regency's three indexes:
  const memAll3g = (usable(3072) / peakPer10k) * 10_000;
  const memAll10g = (usable(10_240) / peakPer10k) * 10_000;
  const coldAll = (3000 / msPer10k) * 10_000;
  // A function per collection: products (the largest) decide; as regency documents at this run's mix.
  const coldProd = (3000 / prodMsPer10k) * 10_000;
  const memProd3g = (usable(3072) / prodPeakPer10k) * 10_000;
  const splitAt = Math.min(coldAll, memAll3g);
  const openSearchAt = Math.min(coldProd, memProd3g) / prodShare;
  const tangerangs = (n: number) => (n * m.scale) / totalDocs;
  const command = `BENCH_SEARCH_SCALE=${m.scale} npx tsx scripts/bench-search.ts`;
  const out = [
    '## Search at regency scale (measured)',
    '',
    `Synthetic, deterministic Kota Tangerang corpus at scale ${m.scale} (1 = 25,000 vacancies, 100,000 products, 10,000 shops; Indonesian titles and 100–400-character descriptions composed from word lists, with addresses, WhatsApp numbers and a 2 % sprinkle of misspellings), documents built by the real \`vacancyDoc\`/\`productDoc\`/\`shopDoc\` and indexed with the real index options (\`createIndex\`/\`put\`/\`loadIndex\`/\`find\`). Node ${m.node} on this 2-core machine; heap ${m.gc ? 'measured after `gc()` (child `node --expose-gc`)' : 'as heapUsed deltas WITHOUT gc (rough)'}. Snapshot = gzip(JSON {v, position, stamps, index}) as \`compact\` writes it; cold load = gunzip + JSON.parse + loadIndex + the stamps map, as \`loadSnapshot\` does (median of 3).`,
    '',
    ...md,
    '',
    'Heap: the loaded index (and its stamps) after gc. Load peak: heap right after loading, before the parsed JSON is collected (what a cold start must fit on top of what is already loaded).',
    '',
    `### Warm queries (\`find\` on all three indexes, as \`runSearch\` asks them; no filters)`,
    '',
    ...qmd,
    '',
    `Per collection p50/p99 ms: ${perCollection}. Latency follows the number of matches (every match is scored, faceted and sorted; there is no top-k cut), not the corpus size as such.`,
    '',
    '### Freshness',
    '',
    ...fmd,
    '',
    '### Scale plan (draft)',
    '',
    `- **Measured rates:** ${f1(mbPer10k)} MB of heap and ${f0(msPer10k)} ms of cold load per 10k documents, the three collections together (products alone: ${f1(per10k(prod.heapMB, prod.docs))} MB and ${f0(prodMsPer10k)} ms per 10k). This corpus (${totalDocs.toLocaleString('en')} documents): ${f0(totalHeap)} MB of heap, ${f1(mb(totalGz))} MB of snapshots (${f1(mb(totalRaw))} MB of JSON), ${f1(totalCold / 1000)} s to load all three cold, warm queries p50 ${f1(m.overall.p50)} ms / p99 ${f1(m.overall.p99)} ms for the three indexes.`,
    `- **Assumptions:** about ${runtimeMB} MB for the runtime before any index; indexes and the load peak kept under 70 % of the function's memory (queries allocate per match; compaction holds the index plus its JSON and gzip copies: ${f1(mb(prod.rawBytes))} MB of JSON for products here); linear growth (vocabulary saturates, which flatters larger corpora; real text has a longer tail of words than word lists, which does not); Lambda gets one full vCPU at 1,769 MB and less below, so cold loads there are this machine's or slower.`,
    `- **One function per regency, all three indexes (today):** memory runs out at about **${k(memAll3g)} documents** with 3 GB (${k(memAll10g)} at the 10 GB maximum); the cold load passes 3 s at about **${k(coldAll)} documents**. Tangerang at full size (${k(totalDocs / m.scale)}) is at ${f0((100 * totalDocs) / m.scale / coldAll)} % of the cold-load point and ${f0((100 * totalDocs) / m.scale / memAll3g)} % of the 3 GB point.`,
    `- **Split by collection** (a search function, or at least a snapshot load, per collection; products are ${Math.round(prodShare * 100)} % of the documents and ${Math.round((prod.heapMB / totalHeap) * 100)} % of the memory) when a regency passes ~${k(splitAt)} documents (${f1(tangerangs(splitAt))}× Tangerang) or its measured cold load passes 3 s. Multi-regency deployments: never more than one regency per function (\`indexFor\` already keys indexes by regency; \`runSearch\` serves \`homeRegency\` only).`,
    `- **Move to Amazon OpenSearch Serverless** behind the same port (\`Search.search\`; documents and the change log stay as they are) when a regency passes ~**${k(openSearchAt)} documents** (${f1(tangerangs(openSearchAt))}× Tangerang: the products index alone then loads cold in over 3 s or needs more than a 3 GB function, even after the split), or a deployment needs more than ~${k(memAll10g)} documents in all served by one function (one 10 GB function's worth), or when it runs so many regency functions that their warm-keeping and compaction cost more than OpenSearch Serverless' monthly floor (roughly US$175–350, STACK-NOTES).`,
    "- Cheaper steps before moving: index fewer description characters (`TEXT_MAX`; descriptions are most of an index's terms per document), keep one search function warm (provisioned concurrency) so a cold load is rare, or shard products by kecamatan.",
    '',
    `Reproduce: \`${command}\` (or at the end of \`npm run bench\`; \`BENCH_SEARCH=0\` skips it).`,
    '',
  ];
  for (const l of lines) console.log(l);
  const file = process.env.BENCH_SEARCH_MD;
  if (file) {
    writeFileSync(file, out.join('\n'));
    console.log(`\n(markdown written to ${file})`);
  }
}
