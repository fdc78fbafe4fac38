import * as Account from '@bursa/core/account';
import { type Ctx, fieldIssues, isDomainError, type Locale } from '@bursa/core/kernel';
import { issueText, translate } from '@bursa/core/messages';
import * as Programme from '@bursa/core/programme';
import { STATUS_OF } from '@bursa/http';
import { translator } from '../../i18n/messages.ts';

/** Largest CSV file accepted (a cohort list is a few KB). */
const MAX_FILE = 200_000;

export type CohortPost = {
  redirect?: string;
  problems?: string[];
  status?: number;
  values?: { name?: string; phone?: string };
};

/**
 * The cohort page's forms, all POSTed to the page itself: change the cohort,
 * add one person, upload a CSV (multipart, a file or pasted text), mark completed, remove.
 * Reads the body once (files included, which readForm skips), checks the CSRF
 * token, runs the use case; on success the page redirects (POST-redirect-GET),
 * on a domain error it re-renders with every problem listed (a CSV's bad rows
 * with their line numbers).
 */
export async function handleCohortPost(
  request: Request,
  locals: { ctx: Ctx; locale: Locale; session?: { csrf: string } | undefined },
  cohortId: string,
  here: string,
): Promise<CohortPost> {
  const { ctx, locale } = locals;
  const t = translator(locale);
  const form: Record<string, string> = {};
  try {
    for (const [name, value] of await request.formData()) {
      if (name in form) continue;
      if (typeof value === 'string') form[name] = value;
      else if (value.size > 0 && value.size <= MAX_FILE) form[name] = await value.text();
      else if (value.size > MAX_FILE) form[name] = 'x'.repeat(MAX_FILE + 1);
    }
  } catch {
    // Not a form body: the checks below refuse it.
  }
  try {
    if (locals.session) Account.assertCsrf(locals.session, form._csrf);
    const ref = { cohortId, phone: form.phone ?? '' };
    switch (form.action) {
      case 'add':
        await Programme.addParticipant(ctx, { cohortId, name: form.name ?? '', phone: form.phone ?? '' });
        return { redirect: `${here}?ok=1` };
      case 'import': {
        const csv = form.file?.trim() ? form.file : (form.csv ?? '');
        const r = await Programme.importParticipants(ctx, { cohortId, csv });
        return { redirect: `${here}?ok=1&added=${r.added}&skipped=${r.skipped}` };
      }
      case 'update': {
        const { _csrf: _c, action: _a, ...fields } = form;
        await Programme.updateCohort(ctx, { ...fields, cohortId } as never);
        return { redirect: `${here}?ok=1` };
      }
      case 'complete':
        await Programme.completeParticipant(ctx, ref);
        return { redirect: `${here}?ok=1` };
      case 'remove':
        await Programme.removeParticipant(ctx, ref);
        return { redirect: `${here}?ok=1` };
      default:
        return { problems: [translate('request.field.invalid', locale)], status: 400 };
    }
  } catch (e) {
    if (!isDomainError(e) || e.kind === 'unavailable') throw e;
    const issues = fieldIssues(e);
    const problems = issues.length
      ? issues.map((i) => {
          const line = i.path.match(/^line\.(\d+)\./)?.[1];
          return line ? `${t('cohorts.line', { line })}: ${issueText(i, locale)}` : issueText(i, locale);
        })
      : [translate(e.code, locale, e.params)];
    return {
      problems,
      status: STATUS_OF[e.kind],
      values: form.action === 'add' ? { name: form.name ?? '', phone: form.phone ?? '' } : {},
    };
  }
}
