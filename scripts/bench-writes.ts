import {
  type AttributeValue,
  billedWriteUnits,
  dbMetrics,
  indexWriteUnits,
  keyString,
  tableDesign,
} from '@bursa/core/db';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StreamPoller } from './local/stream-poller.ts';

/**
 * The bench's write budget (issue 15): what AWS would bill for publishing,
 * editing and closing a vacancy, the request's own writes and every write of the
 * projections it sets off, priced from the stream's images by AWS's documented
 * rules (@bursa/core/db billing.ts), since DynamoDB Local under-reports
 * transactions, and each global index an item is in is billed again. The stream poller is paused during the request, so the first
 * writes read from the stream afterwards are the request's and the rest the
 * projections'. Figures only.
 */
export type Tap = { records: DynamoDBRecord[] };

type Priced = { items: number; units: number; byType: Map<string, { items: number; units: number }> };

function price(records: DynamoDBRecord[], transactional: Set<string>): Priced {
  const out: Priced = { items: 0, units: 0, byType: new Map() };
  for (const r of records) {
    const d = r.dynamodb;
    // Items DynamoDB's TTL removes are not billed.
    if (r.userIdentity?.type === 'Service') continue;
    const oldImage = d?.OldImage as Record<string, AttributeValue> | undefined;
    const newImage = d?.NewImage as Record<string, AttributeValue> | undefined;
    const units =
      billedWriteUnits(oldImage, newImage, transactional.has(keyString(d?.Keys))) +
      indexWriteUnits(oldImage, newImage, tableDesign.globalIndexes);
    const type = (newImage ?? oldImage)?.type?.S ?? String((newImage ?? oldImage)?.sk?.S ?? '?').split('#')[0] ?? '?';
    const t = out.byType.get(type) ?? { items: 0, units: 0 };
    t.items++;
    t.units += units;
    out.byType.set(type, t);
    out.items++;
    out.units += units;
  }
  return out;
}

export async function benchWrites(o: {
  projections: StreamPoller;
  tap: Tap;
  scenarios: [string, () => Promise<Response>][];
}) {
  console.log(
    '\nwrite (billed write units, AWS rules)      request items  units   projections items  units   total units   (DynamoDB Local reported)',
  );
  const details: string[] = [];
  for (const [name, run] of o.scenarios) {
    await o.projections.settle(60_000);
    await o.projections.pause();
    const m = dbMetrics();
    const at = { writes: m.itemWrites, checks: m.conditionChecks, reported: m.writeUnits };
    m.transactional.clear();
    o.tap.records.length = 0;
    const res = await run();
    if (!res.ok) throw new Error(`bench writes: ${name} answered ${res.status}: ${await res.text()}`);
    const requestWrites = m.itemWrites - at.writes;
    const checks = m.conditionChecks - at.checks;
    o.projections.resume();
    await o.projections.settle(60_000);
    const records = o.tap.records.splice(0);
    const request = price(records.slice(0, requestWrites), m.transactional);
    const projections = price(records.slice(requestWrites), m.transactional);
    // A condition check in a transaction is billed as a transactional write of the (small) item it checks.
    const checkUnits = 2 * checks;
    const total = request.units + checkUnits + projections.units;
    console.log(
      `${name.padEnd(42)} ${String(request.items + checks).padStart(13)} ${String(request.units + checkUnits).padStart(6)} ${String(projections.items).padStart(19)} ${String(projections.units).padStart(6)} ${String(total).padStart(13)}   (${(m.writeUnits - at.reported).toFixed(0)})`,
    );
    const parts = [...request.byType, ...(checks ? ([['check', { items: checks, units: checkUnits }]] as const) : [])]
      .map(([t, v]) => `${t} ${v.items}×→${v.units}`)
      .join(', ');
    const proj = [...projections.byType].map(([t, v]) => `${t} ${v.items}×→${v.units}`).join(', ');
    details.push(`  ${name}: request [${parts}]; projections [${proj || 'none'}]`);
  }
  console.log(details.join('\n'));
}

/**
 * A vacancy's life as the demo employer (`headers`: its session, CSRF token
 * and JSON): published with a typo in a 700-character description, the typo
 * fixed, its title and salary changed, closed as filled through Bursa.
 */
export function vacancyWrites(
  url: string,
  companyId: string,
  headers: Record<string, string>,
): [string, () => Promise<Response>][] {
  const description = `${'Mengoperasikan mesin jahit industri untuk produksi garmen ekspor, memeriksa kualitas jahitan, dan menjaga kebersihan area kerja. '.repeat(5)}Shift pagi dan malam bergantian.`;
  const closingDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  let id = '';
  const send = (method: string, path: string, body: Record<string, unknown>) =>
    fetch(`${url}${path}`, { method, headers, body: JSON.stringify(body) });
  return [
    [
      'publish a vacancy',
      async () => {
        const res = await send('POST', `/api/companies/${companyId}/vacancies`, {
          title: 'Operator Jahit',
          description: description.replace('mesin', 'mesn'),
          type: 'full_time',
          minEducation: 'SMP',
          skills: ['menjahit', 'K3'],
          districtCode: '36.71.01',
          openings: 5,
          salaryMin: 5_500_000,
          salaryMax: 6_000_000,
          closingDate,
          publish: true,
        });
        id = ((await res.clone().json()) as { id: string }).id;
        return res;
      },
    ],
    ['fix a typo in its description', () => send('PATCH', `/api/vacancies/${id}`, { description })],
    ['change its title', () => send('PATCH', `/api/vacancies/${id}`, { title: 'Operator Mesin Jahit' })],
    ['change its salary', () => send('PATCH', `/api/vacancies/${id}`, { salaryMax: 6_500_000 })],
    ['close it (filled through Bursa)', () => send('POST', `/api/vacancies/${id}/close`, { outcome: 'filled_bursa' })],
  ];
}
