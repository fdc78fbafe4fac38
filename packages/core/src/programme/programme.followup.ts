import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  executeBatchGet,
  GetItemCommand,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { countOnce } from '../db/projected.ts';
import { followupEntities, METRICS, type Metric } from './followup.entity.ts';
import { programmeEntities } from './programme.entity.ts';
import { followShops } from './programme.link.ts';

/**
 * The programme-followup projection (functions/src/events/programme-followup.ts):
 * what a participant did after the programme, counted from the stream, once
 * per record (a marker in the same transaction):
 *   Application  new → applications; first reaching `hired` → hires
 *   Shop         opened by a participant → followed (FollowedShop), "shop opened"
 *   Product      created in a followed shop → products
 *   Order        completed in a followed shop (what the shop's sales count) → orders, sales (rupiah), last sale
 * Whether the person is a participant is one Query (the user index, limit 1)
 * or one GetItem (FollowedShop); everybody else costs nothing more.
 */
type Image = Record<string, unknown> | undefined;
const WIB = 7 * 3600_000;
/** `['2026', '11']`: the WIB year and month of an instant. */
const yearMonth = (at: number) => {
  const iso = new Date(at + WIB).toISOString();
  return [iso.slice(0, 4), iso.slice(5, 7)] as const;
};

async function isParticipant(db: Db, userId: string): Promise<boolean> {
  const out = await db.table
    .build(QueryCommand)
    .entities(programmeEntities(db).Participant)
    .query({ index: 'gsi3', partition: `PARTUSER#${userId}` })
    .options({ limit: 1, attributes: ['cohortId'] })
    .send();
  return (out.Items ?? []).length > 0;
}

async function followedBy(db: Db, shopId: unknown): Promise<string | undefined> {
  if (typeof shopId !== 'string') return undefined;
  const { Item } = await followupEntities(db).FollowedShop.build(GetItemCommand).key({ shopId }).send();
  return Item?.userId;
}

type Count = { userId: string; at: number; add: Partial<Record<Metric, number>>; lastSaleAt?: string };

async function whatToCount(db: Db, entity: string, before: Image, after: Image): Promise<Count | undefined> {
  if (!after) return undefined;
  if (entity === 'Application' && typeof after.userId === 'string') {
    const applied = !before;
    const hired = after.stage === 'hired' && before?.stage !== 'hired';
    if (!applied && !hired) return undefined;
    if (!(await isParticipant(db, after.userId))) return undefined;
    const at = Date.parse(String(hired ? after.updatedAt : after.appliedAt));
    return {
      userId: after.userId,
      at,
      add: { ...(applied ? { applications: 1 } : {}), ...(hired ? { hires: 1 } : {}) },
    };
  }
  if (entity === 'Product' && !before) {
    const userId = await followedBy(db, after.shopId);
    return userId ? { userId, at: Date.parse(String(after.createdAt)), add: { products: 1 } } : undefined;
  }
  if (entity === 'Order' && after.status === 'completed' && before?.status !== 'completed') {
    const userId = await followedBy(db, after.shopId);
    if (!userId) return undefined;
    const history = (after.history ?? []) as { status: string; at: string }[];
    const done = [...history].reverse().find((s) => s.status === 'completed')?.at ?? String(after.updatedAt);
    return { userId, at: Date.parse(done), add: { orders: 1, sales: Number(after.total ?? 0) }, lastSaleAt: done };
  }
  return undefined;
}

export async function countFollowup(
  db: Db,
  sequenceNumber: string,
  entity: string,
  before: Image,
  after: Image,
): Promise<boolean> {
  if (entity === 'Shop') {
    if (before || typeof after?.ownerId !== 'string') return false;
    if (!(await isParticipant(db, after.ownerId))) return false;
    const shop = after as { id: string; handle: string; name: string };
    await followShops(db, after.ownerId, [shop]);
    return true;
  }
  const count = await whatToCount(db, entity, before, after);
  if (!count || Number.isNaN(count.at)) return false;
  const [year, month] = yearMonth(count.at);
  const { FollowupYear, Followup } = followupEntities(db);
  const adds = Object.fromEntries(Object.entries(count.add).map(([m, n]) => [`${m}${month}`, $add(n)]));
  return countOnce(db, 'programme-followup', sequenceNumber, [
    FollowupYear.build(UpdateTransaction).item({ userId: count.userId, year, ...adds } as never),
    ...(count.lastSaleAt
      ? [Followup.build(UpdateTransaction).item({ userId: count.userId, lastSaleAt: count.lastSaleAt })]
      : []),
  ]);
}

export type Followup = {
  shop?: { id: string; handle: string; name: string };
  /** Sold something in the last 90 days. */
  alive: boolean;
} & Record<Metric, number>;

/** The last `window` WIB months, the current one included, as [year, month]. */
function monthsBack(now: number, window: number): (readonly [string, string])[] {
  const d = new Date(now + WIB);
  return Array.from({ length: window }, (_, i) => {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1)).toISOString();
    return [m.slice(0, 4), m.slice(5, 7)] as const;
  });
}

/**
 * The follow-up of up to 24 people over a window of 3–24 months: one
 * BatchGetItem (a summary and at most 3 year items each: ≤ 96 keys).
 */
export async function followupOf(db: Db, userIds: readonly string[], now: number, window: number) {
  const users = [...new Set(userIds)].slice(0, 24);
  const result = new Map<string, Followup>();
  if (!users.length) return result;
  const months = monthsBack(now, Math.min(24, window));
  const years = [...new Set(monthsBack(now, 24).map(([y]) => y))];
  const { Followup: F, FollowupYear: Y } = followupEntities(db);
  const out = await executeBatchGet(
    { maxAttempts: 6 },
    db.table
      .build(BatchGetCommand)
      .requests(
        ...users.flatMap((userId) => [
          F.build(BatchGetRequest).key({ userId }),
          ...years.map((year) => Y.build(BatchGetRequest).key({ userId, year })),
        ]),
      ),
  );
  const got = (out.Responses?.[0] ?? []) as (Record<string, unknown> | undefined)[];
  users.forEach((userId, u) => {
    const base = u * (years.length + 1);
    const summary = got[base];
    const byYear = new Map(years.map((y, i) => [y, got[base + 1 + i]]));
    const sum = (metric: Metric) => months.reduce((s, [y, m]) => s + Number(byYear.get(y)?.[`${metric}${m}`] ?? 0), 0);
    const last = typeof summary?.lastSaleAt === 'string' ? Date.parse(summary.lastSaleAt) : Number.NaN;
    result.set(userId, {
      ...(Object.fromEntries(METRICS.map((m) => [m, sum(m)])) as Record<Metric, number>),
      ...(typeof summary?.shopId === 'string'
        ? {
            shop: {
              id: summary.shopId,
              handle: String(summary.shopHandle ?? ''),
              name: String(summary.shopName ?? ''),
            },
          }
        : {}),
      alive: now - last <= 90 * 86_400_000,
    });
  });
  return result;
}
