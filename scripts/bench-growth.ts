import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDb } from '@bursa/core/db';
import { newId } from '@bursa/core/kernel';

/**
 * The bench's data-growth mode (BENCH_GROWTH=10 or 100): the same requests at the demo's
 * size, then after loading (factor − 1) × the demo's open vacancies more, all at the demo
 * employer's company (so its public page and its employer list grow too, the two lists
 * issue 15 names). The copies are put straight into the table, as an import would, and
 * the stream projections list, count and index them like any other vacancy.
 * Prints round trips, read units, bytes and p50/p99 side by side, with 100×/1× ratios.
 */
type Cost = { p50: number; p99: number; calls: number; rcu: number; bytes: number };

export async function benchGrowth(o: {
  url: string;
  endpoint: string;
  tableName: string;
  factor: number;
  settle: (timeoutMs?: number) => Promise<void>;
  routes: [string, Record<string, string>][];
  measure: (url: string, headers: Record<string, string>) => Promise<Omit<Cost, 'bytes'>>;
  sourceVacancyId: string;
  demoVacancies: number;
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
  const before = await run();
  const db = createDb({ region: 'ap-southeast-3', dynamodbEndpoint: o.endpoint, tableName: o.tableName });
  const { Item: source } = await db.doc.send(
    new GetCommand({ TableName: o.tableName, Key: { pk: `VACANCY#${o.sourceVacancyId}`, sk: 'VACANCY' } }),
  );
  if (!source) throw new Error('bench growth: the source vacancy is missing');
  const extra = (o.factor - 1) * o.demoVacancies;
  const started = performance.now();
  for (let i = 0; i < extra; i += 25) {
    const items = Array.from({ length: Math.min(25, extra - i) }, (_, k) => {
      const at = Date.now() - (i + k + 1) * 60_000;
      const id = newId(at);
      const stamp = new Date(at).toISOString();
      return {
        ...source,
        pk: `VACANCY#${id}`,
        gsi1sk: `VACANCY#${id}`,
        id,
        title: `${String(source.title)} ${i + k + 1}`,
        publishedAt: stamp,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      };
    });
    await db.doc.send(
      new BatchWriteCommand({ RequestItems: { [o.tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
  await o.settle(30 * 60_000);
  // The search function reads its change log from its last snapshot on: right after a bulk load that is
  // every loaded vacancy. Measure in the steady state, after the next compaction (every minute locally,
  // 15 minutes in AWS), as a request would meet it.
  await new Promise((r) => setTimeout(r, 65_000));
  console.log(
    `\ndata growth: ${o.demoVacancies} open vacancies → ${o.demoVacancies * o.factor} (${extra} loaded and projected in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  const after = await run();
  const x = `${o.factor}×`;
  console.log(
    `route                                     calls 1×  ${x.padStart(4)}   RCU 1×  ${x.padStart(5)}  ratio   KB 1×  ${x.padStart(5)}   p50 1×  ${x.padStart(5)}  p99 ${x}`,
  );
  for (const [route] of o.routes) {
    const a = before.get(route) as Cost;
    const b = after.get(route) as Cost;
    const ratio = a.rcu > 0 ? (b.rcu / a.rcu).toFixed(2) : '–';
    console.log(
      `${route.slice(0, 40).padEnd(41)} ${a.calls.toFixed(1).padStart(8)} ${b.calls.toFixed(1).padStart(5)} ${a.rcu.toFixed(1).padStart(8)} ${b.rcu.toFixed(1).padStart(6)} ${ratio.padStart(6)} ${(a.bytes / 1024).toFixed(1).padStart(7)} ${(b.bytes / 1024).toFixed(1).padStart(6)} ${a.p50.toFixed(1).padStart(8)} ${b.p50.toFixed(1).padStart(6)} ${b.p99.toFixed(1).padStart(7)}`,
    );
  }
}
