import type { Page } from '../db/cursor.ts';
import { fn } from '../kernel/fn.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Shop from '../shop/index.ts';
import { cohortListsOf } from './programme.graduates.ts';

export type QueueCard = Shop.Info & {
  /** Where the owner appears in the office's cohort lists (empty: in none). */
  cohorts: { programmeName: string; cohortName: string; completed: boolean }[];
};

/**
 * The officers' badge queue with each owner's cohort lists beside it: the
 * queue's page of 20, then one Query per owner (≤ 20). A completed participant's
 * request never waits here (it is verified at once), so a card shows whether
 * the person is on a list at all, and which.
 */
export const badgeQueue = fn(
  z.object({ cursor: optionalField(z.string().check(z.maxLength(600))) }),
  async (input, ctx): Promise<Page<QueueCard>> => {
    const page = await Shop.badgeQueue(ctx, input);
    const lists = await cohortListsOf(
      ctx.db,
      page.items.map((s) => s.ownerId),
    );
    return { ...page, items: page.items.map((s) => ({ ...s, cohorts: lists.get(s.ownerId) ?? [] })) };
  },
);
