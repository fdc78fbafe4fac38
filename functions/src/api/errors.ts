import { fieldIssues, isDomainError, type MessageParams } from '@bursa/core/kernel';
import { issueText, translate } from '@bursa/core/messages';
import { STATUS_OF } from '@bursa/http';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiEnv } from './context.ts';

/**
 * Body of every error response: `code` is stable (switch on it), `message` is
 * for people, in the language the client asked for (Accept-Language).
 */
export type ErrorBody = {
  code: string;
  message: string;
  details?: Record<string, unknown> & {
    fields?: { path: string; code: string; message: string }[];
    /** Warnings a client must confirm (`confirm: [code, …]`) before it may go on. */
    warnings?: { code: string; message: string; confirmed?: boolean }[];
  };
};

/**
 * The one place errors become HTTP: domain errors keep their code and get
 * their text, malformed requests become 400, anything else is logged and
 * answered with a 500 that leaks nothing.
 */
export function toErrorResponse(err: unknown, c: Context<ApiEnv>): Response {
  const locale = c.var.locale ?? 'id';
  if (isDomainError(err)) {
    const { fields: _f, ...rest } = err.details ?? {};
    const fields = fieldIssues(err).map((f) => ({ path: f.path, code: f.code, message: issueText(f, locale) }));
    // Warnings to confirm (a vacancy below the UMK, …) carry a message key like field issues do.
    const warnings = Array.isArray(rest.warnings)
      ? {
          warnings: (rest.warnings as { code: string; key: string; params?: MessageParams; confirmed?: boolean }[]).map(
            ({ key, params, ...w }) => ({ ...w, message: translate(key, locale, params) }),
          ),
        }
      : {};
    const details = { ...rest, ...warnings, ...(fields.length ? { fields } : {}) };
    const body: ErrorBody = {
      code: err.code,
      message: translate(err.code, locale, err.params),
      ...(Object.keys(details).length ? { details } : {}),
    };
    // A rate limit says when to come back, in the header clients and proxies understand too.
    const retryAfter = err.details?.retryAfterSeconds;
    if ((err.kind === 'rate_limited' || err.kind === 'unavailable') && typeof retryAfter === 'number')
      c.header('Retry-After', String(retryAfter));
    return c.json(body, STATUS_OF[err.kind]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono raises these for bodies it cannot parse (e.g. malformed JSON).
    return c.json<ErrorBody>(
      { code: 'request.malformed', message: translate('request.malformed', locale) },
      err.status as ContentfulStatusCode,
    );
  }
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'unhandled',
      path: c.req.path,
      error: String(err),
      stack: (err as Error)?.stack,
    }),
  );
  return c.json<ErrorBody>({ code: 'internal', message: translate('internal', locale) }, 500);
}

export const notFoundResponse = (c: Context<ApiEnv>) =>
  c.json<ErrorBody>(
    {
      code: 'route.not_found',
      message: translate('route.not_found', c.var.locale ?? 'id', { method: c.req.method, path: c.req.path }),
    },
    404,
  );
