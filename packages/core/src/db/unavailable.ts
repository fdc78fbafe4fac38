import { DomainError } from '../kernel/errors.ts';

/**
 * The one place that decides "the database is unavailable": timeouts,
 * refused or reset connections, throttling and 5xx that the transport's retries did
 * not overcome (db/dynamo-http.ts). Those become a DomainError of kind `unavailable`
 * (`service.unavailable`), which the API answers with 503 and Retry-After and
 * pages with a short "try again" page, instead of a hang or an empty 500.
 * A refused condition, a validation error or a missing table are not outages.
 */
const OUTAGE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

export function isOutage(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (err.name && OUTAGE_NAMES.has(err.name)) return true;
  if (err.code && OUTAGE_CODES.has(err.code)) return true;
  if ((err.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return err.cause !== undefined && err.cause !== e && isOutage(err.cause);
}

export const unavailable = () =>
  new DomainError('unavailable', 'service.unavailable', { details: { retryAfterSeconds: 5 } });
