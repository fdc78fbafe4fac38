import type { ErrorKind } from '@bursa/core/kernel';

/** The one mapping from a domain error's kind to an HTTP status, for the API and the pages alike. */
export const STATUS_OF: Record<ErrorKind, 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};
