import { invokeLambda } from '../aws/lambda.ts';
import type { Config } from '../kernel/config.ts';
import { DomainError } from '../kernel/errors.ts';
import type { SearchResults } from './search.engine.ts';
import type { SearchQuery } from './search.schema.ts';

/**
 * Asking the search function (functions/src/search) instead of searching in
 * this process: the web and the API stay small and keep no index in memory;
 * one warm search function serves them both. Locally a stand-in speaks
 * Lambda's Invoke API (scripts/local/lambda-local.ts). Invoked over fetch
 * (aws/lambda.ts), not the SDK's Lambda client (72 KB in each bundle).
 */
/** What the search function is sent: an already parsed query. */
export type SearchEvent = { action: 'search'; query: SearchQuery } | { action: 'compact'; rebuild?: boolean };

export async function invokeSearch(config: Config, functionName: string, query: SearchQuery): Promise<SearchResults> {
  let out: { functionError?: string; payload: string };
  try {
    out = await invokeLambda({
      region: config.region,
      endpoint: config.lambdaEndpoint,
      functionName,
      payload: { action: 'search', query } satisfies SearchEvent,
    });
  } catch (e) {
    console.error('search function unreachable', e);
    throw new DomainError('unavailable', 'search.unavailable');
  }
  const text = out.payload;
  if (out.functionError || !text) {
    console.error('search function failed', out.functionError, text.slice(0, 500));
    throw new DomainError('unavailable', 'search.unavailable');
  }
  return JSON.parse(text) as SearchResults;
}
