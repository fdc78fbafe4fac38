import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { assertPortFree, freePort } from './ports.ts';

/**
 * A local S3 (s3rver, in-process). Note: it does not check signatures or
 * presigned-POST policies, so upload limits are enforced in our own code too.
 */
export type S3Local = { endpoint: string; port: number; stop: () => Promise<void> };

export async function startS3Local(options: { port?: number; directory: string; buckets: string[] }): Promise<S3Local> {
  const port = options.port ?? (await freePort());
  if (options.port) await assertPortFree(port, 'S3_PORT');
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, stop: () => server.close() };
}
