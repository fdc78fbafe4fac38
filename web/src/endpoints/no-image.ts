import type { APIRoute } from 'astro';

/**
 * Astro's image endpoint (`/_image`), which Bursa does not use: photos are resized
 * once, when uploaded (the image function), and served by CloudFront from /media/.
 * Astro injects the route in every server build; this stand-in answers 404, and keeps
 * Astro's image-size and format code (43 KB) out of the web function.
 */
export const GET: APIRoute = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
