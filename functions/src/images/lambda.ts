import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { keysOf, processUpload } from './process.ts';

// Built once per container: warm invocations reuse the clients.
const config = loadConfig();
const db = createDb(config);

/** S3 ObjectCreated under uploads/ → variants and the Image record (see process.ts). */
export async function handler(event: Parameters<typeof keysOf>[0]): Promise<void> {
  for (const key of keysOf(event)) await processUpload(config, db, key);
}
