/**
 * Runs `work` over `items`, at most `limit` at a time, in order of start
 * (results in input order). Seeding is mostly waiting on DynamoDB Local and
 * password hashing on the thread pool, so a few at once start the stack and
 * the tests far sooner.
 */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
