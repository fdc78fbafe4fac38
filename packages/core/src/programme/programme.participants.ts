import {
  $add,
  BatchGetCommand,
  BatchGetRequest,
  DeleteTransaction,
  executeBatchGet,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import { isConditionFailure } from '../db/conditions.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as Shop from '../shop/index.ts';
import { parseParticipants, type Row } from './programme.csv.ts';
import { type Cohort, type Participant, phoneIndexKey, programmeEntities, userIndexKey } from './programme.entity.ts';
import { graduationOf } from './programme.graduates.ts';
import { addSchema, importSchema, participantRef } from './programme.schema.ts';
import { getCohort, requireOfficer } from './programme.use-cases.ts';

/** An audit target for a participant: the cohort and the person's number (the log is officers only). */
const targetOf = (p: { cohortId: string; phone: string; name: string }) => ({
  targetType: 'participant' as const,
  targetId: `${p.cohortId}.${p.phone}`,
  targetName: p.name,
});

function participantOf(ctx: Ctx, cohort: Cohort, row: Omit<Row, 'line'>, userId: string | undefined): Participant {
  return {
    cohortId: cohort.id,
    phone: row.phone,
    programmeId: cohort.programmeId,
    programmeKind: cohort.programmeKind,
    programmeName: cohort.programmeName,
    cohortName: cohort.name,
    cohortEndDate: cohort.endDate,
    name: row.name,
    ...(userId ? { userId } : {}),
    addedAt: new Date(nowOf(ctx)).toISOString(),
    addedBy: Account.requireSignedIn(ctx.actor).userId,
  };
}

/**
 * Adds people to a cohort, all or none per transaction: each participant (on
 * condition that the number is not in the cohort yet), its audit entry, and
 * the cohort's count (on condition that it stays within capacity). The
 * account with the number is linked now; one registered later is linked by
 * the programme-link projection (its phone Login item).
 */
async function addAll(ctx: Ctx, cohort: Cohort, rows: Omit<Row, 'line'>[]): Promise<void> {
  const { Participant: P, Cohort: C } = programmeEntities(ctx.db);
  const users = await Promise.all(rows.map((r) => Account.findUserId(ctx.db, { kind: 'phone', value: r.phone })));
  const CHUNK = 30; // 2 items per participant + the cohort: within a transaction's 100
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const people = chunk.map((r, j) => participantOf(ctx, cohort, r, users[i + j]));
    try {
      await executeTransactWrite(
        C.build(UpdateTransaction)
          .item({ id: cohort.id, participants: $add(people.length), version: $add(1) })
          .options({
            condition: {
              and: [
                { attr: 'id', exists: true },
                { attr: 'participants', lte: cohort.capacity - people.length },
              ],
            },
          }),
        ...people.flatMap((p) => [
          P.build(PutTransaction)
            .item({ ...p, ...(p.userId ? userIndexKey(p.userId, p.cohortId) : phoneIndexKey(p.phone, p.cohortId)) })
            .options({ condition: { attr: 'phone', exists: false } }),
          Audit.record(ctx, { action: 'participant.add', ...targetOf(p) }),
        ]),
      );
    } catch (e) {
      if (isConditionFailure(e, 0)) throw full(await getCohort(ctx.db, cohort.id), people.length);
      if (isConditionFailure(e))
        throw conflict('programme.participant.exists', [{ path: 'phone', code: 'programme.participant.exists' }]);
      throw e;
    }
  }
}

const full = (c: Cohort, wanted: number) =>
  new DomainError('conflict', 'programme.cohort.full', {
    params: { capacity: c.capacity, left: Math.max(0, c.capacity - c.participants) },
    details: { wanted },
  });

/** An officer adds one person by phone number. */
export const addParticipant = fn(addSchema, async (input, ctx): Promise<Participant> => {
  requireOfficer(ctx.actor);
  const { phone } = input;
  const cohort = await getCohort(ctx.db, input.cohortId);
  if (cohort.participants >= cohort.capacity) throw full(cohort, 1);
  await addAll(ctx, cohort, [{ name: input.name, phone }]);
  return getParticipant(ctx, { cohortId: cohort.id, phone });
});

/**
 * An officer uploads a CSV (name, phone; a header row). Every bad row is
 * reported at once and nothing is added; numbers already in the cohort are
 * skipped, so the same file twice adds nobody twice; more new people than
 * places left adds nobody.
 */
export const importParticipants = fn(importSchema, async ({ cohortId, csv }, ctx) => {
  requireOfficer(ctx.actor);
  const { rows, issues } = parseParticipants(csv);
  if (issues.length) throw new ValidationError(issues);
  const cohort = await getCohort(ctx.db, cohortId);
  const { Participant: P } = programmeEntities(ctx.db);
  const present = new Set<string>();
  for (let i = 0; i < rows.length; i += 100) {
    const out = await executeBatchGet(
      { maxAttempts: 6 },
      ctx.db.table
        .build(BatchGetCommand)
        .requests(...rows.slice(i, i + 100).map((r) => P.build(BatchGetRequest).key({ cohortId, phone: r.phone }))),
    );
    for (const p of (out.Responses?.[0] ?? []) as (Participant | undefined)[]) if (p) present.add(p.phone);
  }
  const fresh = rows.filter((r) => !present.has(r.phone));
  if (fresh.length > cohort.capacity - cohort.participants) throw full(cohort, fresh.length);
  if (fresh.length) await addAll(ctx, cohort, fresh);
  return { added: fresh.length, skipped: rows.length - fresh.length };
});

export async function getParticipant(ctx: Ctx, ref: { cohortId: string; phone: string }): Promise<Participant> {
  const { Item } = await programmeEntities(ctx.db).Participant.build(GetItemCommand).key(ref).send();
  if (!Item) throw notFound('programme.participant.not_found');
  return Item as Participant;
}

/**
 * An officer marks a participant as having completed. With a linked account,
 * every shop they own gets the verified programme-graduate badge in the same
 * transaction (decidedBy: this officer), each with its own audit entry; a shop
 * they open later gets it from the programme-link projection.
 */
export const completeParticipant = fn(participantRef, async (ref, ctx): Promise<Participant> => {
  const me = requireOfficer(ctx.actor);
  const participant = await getParticipant(ctx, ref);
  if (participant.completedAt) throw conflict('programme.participant.completed');
  const at = new Date(nowOf(ctx)).toISOString();
  const done: Participant = { ...participant, completedAt: at, completedBy: me.userId, completedByName: me.name };
  const graduation = graduationOf(done);
  const shops = participant.userId && graduation ? await Shop.shopsOwnedBy(ctx.db, participant.userId) : [];
  const { Participant: P, Cohort: C } = programmeEntities(ctx.db);
  try {
    await executeTransactWrite(
      P.build(UpdateTransaction)
        .item({
          cohortId: ref.cohortId,
          phone: participant.phone,
          completedAt: at,
          completedBy: me.userId,
          completedByName: me.name,
        })
        .options({
          condition: {
            and: [
              { attr: 'phone', exists: true },
              { attr: 'completedAt', exists: false },
            ],
          },
        }),
      C.build(UpdateTransaction).item({ id: ref.cohortId, completed: $add(1), version: $add(1) }),
      Audit.record(ctx, { action: 'participant.complete', ...targetOf(participant) }),
      ...shops
        .filter((s) => s.badge?.status !== 'verified')
        .flatMap((s) =>
          graduation
            ? [
                Shop.grantBadgeTransaction(ctx.db, s.id, {
                  programme: graduation.programme,
                  cohort: graduation.cohort,
                  year: graduation.year,
                  status: 'verified',
                  requestedAt: at,
                  decidedBy: me.userId,
                  decidedAt: at,
                }),
                Audit.record(ctx, {
                  action: 'badge.grant',
                  targetType: 'shop',
                  targetId: s.id,
                  targetName: s.name,
                  reason: graduation.cohort,
                }),
              ]
            : [],
        ),
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('programme.participant.completed');
    throw e;
  }
  return done;
});

/** An officer removes a participant (a badge already granted stays: revoking one is the badge queue's business). */
export const removeParticipant = fn(participantRef, async (ref, ctx): Promise<void> => {
  requireOfficer(ctx.actor);
  const participant = await getParticipant(ctx, ref);
  const { Participant: P, Cohort: C } = programmeEntities(ctx.db);
  try {
    await executeTransactWrite(
      P.build(DeleteTransaction)
        .key({ cohortId: ref.cohortId, phone: participant.phone })
        .options({ condition: { attr: 'addedAt', eq: participant.addedAt } }),
      C.build(UpdateTransaction).item({
        id: ref.cohortId,
        participants: $add(-1),
        ...(participant.completedAt ? { completed: $add(-1) } : {}),
        version: $add(1),
      }),
      Audit.record(ctx, { action: 'participant.remove', ...targetOf(participant) }),
    );
  } catch (e) {
    if (isConditionFailure(e, 0)) throw conflict('programme.changed');
    throw e;
  }
});
