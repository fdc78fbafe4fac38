import { isDomainError } from '@bursa/core/kernel';

/** Where a page rewrites to when what it shows was hidden by an officer: a 404 that says so. */
export const UNAVAILABLE = '/lapor/tidak-tersedia';

/**
 * Like lib/view's orNotFound, telling content an officer hid apart from
 * content that does not exist: `'hidden'` (the page rewrites to UNAVAILABLE),
 * `undefined` (the page's usual 404), or the value. Its owner and officers
 * never get `'hidden'`: core hands them the content with its `moderation` flag.
 */
export async function orHidden<T>(pending: Promise<T>): Promise<T | 'hidden' | undefined> {
  try {
    return await pending;
  } catch (e) {
    if (isDomainError(e) && e.kind === 'not_found') return e.code === 'moderation.unavailable' ? 'hidden' : undefined;
    throw e;
  }
}
