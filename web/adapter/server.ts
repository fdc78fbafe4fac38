import { runAsEntry } from '@bursa/core/db';
import { type Config, loadConfig } from '@bursa/core/kernel';
import {
  clientAddressFrom,
  ORIGIN_HEADER,
  originGuard,
  paymentOriginOf,
  uploadOriginOf,
  withSecurityHeaders,
} from '@bursa/http';
import { createApp } from 'astro/app/entrypoint';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = createApp();

// The visitor's address (sign-in rate limits): CloudFront's viewer address, not the spoofable X-Forwarded-For.
// Tagged as the web's AWS calls (tests only: see @bursa/core/db action-recorder.ts).
// Every page carries the security headers (@bursa/http security-headers.ts), as CloudFront adds them in AWS.
const render = async (request: Request, client: Request) =>
  withSecurityHeaders(
    await runAsEntry('web', () =>
      app.render(request, {
        addCookieHeader: true,
        clientAddress: clientAddressFrom((name) => client.headers.get(name)),
      }),
    ),
    siteUrl(),
    [uploadOriginOf(settings()), paymentOriginOf(settings())].filter(Boolean).join(' '),
  );

/** The site as a Hono app: every request Astro renders (pages and endpoints). Used by the local server. */
export const web = new Hono().all('*', (c) => render(c.req.raw, c.req.raw));

let config: Config | undefined;
let siteOrigin: URL | undefined;

/** The configuration, read on first use (as pages read it). */
function settings(): Config {
  config ??= loadConfig();
  return config;
}

/** SITE_URL, read on first use (as pages read it). */
const siteUrl = () => settings().siteUrl;

/**
 * Behind CloudFront a request reaches the function for its own host name
 * (<id>.lambda-url.<region>.on.aws: CloudFront does not forward Host), while
 * browsers send `Origin: <SITE_URL>` with their form posts. Astro's origin
 * check (security.checkOrigin) compares Origin with the request URL, so the
 * Lambda entry re-bases the URL on SITE_URL first: same-site posts pass,
 * cross-site ones are still refused, and Astro.url is the public address.
 */
export function atSite(request: Request, site: URL): Request {
  const url = new URL(request.url);
  if (url.origin === site.origin) return request;
  url.protocol = site.protocol;
  url.host = site.host;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : null,
    redirect: request.redirect,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Lambda entry (function URL behind CloudFront). SITE_URL is read on the first request, as pages read it. */
export const handler = handle(
  new Hono().all('*', async (c) => {
    config ??= loadConfig();
    siteOrigin ??= new URL(config.siteUrl);
    // Function URLs are public: refuse what did not come through CloudFront (@bursa/http origin-secret.ts).
    // Its Secrets Manager reads are the web's own AWS calls (tests record them as such).
    const guard = originGuard(config);
    const came = await runAsEntry('web', () => guard.allows(c.req.header(ORIGIN_HEADER))).catch(() => undefined);
    if (came === undefined)
      return c.text('Bursa sedang tidak dapat dihubungi. Coba lagi sebentar lagi.', 503, { 'Retry-After': '5' });
    if (!came) return c.text('Buka Bursa melalui alamat resminya.', 403);
    return render(atSite(c.req.raw, siteOrigin), c.req.raw);
  }),
);
