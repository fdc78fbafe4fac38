import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { assertPortFree, freePort } from './ports.ts';

/**
 * A local S3 (s3rver, in-process). Note: it does not check signatures or
 * presigned-POST policies, so upload limits are enforced in our own code too.
 */
export type S3Local = {
  endpoint: string;
  port: number;
  /**
   * Runs `handler` for every object created, as an S3 event notification
   * runs a Lambda in AWS (the image function, in-process). Errors are logged,
   * not thrown: the upload itself succeeded.
   */
  onObjectCreated: (handler: (key: string) => Promise<unknown>) => void;
  /** Resolves when every handler started so far has finished. */
  settle: () => Promise<void>;
  stop: () => Promise<void>;
};

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
  const handlers: ((key: string) => Promise<unknown>)[] = [];
  const pending = new Set<Promise<unknown>>();
  server.on('event', (event) => {
    for (const record of event.Records ?? []) {
      if (!record.eventName?.startsWith('ObjectCreated:') || !record.s3?.object?.key) continue;
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      for (const handler of handlers) {
        const run = handler(key)
          .catch((e) => console.error(`local S3: handling ${key} failed:`, e))
          .finally(() => pending.delete(run));
        pending.add(run);
      }
    }
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    onObjectCreated: (handler) => {
      handlers.push(handler);
    },
    settle: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    stop: async () => {
      while (pending.size) await Promise.all([...pending]);
      await server.close();
    },
  };
}
