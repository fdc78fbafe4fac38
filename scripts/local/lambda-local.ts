import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Lambda's Invoke API (`POST /2015-03-31/functions/<name>/invocations`),
 * for `npm start` and the tests: the web and the API call the search function
 * with Bursa's own signed Invoke (packages/core/src/aws/lambda.ts), exactly as in AWS, and this runs the
 * function's handler in-process. A handler that throws answers as Lambda does:
 * 200 with `X-Amz-Function-Error: Unhandled` and the error as the payload.
 */
export type LambdaLocal = { endpoint: string; stop: () => Promise<void> };
type Handler = (event: never) => Promise<unknown>;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLambdaLocal(functions: Record<string, Handler>): Promise<LambdaLocal> {
  const server = createServer(async (req, res) => {
    const name = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(req.url ?? '')?.[1];
    const handler = name ? functions[decodeURIComponent(name)] : undefined;
    if (req.method !== 'POST' || !handler) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
      res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
      return;
    }
    try {
      const text = await body(req);
      const out = await handler((text ? JSON.parse(text) : {}) as never);
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
      res.end(JSON.stringify(out ?? null));
    } catch (e) {
      console.error(`lambda-local ${name}:`, e);
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
      res.end(JSON.stringify({ errorType: (e as Error).name, errorMessage: (e as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
