import { isDomainError } from '@bursa/core/kernel';
import * as Moderation from '@bursa/core/moderation';
import type { APIRoute } from 'astro';
import { localePath } from '../../i18n/messages';
import { safeNext } from '../../lib/auth';
import { checkCsrf, readForm } from '../../lib/forms';

/**
 * The report form's target (features/moderation/ReportForm.astro): checks the
 * CSRF token, files the report, and redirects back (POST-redirect-GET) with
 * `?lapor=<id>` for the thanks, or `&galat=<code>` for what went wrong.
 * Signed-out visitors are sent to sign in first.
 */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const form = await readForm(request);
  const back = safeNext(form.back) ?? localePath(locals.locale, '/');
  if (!locals.actor) return redirect(`${localePath(locals.locale, '/masuk')}?next=${encodeURIComponent(back)}`, 303);
  const url = new URL(back, 'https://bursa.invalid');
  url.searchParams.set('lapor', String(form.id ?? '').slice(0, 40));
  try {
    checkCsrf(locals.session, form);
    await Moderation.report(locals.ctx, {
      kind: form.kind as Moderation.ReportKind,
      id: form.id ?? '',
      shopId: form.shopId,
      postId: form.postId,
      reason: form.reason as Moderation.ReportReason,
      note: form.note,
    });
  } catch (e) {
    if (!isDomainError(e) || e.kind === 'unavailable') throw e;
    const fields = (e.details?.fields as { code: string }[] | undefined) ?? [];
    url.searchParams.set('galat', fields[0]?.code ?? e.code);
    const n = e.params?.hours ?? e.params?.minutes;
    if (n !== undefined) url.searchParams.set('n', String(n));
  }
  return redirect(`${url.pathname}${url.search}#lapor-${encodeURIComponent(url.searchParams.get('lapor') ?? '')}`, 303);
};

/** Opened directly: nothing to see here. */
export const GET: APIRoute = ({ locals, redirect }) => redirect(localePath(locals.locale, '/'), 302);
