import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  Entity,
  executeBatchGet,
  item,
  number,
  QueryCommand,
  string,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { type CountWrites, countOnce } from '../db/projected.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { csvCell } from '../kernel/format.ts';
import * as z from '../kernel/zod.ts';
import { roleIn } from '../shop/shop.use-cases.ts';
import { orderEntities, PAYMENT_METHODS } from './order.entity.ts';
import type { Info as Order } from './order.use-cases.ts';

/**
 * A shop's sales, counted from the stream when an order is completed (the
 * sales projection), never by reading its orders:
 *   SalesPeriod   pk = SHOP#<shopId>  sk = SALES#<period>               (orders, revenue, items, revenue per way to pay)
 *   SalesProduct  pk = SHOP#<shopId>  sk = SALES#<period>#P#<productId>  (units and revenue per product: best products)
 * A period is a WIB month (`M2026-12`) or ISO week (`W2026-49`).
 */
const build = (table: BursaTable) => ({
  SalesPeriod: new Entity({
    name: 'SalesPeriod',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      period: string().key(),
      orders: number().optional(),
      revenue: number().optional(),
      items: number().optional(),
      whatsapp: number().optional(),
      cod: number().optional(),
      transfer: number().optional(),
      card: number().optional(),
    }),
    computeKey: ({ shopId, period }) => ({ pk: `SHOP#${shopId}`, sk: `SALES#${period}` }),
  }),
  SalesProduct: new Entity({
    name: 'SalesProduct',
    table,
    timestamps: false,
    schema: item({
      shopId: string().key(),
      period: string().key(),
      productId: string().key(),
      title: string(),
      units: number().optional(),
      revenue: number().optional(),
    }),
    computeKey: ({ shopId, period, productId }) => ({ pk: `SHOP#${shopId}`, sk: `SALES#${period}#P#${productId}` }),
  }),
});
export const salesEntities = (db: Db) => bindEntities(db, build);

const WIB = 7 * 3600_000;
/** `M2026-12`: the WIB month of an instant. */
export const monthOf = (at: number) => `M${new Date(at + WIB).toISOString().slice(0, 7)}`;
/** `W2026-49`: the ISO week (Monday first) of an instant's WIB day. */
export function weekOf(at: number): string {
  const d = new Date(at + WIB);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - dow);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `W${year}-${String(week).padStart(2, '0')}`;
}

type Image = Record<string, unknown> | undefined;

/** The sales projection: an order that became completed adds to its month and week, once (a marker in the same transaction). */
export async function countSale(db: Db, sequenceNumber: string, before: Image, after: Image): Promise<boolean> {
  if (after?.status !== 'completed' || before?.status === 'completed') return false;
  const order = after as unknown as Order;
  const done = [...order.history].reverse().find((s) => s.status === 'completed')?.at ?? order.updatedAt;
  const at = Date.parse(done);
  const { SalesPeriod, SalesProduct } = salesEntities(db);
  const units = order.items.reduce((s, l) => s + l.qty, 0);
  const writes = [monthOf(at), weekOf(at)].flatMap((period) => [
    SalesPeriod.build(UpdateTransaction).item({
      shopId: order.shopId,
      period,
      orders: $add(1),
      revenue: $add(order.total),
      items: $add(units),
      [order.payment]: $add(order.total),
    } as never),
    ...order.items.map((l) =>
      SalesProduct.build(UpdateTransaction).item({
        shopId: order.shopId,
        period,
        productId: l.productId,
        title: l.title,
        units: $add(l.qty),
        revenue: $add(l.qty * l.price),
      } as never),
    ),
  ]);
  return countOnce(db, 'sales', sequenceNumber, writes as CountWrites);
}

export type SalesRow = {
  period: string;
  orders: number;
  revenue: number;
  items: number;
  byMethod: Record<(typeof PAYMENT_METHODS)[number], number>;
};
export type SalesReport = {
  months: SalesRow[];
  weeks: SalesRow[];
  best: { productId: string; title: string; units: number; revenue: number }[];
  month: string;
};

async function requireSeller(ctx: Ctx, shopId: string) {
  const me = Account.requireSignedIn(ctx.actor);
  if (!(await roleIn(ctx.db, me, shopId)) && !Account.isOfficer(me)) throw forbidden('shop.not_member');
}

/**
 * The seller's "Penjualan": the last 6 months and 8 weeks (one BatchGetItem of
 * 14 counters) and the best products of one month (one Query).
 */
export const salesOf = fn(
  z.object({
    shopId: z.string(),
    month: z.optional(z.string().check(z.regex(/^M\d{4}-\d{2}$/))),
  }),
  async ({ shopId, month }, ctx): Promise<SalesReport> => {
    await requireSeller(ctx, shopId);
    const now = nowOf(ctx);
    const months = Array.from({ length: 6 }, (_, i) => {
      const d = new Date(now + WIB);
      return `M${new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1)).toISOString().slice(0, 7)}`;
    });
    const weeks = Array.from({ length: 8 }, (_, i) => weekOf(now - i * 7 * 86_400_000));
    const { SalesPeriod, SalesProduct } = salesEntities(ctx.db);
    const chosen = month ?? (months[0] as string);
    const [got, best] = await Promise.all([
      executeBatchGet(
        ctx.db.table
          .build(BatchGetCommand)
          .requests(
            ...[...months, ...weeks].map((period) => SalesPeriod.build(BatchGetRequest).key({ shopId, period })),
          ),
      ),
      ctx.db.table
        .build(QueryCommand)
        .entities(SalesProduct)
        .query({ partition: `SHOP#${shopId}`, range: { beginsWith: `SALES#${chosen}#P#` } })
        .options({ limit: 100 })
        .send(),
    ]);
    const rows = (got.Responses?.[0] ?? []) as (Record<string, number | string> | undefined)[];
    const rowOf = (period: string, i: number): SalesRow => {
      const r = rows[i];
      const n = (k: string) => Number(r?.[k] ?? 0);
      return {
        period,
        orders: n('orders'),
        revenue: n('revenue'),
        items: n('items'),
        byMethod: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, n(m)])) as SalesRow['byMethod'],
      };
    };
    return {
      months: months.map((p, i) => rowOf(p, i)),
      weeks: weeks.map((p, i) => rowOf(p, months.length + i)),
      best: ((best.Items ?? []) as { productId: string; title: string; units?: number; revenue?: number }[])
        .map((p) => ({ productId: p.productId, title: p.title, units: p.units ?? 0, revenue: p.revenue ?? 0 }))
        .sort((a, b) => b.revenue - a.revenue)
        .slice(0, 10),
      month: chosen,
    };
  },
);

/**
 * A month's orders as CSV, for the seller's own books: an export, so it reads
 * the month's orders page by page (the shop's order index by date), at most 5,000.
 */
export const salesCsv = fn(
  z.object({ shopId: z.string(), month: z.string().check(z.regex(/^M\d{4}-\d{2}$/)) }),
  async ({ shopId, month }, ctx): Promise<string> => {
    await requireSeller(ctx, shopId);
    const [y, m] = month.slice(1).split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1) - WIB).toISOString();
    const to = new Date(Date.UTC(y, m, 1) - WIB).toISOString();
    const header = ['kode', 'tanggal', 'status', 'pembayaran', 'pengiriman', 'pembeli', 'barang', 'jumlah', 'total'];
    const lines = [header.join(',')];
    let start: Record<string, unknown> | undefined;
    let count = 0;
    do {
      const out = await ctx.db.table
        .build(QueryCommand)
        .entities(orderEntities(ctx.db).Order)
        .query({ index: 'gsi2', partition: `SHOPORDERS#${shopId}`, range: { between: [from, to] } })
        .options({ limit: 500, ...(start ? { exclusiveStartKey: start } : {}) })
        .send();
      for (const o of (out.Items ?? []) as Order[]) {
        lines.push(
          [
            o.code,
            o.createdAt,
            o.status,
            o.payment,
            o.delivery,
            o.buyerName,
            o.items.map((l) => `${l.qty}x ${l.title}`).join('; '),
            o.items.reduce((s, l) => s + l.qty, 0),
            o.total,
          ]
            .map(csvCell)
            .join(','),
        );
        count++;
      }
      start = out.LastEvaluatedKey;
    } while (start && count < 5000);
    return `${lines.join('\r\n')}\r\n`;
  },
);
