import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Opt-in DynamoDB accounting for benchmarks (BURSA_DB_METRICS=1): counts round
 * trips and the capacity units DynamoDB reports for them, in a global that
 * the benchmark reads, so it also covers the separately bundled SSR app
 * running in the same process. Off in production: no cost when unset.
 */
export type DbMetrics = { calls: number; readUnits: number; writeUnits: number; byCommand: Record<string, number> };

const KEY = '__bursaDbMetrics';

export function dbMetrics(): DbMetrics {
  const g = globalThis as unknown as Record<string, DbMetrics | undefined>;
  g[KEY] ??= { calls: 0, readUnits: 0, writeUnits: 0, byCommand: {} };
  return g[KEY];
}

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

export function instrument(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const m = dbMetrics();
      m.calls++;
      const name = String(context.commandName ?? 'unknown');
      m.byCommand[name] = (m.byCommand[name] ?? 0) + 1;
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        // DynamoDB Local reports CapacityUnits only; reads and writes are told apart by the command.
        const units = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
        if (/^(Get|BatchGet|Query|Scan)/.test(name)) m.readUnits += units;
        else m.writeUnits += units;
      }
      return result;
    },
    { step: 'initialize', name: 'bursaDbMetrics' },
  );
}
