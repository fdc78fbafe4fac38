import type { Ctx } from '@bursa/core/kernel';

/**
 * One change to one item, as a projection sees it: the stream record with its
 * images unmarshalled (attribute names as stored: `type` is the entity name).
 */
export type Change = {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sequenceNumber: string;
  oldImage: Record<string, unknown> | undefined;
  newImage: Record<string, unknown> | undefined;
};

/**
 * A stream projection: which changes it wants (by entity type, cheap to test)
 * and what it does with one. Handlers are idempotent: a replayed or
 * duplicated record must change nothing (delivery is at least once, and the
 * records of one transaction may arrive in separate batches).
 */
export type Projection = {
  name: string;
  /** Entity types (`type` on the item) whose changes this projection handles. */
  entities: readonly string[];
  apply(ctx: Ctx, change: Change): Promise<void>;
};

/** The entity a change is about. */
export const entityOf = (change: Change) => String((change.newImage ?? change.oldImage)?.type ?? '');
