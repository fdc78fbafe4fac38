import { GetItemCommand } from 'dynamodb-toolbox';
import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { notFound } from '../kernel/errors.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import { vacancyEntities } from './vacancy.entity.ts';
import { isHidden } from './vacancy.moderation.ts';
import { capabilities } from './vacancy.policy.ts';
import type { Stored } from './vacancy.use-cases.ts';

/** The vacancy, or 404 vacancy.not_found (also for malformed ids). */
export async function get(db: Db, id: string): Promise<Stored> {
  if (!ID_PATTERN.test(id)) throw notFound('vacancy.not_found');
  const { Item } = await vacancyEntities(db).Vacancy.build(GetItemCommand).key({ id }).send();
  if (!Item) throw notFound('vacancy.not_found');
  return Item as Stored;
}

/**
 * The vacancy with its company and what the asker may do. The company and the
 * membership are read in parallel after the vacancy: two round trips of latency.
 * A draft is a 404 for whoever may not see it, as if it did not exist.
 */
export async function withCapabilities(ctx: Ctx, id: string) {
  const vacancy = await get(ctx.db, id);
  const { company, can: companyCan } = await Company.withCapabilities(ctx, vacancy.companyId);
  // Company.capabilities' `edit` is exactly "is a member".
  const member = companyCan.edit;
  const can = capabilities(vacancy, { actor: ctx.actor, member }, nowOf(ctx));
  if (!can.view) throw notFound('vacancy.not_found');
  // Hidden by an officer (or with its company): gone for all but the company's members and officers.
  if (isHidden(vacancy) && !can.seeInternal) throw notFound('moderation.unavailable');
  return { vacancy, company, can, member };
}
