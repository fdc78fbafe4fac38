import { DomainError } from '../kernel/errors.ts';

/**
 * Page cursors: the Query's LastEvaluatedKey, as opaque base64url JSON. A
 * cursor is checked before use (only string key attributes, and the caller's
 * own check, e.g. that it points into the partition being read), so a crafted
 * cursor cannot read another partition: it is a 400 request.invalid_cursor.
 */
export type PageKey = Record<string, string>;

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export function decodeCursor(cursor: string | undefined, valid: (key: PageKey) => boolean): PageKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      key &&
      typeof key === 'object' &&
      !Array.isArray(key) &&
      Object.values(key).every((v) => typeof v === 'string' && v.length <= 300) &&
      valid(key as PageKey)
    )
      return key as PageKey;
  } catch {
    // fall through
  }
  throw new DomainError('validation', 'request.invalid_cursor');
}

/** One page of a list, and the cursor for the next one (absent on the last page). */
export type Page<T> = { items: T[]; cursor?: string };
