import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { DomainError, notFound } from '../kernel/errors.ts';
import { newId } from '../kernel/ids.ts';
import { parseInput } from '../kernel/validation.ts';
import { emailSchema, type LoginIdentifier, phoneSchema } from './identifiers.ts';
import { hashPassword, passwordSchema } from './password.ts';
import type { Role } from './roles.ts';

/**
 * A person with an account. Keys (docs/data-model.md, "User"):
 *   user   pk = USER#<userId>                 sk = USER
 *   login  pk = LOGIN#email#<email> | LOGIN#phone#<+62…>   sk = LOGIN   → userId
 * The login items make email and phone unique: they are created in the same
 * transaction as the user, on condition that they do not exist yet.
 */
export type User = {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  roles: Role[];
  createdAt: string;
};

export const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' });
export const loginKey = (id: LoginIdentifier) => ({ pk: `LOGIN#${id.kind}#${id.value}`, sk: 'LOGIN' });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const registrationSchema = z
  .object({
    name: z.string().trim().min(2, 'Nama minimal 2 huruf.').max(100, 'Nama maksimal 100 huruf.'),
    email: optional(emailSchema),
    phone: optional(phoneSchema),
    password: passwordSchema,
  })
  .refine((r) => r.email || r.phone, { message: 'Isi email atau nomor HP.', path: ['email'] });

export type Registration = z.input<typeof registrationSchema>;

/** Creates a resident account. Email and phone are unique (409 account.email_taken / account.phone_taken). */
export async function registerUser(db: Db, input: unknown): Promise<User> {
  const r = parseInput(registrationSchema, input);
  const user: User = {
    id: newId(),
    name: r.name,
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    roles: ['resident'],
    createdAt: new Date().toISOString(),
  };
  const logins: LoginIdentifier[] = [];
  if (r.email) logins.push({ kind: 'email', value: r.email });
  if (r.phone) logins.push({ kind: 'phone', value: r.phone });
  const passwordHash = await hashPassword(r.password);
  try {
    await sendWithConflictRetry(() =>
      db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.tableName,
                Item: { ...userKey(user.id), type: 'User', ...user, roles: new Set(user.roles), passwordHash },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...logins.map((login) => ({
              Put: {
                TableName: db.tableName,
                Item: { ...loginKey(login), type: 'Login', userId: user.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          ],
        }),
      ),
    );
  } catch (e) {
    if (e instanceof TransactionCanceledException) {
      const reasons = e.CancellationReasons ?? [];
      // Reasons line up with TransactItems: [user, ...logins].
      const taken = logins.filter((_, i) => reasons[i + 1]?.Code === 'ConditionalCheckFailed');
      if (taken.some((l) => l.kind === 'email')) {
        throw new DomainError(
          'conflict',
          'account.email_taken',
          'Email ini sudah terdaftar. Silakan masuk, atau pakai email lain.',
          {
            fields: [{ path: 'email', message: 'Email ini sudah terdaftar.' }],
          },
        );
      }
      if (taken.some((l) => l.kind === 'phone')) {
        throw new DomainError(
          'conflict',
          'account.phone_taken',
          'Nomor HP ini sudah terdaftar. Silakan masuk, atau pakai nomor lain.',
          {
            fields: [{ path: 'phone', message: 'Nomor HP ini sudah terdaftar.' }],
          },
        );
      }
    }
    throw e;
  }
  return user;
}

/**
 * Real DynamoDB cancels concurrent transactions on the same item with
 * TransactionConflict (DynamoDB Local serialises them instead); retried, the
 * loser then fails its condition and gets the proper 409.
 */
async function sendWithConflictRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const conflicted =
        e instanceof TransactionCanceledException &&
        (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
      if (!conflicted || attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}

type UserItem = User & { passwordHash: string; roles: Set<Role> | Role[] };

export function toUser(item: Record<string, unknown>): User {
  const u = item as unknown as UserItem;
  return {
    id: u.id,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.phone ? { phone: u.phone } : {}),
    roles: [...u.roles].sort() as Role[],
    createdAt: u.createdAt,
  };
}

export async function getUser(db: Db, userId: string): Promise<User> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: userKey(userId) }));
  if (!out.Item) throw notFound('user.not_found', 'Akun tidak ditemukan.');
  return toUser(out.Item);
}

/** Adds a role to a person (idempotent). Used when they create a company, and by `npm run officer`. */
export async function grantRole(db: Db, userId: string, role: Role): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: userKey(userId),
        UpdateExpression: 'ADD #roles :role',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':role': new Set([role]) },
      }),
    );
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException')
      throw notFound('user.not_found', 'Akun tidak ditemukan.');
    throw e;
  }
}

/** The user behind an email or phone, for sign-in (with the password hash). */
export async function findLogin(db: Db, id: LoginIdentifier): Promise<string | undefined> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: loginKey(id) }));
  return out.Item?.userId as string | undefined;
}
