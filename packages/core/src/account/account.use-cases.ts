import {
  $add,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import type { Role } from '../kernel/actor.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { conflict, type FieldIssue, notFound, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import type { Locale } from '../kernel/format.ts';
import { newId } from '../kernel/ids.ts';
import { check, checkedInside, validField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Limit from '../limit/index.ts';
import { accountEntities } from './account.entity.ts';
import type { LoginIdentifier } from './account.identifiers.ts';
import { hashPassword } from './account.password.ts';
import { capabilities, requireSignedIn } from './account.policy.ts';
import { registerSchema } from './account.schema.ts';
import { createSession, endSession, type Session } from './account.session.ts';

/** A person with an account, as the person themself sees it (never the password hash). */
export type User = {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  roles: Role[];
  /** The language they signed up in (emails use it); Indonesian when unknown. */
  locale?: Locale;
  createdAt: string;
};

type UserItem = Omit<User, 'roles'> & { roles: Set<Role>; passwordHash: string };

/** Allow-list: what of a stored user leaves core. */
export function toUser(u: UserItem): User {
  return {
    id: u.id,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.phone ? { phone: u.phone } : {}),
    roles: [...u.roles].sort(),
    ...(u.locale ? { locale: u.locale } : {}),
    createdAt: u.createdAt,
  };
}

/** Issues for an email or phone that already has an account (one GetItem each, in parallel). */
async function takenIssues(db: Db, logins: LoginIdentifier[]): Promise<FieldIssue[]> {
  const owners = await Promise.all(logins.map((login) => findUserId(db, login)));
  return logins
    .filter((_, i) => owners[i])
    .map((l) => ({ path: l.kind, code: l.kind === 'email' ? 'account.email.taken' : 'account.phone.taken' }));
}

const loginsOf = (r: { email?: string | undefined; phone?: string | undefined }): LoginIdentifier[] => [
  ...(r.email ? [{ kind: 'email' as const, value: r.email }] : []),
  ...(r.phone ? [{ kind: 'phone' as const, value: r.phone }] : []),
];

/**
 * Creates a resident account and signs them in. Email and phone are unique:
 * each has a Login item written in the same transaction on condition that it
 * does not exist (409 account.email_taken / account.phone_taken). When other
 * fields are wrong too, a taken email or phone is reported with them (400).
 */
export const register = fn(checkedInside(registerSchema), async (input, ctx) => {
  const { data: r, issues } = check(registerSchema, input);
  if (issues.length || !r) {
    const typed = loginsOf({
      email: validField(registerSchema, input, 'email'),
      phone: validField(registerSchema, input, 'phone'),
    });
    // Asking whether an email is taken costs what a registration costs: no free probing.
    if (typed.length && ctx.client) await Limit.take(ctx.db, Limit.RULES.registerPerClient, ctx.client);
    throw new ValidationError([...issues, ...(await takenIssues(ctx.db, typed))]);
  }
  if (ctx.client) await Limit.take(ctx.db, Limit.RULES.registerPerClient, ctx.client);
  const { User, Login } = accountEntities(ctx.db);
  const user: User = {
    id: newId(),
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    roles: ['resident'],
    locale: r.locale,
    createdAt: new Date().toISOString(),
  };
  const logins = loginsOf(r);
  const passwordHash = await hashPassword(r.password);
  try {
    await withConflictRetry(() =>
      executeTransactWrite(
        User.build(PutTransaction)
          .item({ ...user, roles: new Set(user.roles), passwordHash })
          .options({ condition: { attr: 'id', exists: false } }),
        ...logins.map((login) =>
          Login.build(PutTransaction)
            .item({ ...login, userId: user.id })
            .options({ condition: { attr: 'userId', exists: false } }),
        ),
      ),
    );
  } catch (e) {
    // Reasons line up with the actions: [user, ...logins].
    const taken = logins.filter((_, i) => isConditionFailure(e, i + 1));
    const fields = taken.map((l) => ({
      path: l.kind,
      code: l.kind === 'email' ? 'account.email.taken' : 'account.phone.taken',
    }));
    if (taken.some((l) => l.kind === 'email')) throw conflict('account.email_taken', fields);
    if (taken.length) throw conflict('account.phone_taken', fields);
    throw e;
  }
  return { user, ...(await createSession(ctx.db, user.id)) };
});

/** Ends the session the request came with (idempotent). */
export async function signOut(ctx: Ctx, session: Pick<Session, 'tokenHash'> | undefined): Promise<void> {
  if (session) await endSession(ctx.db, session);
}

/** The signed-in person's own account (with email and phone) and what they may do. */
export const me = fn(z.optional(z.object({})), async (_input, ctx) => {
  const actor = requireSignedIn(ctx.actor);
  const item = await getUserItem(ctx.db, actor.userId);
  if (!item) throw notFound('user.not_found');
  return { user: toUser(item), can: capabilities(actor) };
});

/** A person's account by id (for the officer CLI and the seed), or 404 user.not_found. */
export async function getUser(db: Db, userId: string): Promise<User> {
  const item = await getUserItem(db, userId);
  if (!item) throw notFound('user.not_found');
  return toUser(item);
}

async function getUserItem(db: Db, userId: string): Promise<UserItem | undefined> {
  return (await accountEntities(db).User.build(GetItemCommand).key({ id: userId }).send()).Item;
}

/** The account behind an email or phone, if any. */
export async function findUserId(db: Db, id: LoginIdentifier): Promise<string | undefined> {
  return (await accountEntities(db).Login.build(GetItemCommand).key(id).send()).Item?.userId;
}

/** Adds a role to a person (idempotent). Used by `npm run officer`; companies add `employer` in their own transaction. */
export async function grantRole(db: Db, userId: string, role: Role): Promise<void> {
  try {
    await accountEntities(db)
      .User.build(UpdateItemCommand)
      .item({ id: userId, roles: $add(new Set([role])) })
      .options({ condition: { attr: 'id', exists: true } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw notFound('user.not_found');
    throw e;
  }
}

/** A transaction action that adds a role to a person, for other concepts' transactions (creating a company). */
export function grantRoleInTransaction(db: Db, userId: string, role: Role) {
  return accountEntities(db)
    .User.build(UpdateTransaction)
    .item({ id: userId, roles: $add(new Set([role])) })
    .options({ condition: { attr: 'id', exists: true } });
}
