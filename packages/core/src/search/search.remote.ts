import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { recordAwsActions } from '../db/action-recorder.ts';
import type { Config } from '../kernel/config.ts';
import { DomainError } from '../kernel/errors.ts';
import type { SearchResults } from './search.engine.ts';
import type { SearchQuery } from './search.schema.ts';

/**
 * Asking the search function (functions/src/search) instead of searching in
 * this process: the web and the API stay small and keep no index in memory;
 * one warm search function serves them both. Locally a stand-in speaks
 * Lambda's Invoke API (scripts/local/lambda-local.ts).
 */
const clients = new WeakMap<Config, LambdaClient>();

function lambdaClient(config: Config): LambdaClient {
  let client = clients.get(config);
  if (!client) {
    client = recordAwsActions(
      new LambdaClient({
        region: config.region,
        ...(config.lambdaEndpoint
          ? { endpoint: config.lambdaEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
          : {}),
      }),
    );
    clients.set(config, client);
  }
  return client;
}

/** What the search function is sent: an already parsed query. */
export type SearchEvent = { action: 'search'; query: SearchQuery } | { action: 'compact'; rebuild?: boolean };

export async function invokeSearch(config: Config, functionName: string, query: SearchQuery): Promise<SearchResults> {
  const out = await lambdaClient(config).send(
    new InvokeCommand({
      FunctionName: functionName,
      Payload: new TextEncoder().encode(JSON.stringify({ action: 'search', query } satisfies SearchEvent)),
    }),
  );
  const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
  if (out.FunctionError || !text) {
    console.error('search function failed', out.FunctionError, text.slice(0, 500));
    throw new DomainError('unavailable', 'search.unavailable');
  }
  return JSON.parse(text) as SearchResults;
}
