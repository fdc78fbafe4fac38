import { isDomainError } from '@bursa/core/kernel';

/**
 * Where the media bucket sends the browser after a photo upload (`?key=`):
 * `attach` puts the photo where it belongs once the image function has
 * processed it. Until then the page waits and asks again (a Refresh header,
 * no JavaScript), up to 20 times; a refusal goes back with `?galat=<code>`.
 */
export type AfterUpload =
  | { redirect: string }
  | { waiting: true; again: string }
  | { denied: true }
  | { missing: true };

export async function afterUpload(
  url: URL,
  headers: Headers,
  back: string,
  attach: (key: string) => Promise<unknown>,
): Promise<AfterUpload> {
  const key = url.searchParams.get('key') ?? '';
  const tries = Number(url.searchParams.get('coba') ?? 0) || 0;
  try {
    await attach(key);
    return { redirect: `${back}?foto=1#foto` };
  } catch (e) {
    if (!isDomainError(e) || e.kind === 'unavailable') throw e;
    if (e.kind === 'forbidden') return { denied: true };
    if (e.code === 'media.image.processing' && tries < 20) {
      const again = `${url.pathname}?key=${encodeURIComponent(key)}&coba=${tries + 1}`;
      headers.set('Refresh', `1; url=${again}`);
      return { waiting: true, again };
    }
    if (e.kind === 'not_found') return { missing: true };
    return { redirect: `${back}?galat=${encodeURIComponent(e.code)}#foto` };
  }
}
