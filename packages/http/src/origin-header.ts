/**
 * The header CloudFront adds to every request it sends to a function URL,
 * carrying the origin secret (origin-secret.ts). On its own so the rotation
 * function can name it without the rest of this package (and what it imports).
 */
export const ORIGIN_HEADER = 'x-bursa-origin';
