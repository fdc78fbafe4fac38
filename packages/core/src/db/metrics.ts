/**
 * Opt-in DynamoDB accounting for benchmarks (BURSA_DB_METRICS=1): counts round
 * trips and the capacity units DynamoDB reports for them (db/dynamo-http.ts
 * asks for them and calls `countCall`), in a global that
 * the benchmark reads, so it also covers the separately bundled SSR app
 * running in the same process. Off in production: no cost when unset.
 */
export type DbMetrics = {
  calls: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
  /** Items written (put, updated, deleted: a batch or transaction counts each), for telling a request's writes from its projections'. */
  itemWrites: number;
  /** Items written inside transactions (`pk|sk`), which AWS bills twice: the bench prices them so (billing.ts). */
  transactional: Set<string>;
  /** Condition checks inside transactions: billed as writes of the checked item. */
  conditionChecks: number;
};

/** `pk|sk` of a key, marshalled or not. */
export const keyString = (key: Record<string, unknown> | undefined): string => {
  const part = (v: unknown) => String((v as { S?: string } | undefined)?.S ?? v);
  return `${part(key?.pk)}|${part(key?.sk)}`;
};

type WriteInput = {
  Item?: Record<string, unknown>;
  Key?: Record<string, unknown>;
  RequestItems?: Record<string, { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: unknown }[]>;
  TransactItems?: {
    Put?: { Item: Record<string, unknown> };
    Update?: { Key: Record<string, unknown> };
    Delete?: { Key: Record<string, unknown> };
    ConditionCheck?: unknown;
  }[];
};

function countWrites(m: DbMetrics, name: string, input: WriteInput) {
  if (/^(Put|Update|Delete)(Item)?Command$/.test(name)) m.itemWrites++;
  else if (name.startsWith('BatchWrite'))
    for (const requests of Object.values(input.RequestItems ?? {})) m.itemWrites += requests.length;
  else if (name.startsWith('TransactWrite'))
    for (const t of input.TransactItems ?? []) {
      if (t.ConditionCheck) {
        m.conditionChecks++;
        continue;
      }
      m.itemWrites++;
      m.transactional.add(keyString(t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key));
    }
}

const KEY = '__bursaDbMetrics';

export function dbMetrics(): DbMetrics {
  const g = globalThis as unknown as Record<string, DbMetrics | undefined>;
  g[KEY] ??= {
    calls: 0,
    readUnits: 0,
    writeUnits: 0,
    byCommand: {},
    itemWrites: 0,
    transactional: new Set(),
    conditionChecks: 0,
  };
  return g[KEY];
}

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/** Counts one DynamoDB call the transport made (db/dynamo-http.ts), with what DynamoDB reported it cost. */
export function countCall(name: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
  const m = dbMetrics();
  m.calls++;
  m.byCommand[name] = (m.byCommand[name] ?? 0) + 1;
  countWrites(m, name, input as WriteInput);
  const consumed = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
  for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    // DynamoDB Local reports CapacityUnits only; reads and writes are told apart by the command.
    const units = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
    if (/^(Get|BatchGet|Query|Scan)/.test(name)) m.readUnits += units;
    else m.writeUnits += units;
  }
}
