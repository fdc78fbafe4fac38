import { defineMiddleware } from 'astro:middleware';
import * as Account from '@bursa/core/account';
import { isDomainError } from '@bursa/core/kernel';
import { SESSION_COOKIE } from '@bursa/http';
import { basePath, localeOf, translator } from './i18n/messages.ts';
import { clientAddress, signInPath } from './lib/auth.ts';
import { contextFor, getServices } from './lib/services.ts';

/** Pages only a signed-in person can open: anyone else is sent to sign in, and comes back afterwards. */
const SIGNED_IN_ONLY = [
  /^\/saya(\/|$)/,
  /^\/kantor(\/|$)/,
  /^\/keranjang(\/|$)/,
  /^\/beranda$/,
  /^\/lowongan\/[^/]+\/(ubah|lamar)$/,
  /^\/dev(\/|$)/,
];

/**
 * Runs before every page.
 * - Language: English pages live under /en. Rather than a copy of every page
 *   file under src/pages/en, /en/<path> is rewritten to /<path> (same URL in
 *   the browser) with locals.locale = 'en'; pages and the layout read the
 *   language and their own Indonesian path from locals, never from Astro.url.
 * - Session: the cookie is looked up once (one BatchGetItem for session and
 *   user) into locals.session, and locals.ctx is the context every use case takes.
 * - Pages under SIGNED_IN_ONLY send anonymous visitors to sign in first.
 * - Caching: a page that does not say otherwise (`publicCache` in lib/view.ts)
 *   is `private, no-store`: nothing personal can end up in a shared cache by omission.
 * Astro.rewrite (e.g. to /404) runs this again for the same request: locals
 * are already set then, and must stay as the original request set them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { locals } = context;
  if (locals.locale) return next();

  const { pathname, search } = context.url;
  locals.locale = localeOf(pathname);
  locals.path = normalise(basePath(pathname));
  const cookie = context.cookies.get(SESSION_COOKIE)?.value;
  try {
    locals.session = cookie ? await Account.readSession(getServices().db, cookie) : undefined;
  } catch (e) {
    return unavailablePage(e, locals.locale, context.url.pathname);
  }
  locals.actor = locals.session?.actor;
  locals.ctx = contextFor(
    locals.actor,
    clientAddress(context.request, () => context.clientAddress),
  );
  if (locals.session === undefined && cookie) {
    // Ended or expired: forget it, so the next requests skip the lookup.
    context.cookies.delete(SESSION_COOKIE, { path: '/' });
  }
  if (!locals.actor && SIGNED_IN_ONLY.some((p) => p.test(locals.path))) {
    return context.redirect(signInPath(locals, context.url));
  }
  let response: Response;
  try {
    response = await (locals.locale === 'en' ? next(`${locals.path}${search}`) : next());
  } catch (e) {
    return unavailablePage(e, locals.locale, context.url.pathname);
  }
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
});

/** One address per page: no trailing slash (except the home page). */
const normalise = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path) || '/';

/**
 * When the database cannot be reached (core's `unavailable` error): a short page
 * in the visitor's language, 503 with Retry-After, never an empty 500. It reads
 * nothing from the database itself. Any other error is a bug and is rethrown.
 */
function unavailablePage(e: unknown, locale: App.Locals['locale'], path: string): Response {
  if (!(isDomainError(e) && e.kind === 'unavailable')) throw e;
  const t = translator(locale);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('error.unavailable.title')} · Bursa</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:24px;max-width:560px;line-height:1.5;color:#1b1b1b}a{color:#0b5d3b}</style></head><body><main><h1>${t('error.unavailable.title')}</h1><p>${t('error.unavailable.body')}</p><p><a href="${escapeAttr(path)}">${t('error.unavailable.retry')}</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' },
  });
}

const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
