import type { Session } from '@bursa/core/account';
import * as Account from '@bursa/core/account';
import { type DomainError, fieldIssues, isDomainError, type Locale } from '@bursa/core/kernel';
import { issueText, translate } from '@bursa/core/messages';
import { STATUS_OF } from '@bursa/http';
import { translator } from '../i18n/messages.ts';

/** Form values as typed: text fields only (this site uploads no files through forms). */
export type FormValues = Record<string, string>;

/** What a re-rendered form shows: a summary at the top, messages next to fields, and the HTTP status. */
export type FormErrors = {
  status: number;
  /**
   * The heading: "fix these fields" only when fields are wrong; otherwise what
   * happened (wrong credentials, too many attempts, changed elsewhere…).
   * Absent on hand-built errors: FormAlert then picks one by whether fields are wrong.
   */
  title?: string;
  /** The summary line: what went wrong, or "check the highlighted fields". */
  summary: string;
  /** Messages by input name, shown next to their field. */
  fields: Record<string, string>;
  /** Field messages for inputs this form does not have: shown in the summary instead. */
  orphans: string[];
};

/**
 * Reads a posted form as strings (a malformed body reads as empty, which validation then reports).
 * Browsers send a textarea's line breaks as CRLF: they become LF, so a text counts on the server
 * as the page's live counter counted it (one character per line break).
 */
export async function readForm(request: Request): Promise<FormValues> {
  const values: FormValues = {};
  try {
    for (const [name, value] of await request.formData()) {
      if (typeof value === 'string' && !(name in values)) values[name] = value.replace(/\r\n?/g, '\n');
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
  /**
   * Core paths shown at another input (the company form picks the kecamatan through its kelurahan).
   * An input's own message wins over one renamed onto it: the kelurahan select says what is wrong
   * with the kelurahan, not with the kecamatan it implies.
   */
  rename?: Record<string, string>;
  /** Issue codes shown at a given input or group whatever their path (registration's "email or phone"). */
  byCode?: Record<string, string>;
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
  const issues = fieldIssues(e).map((issue) => {
    const target = options.byCode?.[issue.code] ?? options.rename?.[issue.path];
    return { issue, path: target ?? issue.path, renamed: target !== undefined };
  });
  // Own paths first, then renamed ones (a stable sort keeps each group's order).
  for (const { issue, path } of [...issues].sort((a, b) => Number(a.renamed) - Number(b.renamed))) {
    const message = issueText(issue, locale);
    if (options.fields.includes(path)) fields[path] ??= message;
    else orphans.push(message);
  }
  const custom = options.summaries?.[e.code];
  const summary = custom ? custom(e) : translate(e.code, locale, e.params);
  const title = errorTitle(e, Object.keys(fields).length + orphans.length > 0, locale);
  return { status: STATUS_OF[e.kind], title, summary, fields, orphans };
}

/**
 * The alert's heading says what happened. "Fix these fields" only when
 * fields are wrong; a refusal that is not about fields names itself.
 */
export function errorTitle(e: DomainError, aboutFields: boolean, locale: Locale): string {
  const t = translator(locale);
  if (aboutFields) return t('form.errorTitle');
  if (e.code === 'auth.invalid_credentials') return t('form.title.signIn');
  if (e.code === 'auth.csrf') return t('form.title.expired');
  if (e.kind === 'rate_limited') return t('form.title.tooMany');
  if (e.kind === 'unauthenticated') return t('form.title.signInFirst');
  if (e.kind === 'forbidden') return t('form.title.forbidden');
  if (e.kind === 'not_found') return t('form.title.notFound');
  if (e.kind === 'conflict') return e.code.endsWith('.changed') ? t('form.title.changed') : t('form.title.notDone');
  return t('form.title.notDone');
}

const pagesWithCounter = new WeakSet<Request>();

/** True the first time a page asks (Field.astro loads the counter script once, only on pages with a counted field). */
export function firstCounterOnPage(request: Request): boolean {
  if (pagesWithCounter.has(request)) return false;
  pagesWithCounter.add(request);
  return true;
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
