import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { handle } from 'hono/aws-lambda';
import { createHttpApi } from './http-api.ts';
import { apiRoutes } from './routes/index.ts';

// Built once per container, outside the handler, so warm requests reuse the client's connections.
const config = loadConfig();
export const handler = handle(createHttpApi({ config, db: createDb(config) }, 'api', apiRoutes));
