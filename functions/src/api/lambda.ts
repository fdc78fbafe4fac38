import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { handle } from 'hono/aws-lambda';
import { createApi } from './app.ts';

// Built once per container, outside the handler, so warm requests reuse the client's connections.
const config = loadConfig();
export const handler = handle(createApi({ config, db: createDb(config) }));
