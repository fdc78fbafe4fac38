import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { DomainError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validation.ts';
import { parseIdentifier } from './identifiers.ts';
import { verifyPassword } from './password.ts';
import { assertUnderLimits, clearLimit, type Limit, recordFailure } from './rate-limit.ts';
import { createSession } from './session.ts';
import { findLogin, toUser, type User, userKey } from './user.ts';

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, 'Isi email atau nomor HP.').max(254, 'Email atau nomor HP terlalu panjang.'),
  password: z.string().min(1, 'Isi kata sandi.').max(128, 'Kata sandi maksimal 128 karakter.'),
});

/** 5 failures per account and 20 per client address in 15 minutes. */
export const SIGN_IN_LIMITS = { perAccount: 5, perClient: 20, windowSeconds: 15 * 60 };

// Verifying against a fixed hash when the account does not exist keeps both answers equally slow.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const invalid = () =>
  new DomainError('unauthenticated', 'auth.invalid_credentials', 'Email/nomor HP atau kata sandi salah.');

export async function signIn(db: Db, input: unknown, clientAddress: string) {
  const { identifier, password } = parseInput(signInSchema, input);
  const id = parseIdentifier(identifier);
  const limits: Limit[] = [
    {
      scope: 'signin-client',
      subject: clientAddress || 'unknown',
      max: SIGN_IN_LIMITS.perClient,
      windowSeconds: SIGN_IN_LIMITS.windowSeconds,
    },
  ];
  if (id)
    limits.push({
      scope: 'signin-account',
      subject: `${id.kind}:${id.value}`,
      max: SIGN_IN_LIMITS.perAccount,
      windowSeconds: SIGN_IN_LIMITS.windowSeconds,
    });
  await assertUnderLimits(db, limits);

  const userId = id ? await findLogin(db, id) : undefined;
  const item = userId
    ? (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: userKey(userId) }))).Item
    : undefined;
  const ok = await verifyPassword(password, (item?.passwordHash as string | undefined) ?? DUMMY_HASH);
  if (!item || !ok) {
    await recordFailure(db, limits);
    throw invalid();
  }
  const accountLimit = limits[1];
  if (accountLimit) await clearLimit(db, accountLimit);
  const user: User = toUser(item);
  const session = await createSession(db, user.id);
  return { user, ...session };
}
