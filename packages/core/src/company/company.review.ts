import { $remove, UpdateItemCommand } from 'dynamodb-toolbox';
import { Account } from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { conflict, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { companyEntities, MATERIAL_FIELDS, queuePartition } from './company.entity.ts';
import { companyIdSchema, rejectSchema } from './company.schema.ts';
import { get, type Info, withCapabilities } from './company.use-cases.ts';

/**
 * Verification that means something: an officer checks a company's papers
 * (name, NIB, address). A verified company that changes any of those keeps
 * its verified values on show, with the change pending, until an officer
 * approves it (`verify`) or turns it down (`reject`, with a reason its
 * members see). A new registration is verified or rejected the same way.
 */
/** The validated profile split into what goes live now and what waits for an officer. */
export function splitForReview<T extends Record<string, unknown>>(before: Info, next: T) {
  if (before.status !== 'verified') return { live: next, pending: undefined };
  const live: Record<string, unknown> = { ...next };
  const pending: Record<string, string> = {};
  for (const field of MATERIAL_FIELDS) {
    const wanted = next[field] as string | undefined;
    if ((wanted ?? '') !== (before[field] ?? '')) pending[field] = wanted ?? '';
    // The verified value stays live until approved.
    if (before[field] === undefined) delete live[field];
    else live[field] = before[field];
  }
  return { live: live as T, pending: Object.keys(pending).length ? pending : undefined };
}

/** One conditional write on the version read (legacy items without one: on its absence); bumps it. */
export async function writeCompany(db: Db, before: Info, change: Record<string, unknown>): Promise<void> {
  try {
    await companyEntities(db)
      .Company.build(UpdateItemCommand)
      .item({ ...change, id: before.id, version: (before.version ?? 0) + 1 } as never)
      .options({
        condition:
          before.version === undefined ? { attr: 'version', exists: false } : { attr: 'version', eq: before.version },
      })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('company.changed');
    throw e;
  }
}

async function decide(ctx: Parameters<typeof withCapabilities>[0], id: string, action: 'verify' | 'reject') {
  Account.requireSignedIn(ctx.actor);
  const { company, can } = await withCapabilities(ctx, id);
  if (!Account.isOfficer(ctx.actor)) throw forbidden('company.verify_forbidden');
  if (!can[action]) throw conflict('company.already_verified');
  return company;
}

/** Officers approve a new registration, or a verified company's pending changes. */
export const verify = fn(companyIdSchema, async ({ id }, ctx): Promise<Info> => {
  const before = await decide(ctx, id, 'verify');
  const now = new Date().toISOString();
  const approved: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(before.pending ?? {})) approved[field] = value === '' ? $remove() : value;
  await writeCompany(ctx.db, before, {
    ...approved,
    status: 'verified',
    pending: $remove(),
    reviewNote: $remove(),
    verifiedAt: now,
    verifiedBy: ctx.actor?.userId,
    updatedAt: now,
    gsi1pk: queuePartition('verified'),
  });
  return get(ctx.db, id);
});

/** Officers turn down a registration (it is marked rejected) or pending changes (they are dropped), saying why. */
export const reject = fn(rejectSchema, async ({ id, reason }, ctx): Promise<Info> => {
  const before = await decide(ctx, id, 'reject');
  const now = new Date().toISOString();
  const registration = before.status === 'unverified';
  await writeCompany(ctx.db, before, {
    pending: $remove(),
    reviewNote: reason,
    updatedAt: now,
    ...(registration
      ? { status: 'rejected', gsi1pk: queuePartition('rejected') }
      : { gsi1pk: queuePartition('verified') }),
  });
  return get(ctx.db, id);
});
