import { defineMiddleware } from 'astro:middleware';
import { Account } from '@bursa/core/account';
import { SESSION_COOKIE } from '@bursa/http';
import { basePath, localeOf } from './i18n/messages.ts';
import { clientAddress, signInPath } from './lib/auth.ts';
import { contextFor, getServices } from './lib/services.ts';

/** Pages only a signed-in person can open: anyone else is sent to sign in, and comes back afterwards. */
const SIGNED_IN_ONLY = [/^\/saya(\/|$)/, /^\/lowongan\/[^/]+\/ubah$/];

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
  locals.session = cookie ? await Account.readSession(getServices().db, cookie) : undefined;
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
  const response = await (locals.locale === 'en' ? next(`${locals.path}${search}`) : next());
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
});

/** One address per page: no trailing slash (except the home page). */
const normalise = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path) || '/';
