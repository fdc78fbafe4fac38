/**
 * The visitor's address, for rate limits. Behind CloudFront the viewer is in
 * CloudFront-Viewer-Address ("ip:port"); X-Forwarded-For's first entry is
 * what the client claims, so it is only the local fallback.
 */
export function clientAddressFrom(get: (name: string) => string | null | undefined): string {
  const viewer = get('cloudfront-viewer-address');
  if (viewer) return viewer.replace(/:\d+$/, '');
  return get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
