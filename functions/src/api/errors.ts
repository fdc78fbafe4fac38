import { type ErrorKind, isDomainError, ValidationError } from '@bursa/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Body of every error response: `code` is stable, `message` is for people. */
export type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/**
 * The one place errors become HTTP: domain errors keep their code and
 * message, malformed requests become 400, anything else is logged and
 * answered with a 500 that leaks nothing.
 */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (isDomainError(err)) {
    const body: ErrorBody = { code: err.code, message: err.message };
    if (err instanceof ValidationError) body.details = { fields: err.fields };
    else if (err.details) body.details = err.details;
    // A rate limit says when to come back, in the header clients and proxies understand too.
    const retryAfter = err.details?.retryAfterSeconds;
    if (err.kind === 'rate_limited' && typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(body, statusOf[err.kind]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono raises these for bodies it cannot parse (e.g. malformed JSON).
    return c.json<ErrorBody>(
      { code: 'request.malformed', message: 'Permintaan tidak dapat dibaca. Kirim JSON yang valid.' },
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
  return c.json<ErrorBody>({ code: 'internal', message: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.' }, 500);
}

export const notFoundResponse = (c: Context) =>
  c.json<ErrorBody>({ code: 'route.not_found', message: `Tidak ada ${c.req.method} ${c.req.path}.` }, 404);
