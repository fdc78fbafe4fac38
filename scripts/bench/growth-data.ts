import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@bursa/core/db';
import { newId } from '@bursa/core/kernel';

/** The bench's data-growth mode: what it copies from the demo, and how (scripts/bench-growth.ts loads it). */
type Item = Record<string, unknown>;

/** What grows: copies of one demo item (read by its key), as many as `demoCount` × (size − 1). */
export type Growth = {
  label: string;
  /** The demo item to copy, or how to find it (one Query: the bench may read as it likes). */
  key: { pk: string; sk: string } | ((db: Db) => Promise<{ pk: string; sk: string } | undefined>);
  /** How many the demo has (a number, or counted with one Query: the bench may read as it likes). */
  demoCount: number | ((db: Db) => Promise<number>);
  copy: (source: Item, n: number, at: number) => Item;
};

/** A copy of a demo product in the same shop, created `at`, under a new id. */
export const productCopy = (source: Item, n: number, at: number): Item => {
  const id = newId(at);
  const stamp = new Date(at).toISOString();
  return {
    ...source,
    sk: `PRODUCT#${id}`,
    gsi2sk: `${stamp}#PRODUCT#${id}`,
    id,
    title: `${String(source.title)} ${n}`,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
};

/** A Query's key condition: a partition, under a sort-key prefix when there is one (DynamoDB refuses an empty one). */
const under = (pkName: string, pk: string, skName: string, prefix: string) =>
  prefix
    ? {
        KeyConditionExpression: `${pkName} = :pk AND begins_with(${skName}, :prefix)`,
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      }
    : { KeyConditionExpression: `${pkName} = :pk`, ExpressionAttributeValues: { ':pk': pk } };

/** How many items a partition (of the table, or of an index) holds, optionally under a sort-key prefix (one Query, COUNT). */
export const countIn =
  (index: 'gsi1' | 'gsi2' | 'gsi3' | undefined, pk: string, prefix = '') =>
  async (db: Db) => {
    const [pkName, skName] = index ? [`${index}pk`, `${index}sk`] : ['pk', 'sk'];
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...(index ? { IndexName: index } : {}),
        ...under(pkName, pk, skName, prefix),
        Select: 'COUNT',
      }),
    );
    return Number(out.Count ?? 0);
  };
export const countUnder = (pk: string, prefix: string) => countIn(undefined, pk, prefix);

/** The key of the first item of a partition (or an index partition) under a sort-key prefix that `keep` accepts. */
export const firstKey =
  (q: { index?: 'gsi1' | 'gsi2' | 'gsi3'; pk: string; prefix: string; keep?: (i: Item) => boolean }) =>
  async (db: Db) => {
    const [pk, sk] = q.index ? [`${q.index}pk`, `${q.index}sk`] : ['pk', 'sk'];
    const { Items = [] } = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...(q.index ? { IndexName: q.index } : {}),
        ...under(pk, q.pk, sk, q.prefix),
      }),
    );
    const found = Items.find(q.keep ?? (() => true));
    return found ? { pk: String(found.pk), sk: String(found.sk) } : undefined;
  };

/** The n-th order code (`BRS-` and five of the codes' letters), so copies never meet a demo code (those are random). */
const codeOf = (n: number) => {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let rest = n + 31 ** 4 * 30;
  let code = '';
  for (let i = 0; i < 5; i++, rest = Math.floor(rest / 31)) code = (alphabet[rest % 31] as string) + code;
  return `BRS-${code}`;
};

/** A copy of a demo order (same buyer, same shop), placed `at`, completed, under a new code. */
export const orderCopy = (source: Item, n: number, at: number): Item => {
  const code = codeOf(n);
  const stamp = new Date(at).toISOString();
  const { gsi3pk: _pk, gsi3sk: _sk, expiresAt: _expires, ...rest } = source;
  return {
    ...rest,
    pk: `ORDER#${code}`,
    gsi1sk: `${stamp}#${code}`,
    gsi2sk: `${stamp}#${code}`,
    code,
    status: 'completed',
    history: [{ status: 'completed', at: stamp }],
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
};

/** A copy of a demo post of the same shop, posted `at`, under a new id. */
export const postCopy = (source: Item, n: number, at: number): Item => {
  const id = newId(at);
  const stamp = new Date(at).toISOString();
  return {
    ...source,
    sk: `POST#${id}`,
    gsi2sk: `${stamp}#POST#${id}`,
    id,
    caption: `${source.caption} ${n}`,
    createdAt: stamp,
  };
};

/** A new (made-up) person following the same shop, since `at`. */
export const followerCopy = (source: Item, _n: number, at: number): Item => {
  const userId = newId(at);
  return {
    ...source,
    pk: `USER#${userId}`,
    gsi1sk: `FOLLOWER#${userId}`,
    userId,
    createdAt: new Date(at).toISOString(),
  };
};

/** A copy of a demo notification in the same inbox, `at`. */
export const notificationCopy = (source: Item, n: number, at: number): Item => {
  const stamp = new Date(at).toISOString();
  const dedupe = `bench${String(n).padStart(11, '0')}`;
  return { ...source, sk: `NOTE#${stamp}#${dedupe}`, at: stamp, dedupe };
};

/** A copy of a demo review of the same shop, `at`, for a made-up order code. */
export const reviewCopy = (source: Item, n: number, at: number): Item => {
  const stamp = new Date(at).toISOString();
  const code = codeOf(n);
  return { ...source, sk: `REVIEW#${stamp}#${code}`, key: `REVIEW#${stamp}#${code}`, code, createdAt: stamp };
};

/** A copy of a demo vacancy, published `at`, under a new id. */
export const vacancyCopy = (source: Item, n: number, at: number): Item => {
  const id = newId(at);
  const stamp = new Date(at).toISOString();
  return {
    ...source,
    pk: `VACANCY#${id}`,
    gsi1sk: `VACANCY#${id}`,
    id,
    title: `${String(source.title)} ${n}`,
    publishedAt: stamp,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
};

/** A copy of a demo vacancy held for the office's review (its queue, oldest first), held `at`. */
export const heldVacancyCopy = (source: Item, n: number, at: number): Item => {
  const copy = vacancyCopy(source, n, at);
  const { publishedAt: _published, ...held } = copy;
  return { ...held, gsi2sk: `${new Date(at).toISOString()}#${String(copy.id)}` };
};

/** A copy of a demo audit entry (an officer's action), `at`, in the month it falls in. */
export const auditCopy = (source: Item, n: number, at: number): Item => {
  const stamp = new Date(at).toISOString();
  const entryId = newId(at);
  const month = stamp.slice(0, 7);
  return {
    ...source,
    pk: `AUDIT#${month}`,
    sk: `${stamp}#${entryId}`,
    month,
    at: stamp,
    entryId,
    gsi1sk: String(source.gsi1sk).replace(String(source.at), stamp).replace(String(source.entryId), entryId),
    reason: `${source.reason ?? 'bench'} ${n}`,
  };
};

/** A copy of a demo application to the same vacancy, by a new (made-up) applicant, `at`. */
export const applicationCopy = (source: Item, n: number, at: number): Item => {
  const userId = newId(at);
  const stamp = new Date(at).toISOString();
  const vacancyId = String(source.vacancyId);
  return {
    ...source,
    sk: `APPLICATION#${userId}`,
    gsi1sk: `${stamp}#${userId}`,
    gsi2sk: `${stamp}#${userId}`,
    gsi3pk: `APPLICATIONS#${userId}`,
    gsi3sk: `${stamp}#${vacancyId}`,
    userId,
    applicantName: `Pelamar ${n}`,
    appliedAt: stamp,
    updatedAt: stamp,
    timeline: [{ stage: 'applied', at: stamp, by: 'applicant' }],
    stage: 'applied',
    version: 1,
  };
};

/**
 * What the growth mode loads, copied from the demo: open vacancies at the demo employer's company,
 * applications to one of its vacancies, and at the demo seller's shop (Dapur Bu Ani) its products,
 * posts, followers, reviews and orders (completed, bought by the demo job seeker), and the demo job
 * seeker's notifications.
 */
export function demoGrowth(d: {
  vacancyId: string;
  openVacancies: number;
  applicant: string;
  applicants: number;
  shopId: string | undefined;
  productId: string | undefined;
  seekerId: string;
}): Growth[] {
  const shop = d.shopId;
  return [
    {
      label: 'open vacancies',
      key: { pk: `VACANCY#${d.vacancyId}`, sk: 'VACANCY' },
      demoCount: d.openVacancies,
      copy: vacancyCopy,
    },
    {
      label: `applications to ${d.vacancyId}`,
      key: { pk: `VACANCY#${d.vacancyId}`, sk: `APPLICATION#${d.applicant}` },
      demoCount: d.applicants,
      copy: applicationCopy,
    },
    {
      label: "vacancies held for the office's review",
      key: firstKey({ index: 'gsi2', pk: 'REVIEW#VACANCY', prefix: '' }),
      demoCount: countIn('gsi2', 'REVIEW#VACANCY'),
      copy: heldVacancyCopy,
    },
    {
      label: "entries of this month's audit log",
      key: firstKey({ pk: `AUDIT#${new Date().toISOString().slice(0, 7)}`, prefix: '' }),
      demoCount: countUnder(`AUDIT#${new Date().toISOString().slice(0, 7)}`, ''),
      copy: auditCopy,
    },
    {
      label: 'notifications of the demo job seeker',
      key: firstKey({ pk: `USER#${d.seekerId}`, prefix: 'NOTE#' }),
      demoCount: countUnder(`USER#${d.seekerId}`, 'NOTE#'),
      copy: notificationCopy,
    },
    ...(shop && d.productId
      ? [
          {
            label: 'products of the demo shop',
            key: { pk: `SHOP#${shop}`, sk: `PRODUCT#${d.productId}` },
            demoCount: countUnder(`SHOP#${shop}`, 'PRODUCT#'),
            copy: productCopy,
          },
          {
            label: 'posts of the demo shop',
            key: firstKey({ pk: `SHOP#${shop}`, prefix: 'POST#' }),
            demoCount: countUnder(`SHOP#${shop}`, 'POST#'),
            copy: postCopy,
          },
          {
            label: 'followers of the demo shop',
            key: firstKey({ index: 'gsi1', pk: `SHOP#${shop}`, prefix: 'FOLLOWER#' }),
            demoCount: countIn('gsi1', `SHOP#${shop}`, 'FOLLOWER#'),
            copy: followerCopy,
          },
          {
            label: 'reviews of the demo shop',
            key: firstKey({ pk: `SHOP#${shop}`, prefix: 'REVIEW#' }),
            demoCount: countUnder(`SHOP#${shop}`, 'REVIEW#'),
            copy: reviewCopy,
          },
          {
            label: "orders at the demo shop (the demo job seeker's)",
            key: firstKey({ index: 'gsi1', pk: `BUYER#${d.seekerId}`, prefix: '', keep: (o) => o.shopId === shop }),
            demoCount: countIn('gsi2', `SHOPORDERS#${shop}`),
            copy: orderCopy,
          },
        ]
      : []),
  ];
}
