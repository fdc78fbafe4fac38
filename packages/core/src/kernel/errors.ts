/**
 * Domain errors carry a stable dotted code (`vacancy.not_found`) that clients
 * can switch on, a message a person can act on, and a kind that the HTTP layer
 * maps to a status. Core never knows about HTTP itself.
 */
export type ErrorKind = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(kind: ErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);

export class ValidationError extends DomainError {
  readonly fields: FieldIssue[];
  constructor(fields: FieldIssue[], message = 'Periksa kembali isian yang ditandai.') {
    super('validation', 'request.invalid', message, { fields });
    this.fields = fields;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
