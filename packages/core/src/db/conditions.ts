type Cancelled = { name: 'TransactionCanceledException'; CancellationReasons?: { Code?: string }[] };
const cancelled = (e: unknown): e is Cancelled => (e as Error | undefined)?.name === 'TransactionCanceledException';

/**
 * The one place that decides "did DynamoDB refuse this write because a
 * condition did not hold": a ConditionalCheckFailed on a single write, or a
 * cancelled transaction whose reasons include one. `index` narrows it to one
 * action of a transaction (reasons line up with the actions sent).
 */
export function isConditionFailure(e: unknown, index?: number): boolean {
  if ((e as Error | undefined)?.name === 'ConditionalCheckFailedException') return index === undefined;
  if (!cancelled(e)) return false;
  const reasons = e.CancellationReasons ?? [];
  if (index !== undefined) return reasons[index]?.Code === 'ConditionalCheckFailed';
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
}

/**
 * Real DynamoDB cancels concurrent transactions on the same item with
 * TransactionConflict (DynamoDB Local serialises them instead); retried, the
 * loser then fails its condition and gets the proper 409.
 */
export async function withConflictRetry<T>(send: () => Promise<T>, { attempts = 3 } = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const conflicted = cancelled(e) && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
      if (!conflicted || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.min(20 * 2 ** attempt, 500) * (0.5 + Math.random())));
    }
  }
}
