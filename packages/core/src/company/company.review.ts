import { $remove, $set, executeTransactWrite, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import * as Audit from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
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

/**
 * One conditional write on the version read (legacy items without one: on its
 * absence); bumps it. With `also` (an officer's audit entry), one transaction:
 * the change and its record land together or not at all.
 */
export async function writeCompany(
  db: Db,
  before: Info,
  change: Record<string, unknown>,
  ...also: TransactWriteItem[]
): Promise<void> {
  const { Company } = companyEntities(db);
  const item = { ...change, id: before.id, version: (before.version ?? 0) + 1 } as never;
  const condition =
    before.version === undefined
      ? ({ attr: 'version', exists: false } as const)
      : ({ attr: 'version', eq: before.version } as const);
  try {
    if (also.length)
      // Retried on TransactionConflict (real DynamoDB, concurrent decisions): the loser then gets the 409.
      await withConflictRetry(() =>
        executeTransactWrite(Company.build(UpdateTransaction).item(item).options({ condition }), ...also),
      );
    else await Company.build(UpdateItemCommand).item(item).options({ condition }).send();
  } catch (e) {
    if (isConditionFailure(e, also.length ? 0 : undefined)) throw conflict('company.changed');
    throw e;
  }
}

type TransactWriteItem = ReturnType<typeof Audit.record>;
type Decision = 'verify' | 'reject' | 'revoke';

async function decide(ctx: Ctx, id: string, action: Decision) {
  Account.requireSignedIn(ctx.actor);
  const { company, can } = await withCapabilities(ctx, id);
  if (!Account.isOfficer(ctx.actor)) throw forbidden('company.verify_forbidden');
  if (!can[action]) throw conflict(action === 'revoke' ? 'company.not_verified' : 'company.already_verified');
  return company;
}

/** Who decided, when and why, kept on the company (officers see it) and written to the audit log with the change. */
function decided(ctx: Ctx, company: Info, action: Decision, reason?: string) {
  const me = Account.requireSignedIn(ctx.actor);
  const at = new Date(nowOf(ctx)).toISOString();
  return {
    at,
    decision: $set({ action, byUserId: me.userId, byName: me.name, at, ...(reason ? { reason } : {}) }),
    audit: Audit.record(ctx, {
      action: `company.${action}`,
      targetType: 'company',
      targetId: company.id,
      targetName: company.name,
      ...(reason ? { reason } : {}),
    }),
  };
}

/** Officers approve a new registration, or a verified company's pending changes. */
export const verify = fn(companyIdSchema, async ({ id }, ctx): Promise<Info> => {
  const before = await decide(ctx, id, 'verify');
  const { at, decision, audit } = decided(ctx, before, 'verify');
  const approved: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(before.pending ?? {})) approved[field] = value === '' ? $remove() : value;
  await writeCompany(
    ctx.db,
    before,
    {
      ...approved,
      status: 'verified',
      pending: $remove(),
      reviewNote: $remove(),
      // The officer has looked at the name: the lookalike flag has done its work.
      lookalike: $remove(),
      decision,
      verifiedAt: at,
      verifiedBy: ctx.actor?.userId,
      updatedAt: at,
      gsi1pk: queuePartition('verified'),
    },
    audit,
  );
  return get(ctx.db, id);
});

/** Officers turn down a registration (it is marked rejected) or pending changes (they are dropped), saying why. */
export const reject = fn(rejectSchema, async ({ id, reason }, ctx): Promise<Info> => {
  const before = await decide(ctx, id, 'reject');
  const { at, decision, audit } = decided(ctx, before, 'reject', reason);
  const registration = before.status === 'unverified';
  await writeCompany(
    ctx.db,
    before,
    {
      pending: $remove(),
      reviewNote: reason,
      decision,
      updatedAt: at,
      ...(registration
        ? { status: 'rejected', gsi1pk: queuePartition('rejected') }
        : { gsi1pk: queuePartition('verified') }),
    },
    audit,
  );
  return get(ctx.db, id);
});

/**
 * Officers take a verified company's verification back (papers found false, a
 * scam reported), saying why: it is unverified again, back in the queue of
 * registrations, any pending change dropped; its members see the reason (and
 * are notified by the stream). Its new vacancies are held again (vacancy.review.ts).
 */
export const revoke = fn(rejectSchema, async ({ id, reason }, ctx): Promise<Info> => {
  const before = await decide(ctx, id, 'revoke');
  const { at, decision, audit } = decided(ctx, before, 'revoke', reason);
  await writeCompany(
    ctx.db,
    before,
    {
      status: 'unverified',
      pending: $remove(),
      reviewNote: reason,
      verifiedAt: $remove(),
      verifiedBy: $remove(),
      decision,
      updatedAt: at,
      gsi1pk: queuePartition('unverified'),
    },
    audit,
  );
  return get(ctx.db, id);
});
