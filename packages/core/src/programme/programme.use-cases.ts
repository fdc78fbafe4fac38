import {
  $add,
  $remove,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { check, checkedInside, optionalField, validField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { type Cohort, type Programme, programmeEntities } from './programme.entity.ts';
import { canManageProgrammes } from './programme.policy.ts';
import { cohortSchema, cohortUpdateSchema, pageSchema, programmeSchema } from './programme.schema.ts';

const PAGE = 20;

function requireOfficer(actor: Parameters<typeof canManageProgrammes>[0]) {
  const me = Account.requireSignedIn(actor);
  if (!canManageProgrammes(me)) throw forbidden('programme.officer_only');
  return me;
}

export { requireOfficer };

export async function getProgramme(db: Db, id: string): Promise<Programme> {
  if (!ID_PATTERN.test(id)) throw notFound('programme.not_found');
  const { Item } = await programmeEntities(db).Programme.build(GetItemCommand).key({ id }).send();
  if (!Item) throw notFound('programme.not_found');
  return Item as Programme;
}

export async function getCohort(db: Db, id: string): Promise<Cohort> {
  if (!ID_PATTERN.test(id)) throw notFound('programme.cohort.not_found');
  const { Item } = await programmeEntities(db).Cohort.build(GetItemCommand).key({ id }).send();
  if (!Item) throw notFound('programme.cohort.not_found');
  return Item as Cohort;
}

/** An officer creates a programme (audited in the same transaction). */
export const createProgramme = fn(programmeSchema, async (input, ctx): Promise<Programme> => {
  const me = requireOfficer(ctx.actor);
  const now = nowOf(ctx);
  const programme: Programme = {
    id: newId(now),
    kind: input.kind,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    createdBy: me.userId,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await executeTransactWrite(
    programmeEntities(ctx.db)
      .Programme.build(PutTransaction)
      .item(programme)
      .options({ condition: { attr: 'id', exists: false } }),
    Audit.record(ctx, {
      action: 'programme.create',
      targetType: 'programme',
      targetId: programme.id,
      targetName: programme.name,
    }),
  );
  return programme;
});

/** The office's programmes, newest first, a page of 20. */
export const listProgrammes = fn(pageSchema, async ({ cursor }, ctx): Promise<Page<Programme>> => {
  requireOfficer(ctx.actor);
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(programmeEntities(ctx.db).Programme)
    .query({ index: 'gsi1', partition: 'PROGRAMMES' })
    .options({
      reverse: true,
      limit: PAGE,
      ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === 'PROGRAMMES') } : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []) as Programme[], ...(next ? { cursor: next } : {}) };
});

/** A programme and one page of its cohorts, the latest start first. */
export const programmeView = fn(
  z.object({ id: z.string().check(z.maxLength(40)), cursor: optionalField(z.string().check(z.maxLength(600))) }),
  async ({ id, cursor }, ctx): Promise<{ programme: Programme; cohorts: Page<Cohort> }> => {
    requireOfficer(ctx.actor);
    const partition = `PROGRAMME#${id}#COHORTS`;
    const [programme, out] = await Promise.all([
      getProgramme(ctx.db, id),
      ctx.db.table
        .build(QueryCommand)
        .entities(programmeEntities(ctx.db).Cohort)
        .query({ index: 'gsi1', partition })
        .options({
          reverse: true,
          limit: PAGE,
          ...(cursor ? { exclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === partition) } : {}),
        })
        .send(),
    ]);
    const next = encodeCursor(out.LastEvaluatedKey);
    return { programme, cohorts: { items: (out.Items ?? []) as Cohort[], ...(next ? { cursor: next } : {}) } };
  },
);

/** An officer adds a cohort to a programme (audited in the same transaction). */
export const createCohort = fn(cohortSchema, async (input, ctx): Promise<Cohort> => {
  requireOfficer(ctx.actor);
  const programme = await getProgramme(ctx.db, input.programmeId);
  const now = nowOf(ctx);
  const cohort: Cohort = {
    id: newId(now),
    programmeId: programme.id,
    programmeKind: programme.kind,
    programmeName: programme.name,
    name: input.name,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    ...(input.track ? { track: input.track } : {}),
    ...(input.villageCode ? { villageCode: input.villageCode } : {}),
    ...(input.institution ? { institution: input.institution } : {}),
    ...(input.instructor ? { instructor: input.instructor } : {}),
    participants: 0,
    completed: 0,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  await executeTransactWrite(
    programmeEntities(ctx.db)
      .Cohort.build(PutTransaction)
      .item(cohort)
      .options({ condition: { attr: 'id', exists: false } }),
    Audit.record(ctx, { action: 'cohort.create', targetType: 'cohort', targetId: cohort.id, targetName: cohort.name }),
  );
  return cohort;
});

/**
 * An officer changes a cohort's track, dates, place, instructor or capacity
 * (never below its participants), on condition that nobody changed it
 * meanwhile; audited in the same transaction.
 */
export const updateCohort = fn(checkedInside(cohortUpdateSchema), async (raw, ctx): Promise<Cohort> => {
  requireOfficer(ctx.actor);
  const cohort = await getCohort(ctx.db, String(raw.cohortId ?? ''));
  // The fields and the capacity against who is already in, checked together: every problem in one answer.
  const { data: input, issues } = check(cohortUpdateSchema, raw);
  const capacity = validField(cohortUpdateSchema, raw, 'capacity');
  if (capacity !== undefined && capacity < cohort.participants)
    issues.push({ path: 'capacity', code: 'programme.cohort.capacity_below', params: { n: cohort.participants } });
  if (issues.length || !input) throw new ValidationError(issues);
  const next: Cohort = {
    ...cohort,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    track: input.track,
    villageCode: input.villageCode,
    institution: input.institution,
    instructor: input.instructor,
    version: cohort.version + 1,
  };
  try {
    await executeTransactWrite(
      programmeEntities(ctx.db)
        .Cohort.build(UpdateTransaction)
        .item({
          id: cohort.id,
          startDate: input.startDate,
          endDate: input.endDate,
          capacity: input.capacity,
          track: input.track ?? $remove(),
          villageCode: input.villageCode ?? $remove(),
          institution: input.institution ?? $remove(),
          instructor: input.instructor ?? $remove(),
          version: $add(1),
        })
        .options({
          condition: {
            and: [
              { attr: 'version', eq: input.version },
              { attr: 'participants', lte: input.capacity },
            ],
          },
        }),
      Audit.record(ctx, {
        action: 'cohort.update',
        targetType: 'cohort',
        targetId: cohort.id,
        targetName: cohort.name,
      }),
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('programme.changed');
    throw e;
  }
  return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Cohort;
});
