/**
 * What AWS bills for a write, from the item's images, by its documented rules
 * (DynamoDB Local under-reports: it prices a transaction like plain writes):
 * - an item's size is the UTF-8 length of each attribute name plus its value:
 *   a string its UTF-8 length, a number 1 byte per two significant digits plus
 *   1, a boolean or null 1, binary its length, a list or map 3 bytes plus each
 *   element's size plus 1 byte per element (a map's keys count as names), a set
 *   the sum of its members;
 * - a standard write costs 1 write unit per started KB of the larger of the
 *   item's old and new versions (a delete: of the deleted item); a write inside
 *   a transaction costs twice that.
 * - every global index the item is in (its key attributes present) is a
 *   write too, priced on what it projects (Bursa's indexes project ALL: the
 *   item); an item entering or leaving an index is one write, one whose index
 *   key changes is two (a delete and a put).
 * The bench prices each write of a request and of the projections it triggers
 * from the stream's images (scripts/bench-writes.ts).
 */
export type AttributeValue = {
  S?: string;
  N?: string;
  B?: unknown;
  BOOL?: boolean;
  NULL?: boolean;
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  SS?: string[];
  NS?: string[];
  BS?: unknown[];
};

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** A number's size: its significant digits (leading and trailing zeroes trimmed), two to a byte, plus 1. */
function numberSize(n: string): number {
  const digits = n
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

const binarySize = (b: unknown) =>
  typeof b === 'string' ? Buffer.from(b, 'base64').length : ((b as Uint8Array | undefined)?.byteLength ?? 0);

export function attributeValueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.B !== undefined) return binarySize(v.B);
  if (v.M) return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + utf8(k) + attributeValueSize(e) + 1, 0);
  if (v.L) return 3 + v.L.reduce((sum, e) => sum + attributeValueSize(e) + 1, 0);
  if (v.SS) return v.SS.reduce((sum, e) => sum + utf8(e), 0);
  if (v.NS) return v.NS.reduce((sum, e) => sum + numberSize(e), 0);
  if (v.BS) return v.BS.reduce((sum: number, e) => sum + binarySize(e), 0);
  return 0;
}

/** An item's size in bytes, as DynamoDB counts it for capacity and the 400 KB limit. */
export function itemSize(image: Record<string, AttributeValue> | undefined): number {
  if (!image) return 0;
  return Object.entries(image).reduce((sum, [name, v]) => sum + utf8(name) + attributeValueSize(v), 0);
}

/** The write units AWS bills for one item's write: per started KB of the larger image, doubled in a transaction. */
export function billedWriteUnits(
  oldImage: Record<string, AttributeValue> | undefined,
  newImage: Record<string, AttributeValue> | undefined,
  transactional: boolean,
): number {
  const units = kb(Math.max(itemSize(oldImage), itemSize(newImage)));
  return transactional ? 2 * units : units;
}

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** The write units a write costs in the global indexes (projecting ALL) it touches. */
export function indexWriteUnits(
  oldImage: Record<string, AttributeValue> | undefined,
  newImage: Record<string, AttributeValue> | undefined,
  indexes: readonly { partitionKey: string; sortKey: string }[],
): number {
  let units = 0;
  const keyIn = (image: Record<string, AttributeValue> | undefined, g: { partitionKey: string; sortKey: string }) => {
    const pk = image?.[g.partitionKey]?.S;
    const sk = image?.[g.sortKey]?.S;
    return pk !== undefined && sk !== undefined ? `${pk}|${sk}` : undefined;
  };
  for (const g of indexes) {
    const before = keyIn(oldImage, g);
    const after = keyIn(newImage, g);
    if (before && after && before === after) units += kb(Math.max(itemSize(oldImage), itemSize(newImage)));
    else {
      if (before) units += kb(itemSize(oldImage));
      if (after) units += kb(itemSize(newImage));
    }
  }
  return units;
}
