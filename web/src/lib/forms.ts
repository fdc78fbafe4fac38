import { Account, type Session } from '@bursa/core/account';
import { type DomainError, fieldIssues, isDomainError, type Locale } from '@bursa/core/kernel';
import { issueText, translate } from '@bursa/core/messages';
import { STATUS_OF } from '@bursa/http';
import { translator } from '../i18n/messages.ts';

/** Form values as typed: text fields only (this site uploads no files through forms). */
export type FormValues = Record<string, string>;

/** What a re-rendered form shows: a summary at the top, messages next to fields, and the HTTP status. */
export type FormErrors = {
  status: number;
  /** The summary line: what went wrong, or "check the highlighted fields". */
  summary: string;
  /** Messages by input name, shown next to their field. */
  fields: Record<string, string>;
  /** Field messages for inputs this form does not have: shown in the summary instead. */
  orphans: string[];
};

/** Reads a posted form as strings (a malformed body reads as empty, which validation then reports). */
export async function readForm(request: Request): Promise<FormValues> {
  const values: FormValues = {};
  try {
    for (const [name, value] of await request.formData()) {
      if (typeof value === 'string' && !(name in values)) values[name] = value;
    }
  } catch {
    // Not a form body: leave it empty.
  }
  return values;
}

/**
 * Every POST from a signed-in person must carry the session's CSRF token in
 * `_csrf` (core's assertCsrf; 403 auth.csrf). Anonymous forms are covered by
 * Astro's origin check (security.checkOrigin).
 */
export function checkCsrf(session: Pick<Session, 'csrf'> | undefined, values: FormValues): void {
  if (session) Account.assertCsrf(session, values._csrf);
}

/** Drops what must never be sent back to the browser (passwords, the CSRF token) before re-filling a form. */
export function refill(values: FormValues): FormValues {
  const { password: _p, _csrf: _c, ...rest } = values;
  return rest;
}

type ErrorOptions = {
  /** The input names this form has; messages for other paths go into the summary. */
  fields: readonly string[];
  /** Core paths shown at another input (the company form picks the kecamatan through its kelurahan). */
  rename?: Record<string, string>;
  /** Replaces the summary for one error code. */
  summaries?: Record<string, (e: DomainError) => string>;
};

/**
 * Turns a domain error into what the form shows. An outage is not the form's
 * business (the middleware answers it with a 503 page); anything else is a bug
 * and is rethrown (500).
 */
export function formErrors(e: unknown, locale: Locale, options: ErrorOptions): FormErrors {
  if (!isDomainError(e) || e.kind === 'unavailable') throw e;
  const fields: Record<string, string> = {};
  const orphans: string[] = [];
  for (const issue of fieldIssues(e)) {
    const path = options.rename?.[issue.path] ?? issue.path;
    const message = issueText(issue, locale);
    if (options.fields.includes(path)) fields[path] ??= message;
    else orphans.push(message);
  }
  const custom = options.summaries?.[e.code];
  const summary = custom ? custom(e) : translate(e.code, locale, e.params);
  return { status: STATUS_OF[e.kind], summary, fields, orphans };
}

/** What `submit` needs of the page: Astro's request, locals and response. */
type Page = { request: Request; locals: App.Locals; response: { status?: number; headers: Headers } };

export type Submission<T> = { values: FormValues; errors?: FormErrors; result?: T };

type SubmitOptions<T> = ErrorOptions & {
  run: (form: FormValues) => Promise<T>;
  /** The capability that allows this form (`can.edit`); when false the page answers 403 and nothing runs. */
  allowed?: boolean;
};

/**
 * The form block every page repeats: on POST, read the form, check the CSRF
 * token, run the use case; on failure, the errors to show (and the response
 * status). The page then redirects on `result` or re-renders with `values`
 * and `errors`. A GET returns empty values; so does a form the asker may not
 * use (`allowed: false`), with status 403 for the page's "no access" view.
 */
export async function submit<T>(page: Page, options: SubmitOptions<T>): Promise<Submission<T>> {
  if (options.allowed === false) {
    page.response.status = 403;
    return { values: {} };
  }
  if (page.request.method !== 'POST') return { values: {} };
  const form = await readForm(page.request);
  const values = refill(form);
  try {
    checkCsrf(page.locals.session, form);
    return { values, result: await options.run(form) };
  } catch (e) {
    const errors = formErrors(e, page.locals.locale, options);
    page.response.status = errors.status;
    const retry = isDomainError(e) ? e.details?.retryAfterSeconds : undefined;
    if (typeof retry === 'number') page.response.headers.set('Retry-After', String(retry));
    return { values, errors };
  }
}

/** Sign-in's 429 says when to try again, as a wall-clock time in WIB too. */
export function retryMessage(e: DomainError, locale: Locale, now = Date.now()): string {
  const seconds = Number(e.details?.retryAfterSeconds ?? 60);
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const time = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(now + seconds * 1000));
  return translator(locale)('signIn.tooMany', { minutes, time });
}
