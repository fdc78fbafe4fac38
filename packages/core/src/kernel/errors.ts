/**
 * Domain errors carry a stable dotted code (`vacancy.not_found`) that clients
 * can switch on and that is also the key of its text in each concept's
 * messages file, optional params for that text, and a kind that the adapters
 * map to an HTTP status (@bursa/http). Core never knows about HTTP or about
 * which language the reader speaks.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

export type MessageParams = Record<string, string | number>;

/** One wrong field: its path in the input, and the message key (with params) that explains it. */
export type FieldIssue = { path: string; code: string; params?: MessageParams };

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params?: MessageParams;
  readonly details?: Record<string, unknown>;

  constructor(
    kind: ErrorKind,
    code: string,
    options: { params?: MessageParams; details?: Record<string, unknown> } = {},
  ) {
    // The code doubles as the log message; people read the text for it in their language.
    super(code);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    if (options.params) this.params = options.params;
    if (options.details) this.details = options.details;
  }
}

export const notFound = (code: string, params?: MessageParams) =>
  new DomainError('not_found', code, params ? { params } : {});
export const forbidden = (code: string) => new DomainError('forbidden', code);
export const conflict = (code: string, fields?: FieldIssue[]) =>
  new DomainError('conflict', code, fields ? { details: { fields } } : {});
export const unauthenticated = (code: string) => new DomainError('unauthenticated', code);

export class ValidationError extends DomainError {
  readonly fields: FieldIssue[];
  constructor(fields: FieldIssue[]) {
    super('validation', 'request.invalid', { details: { fields } });
    this.fields = fields;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** The field issues an error carries: a validation error's, or a conflict's (e.g. email taken). */
export function fieldIssues(e: DomainError): FieldIssue[] {
  if (e instanceof ValidationError) return e.fields;
  return (e.details?.fields as FieldIssue[] | undefined) ?? [];
}
