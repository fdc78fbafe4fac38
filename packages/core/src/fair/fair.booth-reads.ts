import { QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Company from '../company/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Vacancy from '../vacancy/index.ts';
import { type Booth, getBooth } from './fair.booths.ts';
import { fairEntities } from './fair.entity.ts';
import { boothCapabilities, canManageFairs } from './fair.policy.ts';
import { boothKeySchema, listSchema } from './fair.schema.ts';

/* The booth reads pages show: a fair's booths, a company's, one booth's page (fair.booths.ts changes them). */

/** A fair's booths, one page (the fair page shows the approved ones; officers see all, to decide). */
export const boothsOf = fn(
  z.extend(listSchema, { fairId: z.string() }),
  async ({ fairId, cursor, limit }, ctx): Promise<Page<Booth>> => {
    const officer = canManageFairs(ctx.actor);
    const partition = `FAIR#${fairId}`;
    const out = await ctx.db.table
      .build(QueryCommand)
      .entities(fairEntities(ctx.db).Booth)
      .query({ partition, range: { beginsWith: 'BOOTH#' } })
      .options({
        limit,
        ...(officer ? {} : { filters: { Booth: { attr: 'status', eq: 'approved' } } }),
        ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition) } : {}),
      })
      .send();
    const next = encodeCursor(out.LastEvaluatedKey);
    return { items: (out.Items ?? []) as Booth[], ...(next ? { cursor: next } : {}) };
  },
);

/** A company's booths at every fair (its members). */
export const boothsOfCompany = fn(z.pick(boothKeySchema, { companyId: true }), async ({ companyId }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!(await Company.isMember(ctx.db, me, companyId)) && !canManageFairs(me)) throw forbidden('company.not_member');
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(fairEntities(ctx.db).Booth)
    .query({ index: 'gsi1', partition: `BOOTHS#${companyId}` })
    .options({ reverse: true, limit: 20 })
    .send();
  return Items as Booth[];
});

export type BoothView = {
  booth: Booth;
  company: Company.Info;
  vacancies: Vacancy.Info[];
  can: ReturnType<typeof boothCapabilities>;
};

/** The booth page: the booth, its company and the vacancies it brings (one BatchGet). */
export const viewBooth = fn(boothKeySchema, async ({ fairId, companyId }, ctx): Promise<BoothView> => {
  const [booth, company, member] = await Promise.all([
    getBooth(ctx.db, fairId, companyId),
    Company.get(ctx.db, companyId),
    Company.isMember(ctx.db, ctx.actor, companyId),
  ]);
  if (!booth) throw notFound('fair.booth.not_found');
  const can = boothCapabilities(booth, { actor: ctx.actor, member });
  if (!can.view) throw notFound('fair.booth.not_found');
  // Open vacancies have every detail (isComplete tells the types so).
  const open = (await Vacancy.getMany(ctx.db, booth.vacancyIds ?? [])).filter(
    (v): v is Vacancy.Info =>
      Vacancy.effectiveStatus(v, nowOf(ctx)) === 'open' && !Vacancy.Moderation.isHidden(v) && Vacancy.isComplete(v),
  );
  return { booth, company, vacancies: open, can };
});
