import { isDomainError } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import type { APIRoute } from 'astro';

/** A month's orders as CSV (`?bulan=M2026-12`), for the shop's members. */
export const GET: APIRoute = async ({ params, locals, url }) => {
  const month = url.searchParams.get('bulan') ?? '';
  try {
    const csv = await Order.salesCsv(locals.ctx, { shopId: params.id ?? '', month });
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="penjualan-${month.slice(1)}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.kind !== 'unavailable')
      return new Response(null, { status: e.kind === 'forbidden' ? 403 : e.kind === 'validation' ? 400 : 404 });
    throw e;
  }
};
