import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { createSearchHandler } from './search.ts';

// Built once per container: the indexes it loads stay for every warm invocation.
const config = loadConfig();
export const handler = createSearchHandler(config, createDb(config));
