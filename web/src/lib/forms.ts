import {
  assertCsrf,
  type DomainError,
  type ErrorKind,
  type FieldIssue,
  isDomainError,
  type Locale,
  type Session,
  ValidationError,
} from '@bursa/core';
import { coreMessage } from '../i18n/core-messages.ts';
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

export const STATUS_OF: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
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
 * `_csrf` (core assertCsrf; 403 auth.csrf). Anonymous forms are covered by
 * Astro's origin check (security.checkOrigin).
 */
export function checkCsrf(session: Pick<Session, 'csrf'> | undefined, values: FormValues): void {
  if (session) assertCsrf(session, values._csrf);
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

/** Turns a domain error into what the form shows; anything else is a bug and is rethrown (500). */
export function formErrors(e: unknown, locale: Locale, options: ErrorOptions): FormErrors {
  if (!isDomainError(e)) throw e;
  const t = translator(locale);
  const issues: FieldIssue[] =
    e instanceof ValidationError ? e.fields : ((e.details?.fields as FieldIssue[] | undefined) ?? []);
  const fields: Record<string, string> = {};
  const orphans: string[] = [];
  for (const issue of issues) {
    const path = options.rename?.[issue.path] ?? issue.path;
    const message = coreMessage(issue.message, locale);
    if (options.fields.includes(path)) fields[path] ??= message;
    else orphans.push(message);
  }
  const custom = options.summaries?.[e.code];
  const summary = custom
    ? custom(e)
    : e instanceof ValidationError
      ? t('form.checkFields')
      : coreMessage(e.message, locale);
  return { status: STATUS_OF[e.kind], summary, fields, orphans };
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
