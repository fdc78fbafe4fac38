import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { createStreamHandler } from './stream.ts';

// Built once per container, outside the handler, so warm invocations reuse the client's connections.
const config = loadConfig();
export const handler = createStreamHandler({ config, db: createDb(config) });
