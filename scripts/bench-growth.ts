import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDb } from '@bursa/core/db';
import type { Growth } from './bench/growth-data.ts';

export { demoGrowth } from './bench/growth-data.ts';

/**
 * The bench's data-growth mode (BENCH_GROWTH=10 or 100): the same requests at the demo's
 * size, then after loading copies of demo items until there are 10× (and, for 100, then
 * 100×) as many (`demoGrowth`): open vacancies, all at the demo employer's company (so its
 * public page and its employer list grow too, the two lists issue 15 names), applications
 * to one of its vacancies (its applicant list), one demo shop's products, posts, followers,
 * reviews and orders (its storefront, /pasar, search, the buyer's and the shop's order
 * lists, sales), and one person's notifications. The copies are put straight into the table, as
 * an import would, and the stream projections list, count and index them like any other. Prints round trips, read units, bytes and
 * p50/p99 at each size, and the ratio of read units between the last two sizes: at the
 * demo's size some lists are shorter than a page, so 10× → 100× is where growth would show.
 */
type Cost = { p50: number; p99: number; calls: number; rcu: number; bytes: number };
type Item = Record<string, unknown>;

export async function benchGrowth(o: {
  url: string;
  endpoint: string;
  tableName: string;
  factor: number;
  settle: (timeoutMs?: number) => Promise<void>;
  routes: [string, Record<string, string>][];
  measure: (url: string, headers: Record<string, string>) => Promise<Omit<Cost, 'bytes'>>;
  grow: Growth[];
}) {
  const run = async () => {
    const out = new Map<string, Cost>();
    for (const [route, headers] of o.routes) {
      const r = await o.measure(o.url + route, headers);
      const bytes = (await (await fetch(o.url + route, { headers })).arrayBuffer()).byteLength;
      out.set(route, { ...r, bytes });
    }
    return out;
  };
  const db = createDb({ region: 'ap-southeast-3', dynamodbEndpoint: o.endpoint, tableName: o.tableName });
  const sources: Item[] = [];
  const demoCounts: number[] = [];
  for (const g of o.grow) {
    const key = typeof g.key === 'function' ? await g.key(db) : g.key;
    if (!key) throw new Error(`bench growth: no demo item for ${g.label}`);
    const { Item } = await db.doc.send(new GetCommand({ TableName: o.tableName, Key: key }));
    if (!Item) throw new Error(`bench growth: the demo item for ${g.label} is missing`);
    sources.push(Item);
    demoCounts.push(typeof g.demoCount === 'number' ? g.demoCount : await g.demoCount(db));
  }
  const sizes = [1, ...[10, 100].filter((f) => f <= o.factor)];
  const results: Map<string, Cost>[] = [await run()];
  const loaded = o.grow.map(() => 0);
  for (const size of sizes.slice(1)) {
    const started = performance.now();
    const done: string[] = [];
    for (const [g, growth] of o.grow.entries()) {
      const source = sources[g] as Item;
      const demoCount = demoCounts[g] ?? 0;
      const extra = (size - 1) * demoCount - (loaded[g] ?? 0);
      for (let i = 0; i < extra; i += 25) {
        const items = Array.from({ length: Math.min(25, extra - i) }, (_, k) => {
          const n = (loaded[g] ?? 0) + i + k + 1;
          return growth.copy(source, n, Date.now() - n * 60_000);
        });
        await db.doc.send(
          new BatchWriteCommand({ RequestItems: { [o.tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }),
        );
      }
      loaded[g] = (loaded[g] ?? 0) + extra;
      done.push(`${demoCount * size} ${growth.label}`);
    }
    await o.settle(30 * 60_000);
    // The search function reads its change log from its last snapshot on: right after a bulk load that is
    // every loaded vacancy. Measure in the steady state, after the next compaction (every minute locally,
    // 15 minutes in AWS), as a request would meet it.
    await new Promise((r) => setTimeout(r, 65_000));
    console.log(
      `\ndata growth ${size}×: ${done.join(', ')} (loaded and projected in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    results.push(await run());
  }
  const head = sizes.map((s) => `${s}×`.padStart(6)).join('');
  const last = sizes.length - 1;
  const ratioOf = `${sizes[last]}×/${sizes[last - 1]}×`;
  console.log(
    `\nroute                                     calls${head}   RCU${head}  ${ratioOf.padStart(8)}   KB${head}   p50${head}  p99 ${sizes[last]}×`,
  );
  for (const [route] of o.routes) {
    const at = results.map((r) => r.get(route) as Cost);
    const a = at[last - 1] as Cost;
    const b = at[last] as Cost;
    const ratio = a.rcu > 0 ? (b.rcu / a.rcu).toFixed(2) : '–';
    const cols = (f: (c: Cost) => number, digits = 1) => at.map((c) => f(c).toFixed(digits).padStart(6)).join('');
    console.log(
      `${route.slice(0, 40).padEnd(41)} ${cols((c) => c.calls)}   ${cols((c) => c.rcu)}  ${ratio.padStart(8)}   ${cols((c) => c.bytes / 1024)}   ${cols((c) => c.p50, 0)}  ${b.p99.toFixed(0).padStart(7)}`,
    );
  }
}
