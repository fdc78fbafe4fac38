import { createServer } from 'node:net';

/** Resolves to a free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Fails with a message a person can act on when a fixed port is taken. */
export function assertPortFree(port: number, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new LocalStackError(
          e.code === 'EADDRINUSE'
            ? `Port ${port} is already in use. Stop whatever uses it, or pick another port: ${envName}=<port> npm start`
            : `Cannot listen on port ${port}: ${e.message}`,
        ),
      ),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** An error of the local stack whose message alone tells the user what to do (printed without a stack). */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}
