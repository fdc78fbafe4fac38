import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { mediaClient } from '@bursa/core/media-client';
import { createApi } from '@bursa/functions';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { LocalStackError } from './ports.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDist = path.join(repoRoot, 'web/dist');

/**
 * Web and API on one port, routed the way CloudFront routes them in AWS:
 * /api/* to the API function, built static files (S3 in AWS), everything
 * else to the Astro SSR function. Reads its settings from process.env.
 */
export async function startAppServer(
  port: number,
): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const entry = path.join(webDist, 'server/entry.mjs');
  let web: { fetch: (req: Request) => Response | Promise<Response> };
  try {
    ({ web } = await import(pathToFileURL(entry).href));
  } catch (e) {
    throw new LocalStackError(`The web app is not built (${entry}): run npm run build. (${(e as Error).message})`);
  }
  const config = loadConfig();
  const app = new Hono();
  // Like CloudFront: the viewer's address goes to the functions in CloudFront-Viewer-Address,
  // whatever the client sent in that header.
  app.use(async (c, next) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set('cloudfront-viewer-address', `${getConnInfo(c).remote.address ?? 'unknown'}:0`);
    c.req.raw = new Request(c.req.raw, { headers });
    await next();
  });
  const api = createApi({ config, db: createDb(config) });
  // Like CloudFront's /api/* behaviour: the API answers every /api path, including its own 404s.
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  // Like CloudFront's /media/* behaviour: the bucket's public media/ keys only (photos' variants).
  app.get('/media/*', async (c) => {
    const key = decodeURIComponent(new URL(c.req.url).pathname.slice(1));
    if (key.includes('..')) return c.notFound();
    try {
      const got = await mediaClient(config).send(new GetObjectCommand({ Bucket: config.mediaBucket, Key: key }));
      return new Response(got.Body?.transformToWebStream(), {
        headers: {
          'content-type': got.ContentType ?? 'application/octet-stream',
          'cache-control': got.CacheControl ?? 'public, max-age=300',
          ...(got.ContentLength !== undefined ? { 'content-length': String(got.ContentLength) } : {}),
        },
      });
    } catch {
      return c.notFound();
    }
  });
  app.use(
    '*',
    serveStatic({
      root: path.relative(process.cwd(), path.join(webDist, 'client')),
      onFound: (file, c) => {
        // Hashed build assets never change; other public files are revalidated.
        c.header(
          'Cache-Control',
          file.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        );
      },
    }),
  );
  app.all('*', (c) => web.fetch(c.req.raw));

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
    (s as Server).once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new LocalStackError(
              `Port ${port} is already in use. Stop whatever uses it, or pick another port: PORT=<port> npm start`,
            )
          : e,
      ),
    );
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}`,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
