import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import {
  $add,
  DeleteTransaction,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Limit from '../limit/index.ts';
import * as Mail from '../mail/index.ts';
import { accountEntities } from './account.entity.ts';
import { type LoginIdentifier, parseIdentifier } from './account.identifiers.ts';
import { hashPassword, passwordSchema } from './account.password.ts';
import { isOfficer, requireSignedIn } from './account.policy.ts';

/**
 * "Lupa kata sandi": a 6-digit one-time code, valid 30 minutes, 5 tries,
 * single use, rate limited; a successful reset ends every other session.
 * Email accounts get the code by email; phone-only accounts (no SMS here)
 * get it from a manpower office officer, who checks the person's identity
 * first (`issueCode`). Answers never reveal whether an account exists.
 */
export const RESET = { minutes: 30, tries: 5 } as const;

const identifierField = z
  .string('auth.identifier.required')
  .check(z.trim(), z.minLength(1, 'auth.identifier.required'), z.maxLength(254, 'auth.identifier.too_long'));
const hashCode = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('base64url');
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

async function userFor(db: Db, id: LoginIdentifier | undefined) {
  if (!id) return undefined;
  const { Login, User } = accountEntities(db);
  const login = (await Login.build(GetItemCommand).key(id).send()).Item;
  return login ? (await User.build(GetItemCommand).key({ id: login.userId }).send()).Item : undefined;
}

function codeItem(userId: string, code: string, issuedBy: 'email' | 'officer') {
  return {
    userId,
    codeHash: hashCode(userId, code),
    attempts: 0,
    issuedBy,
    expiresAt: Math.floor(Date.now() / 1000) + RESET.minutes * 60,
  };
}

async function storeCode(db: Db, userId: string, issuedBy: 'email' | 'officer') {
  const code = newCode();
  await accountEntities(db)
    .ResetCode.build(PutItemCommand)
    .item(codeItem(userId, code, issuedBy))
    .send();
  return code;
}

/**
 * Asks for a code. An email account gets one by email; a phone-only account
 * is told to ask an officer. The answer is the same whether or not the
 * account exists (`{ sent: 'email-if-registered' | 'ask-officer' }` follows
 * only from what was typed).
 */
export const requestCode = fn(z.object({ identifier: identifierField }), async ({ identifier }, ctx) => {
  const id = parseIdentifier(identifier);
  if (!id) throw new ValidationError([{ path: 'identifier', code: 'auth.identifier.invalid' }]);
  if (ctx.client) await Limit.take(ctx.db, Limit.RULES.resetPerClient, ctx.client);
  await Limit.take(ctx.db, Limit.RULES.resetPerIdentifier, `${id.kind}:${id.value}`);
  if (id.kind === 'phone') return { sent: 'ask-officer' as const };
  const user = await userFor(ctx.db, id);
  if (user?.email) {
    const code = newCode();
    // The code and its email in one transaction: the stream sends the email (functions/src/events/mail-outbox.ts).
    await executeTransactWrite(
      accountEntities(ctx.db)
        .ResetCode.build(PutTransaction)
        .item(codeItem(user.id, code, 'email')),
      Mail.queueInTransaction(ctx.db, {
        to: user.email,
        subject: `Kode atur ulang kata sandi Bursa: ${code}`,
        text: [
          `Halo ${user.name},`,
          '',
          `Kode untuk mengatur ulang kata sandi akun Bursa Anda: ${code}`,
          `Kode berlaku ${RESET.minutes} menit dan hanya dapat dipakai sekali.`,
          'Jika Anda tidak meminta kode ini, abaikan email ini: kata sandi Anda tidak berubah.',
          '',
          `Your Bursa password reset code: ${code} (valid for ${RESET.minutes} minutes, single use).`,
        ].join('\n'),
      }),
    );
  }
  return { sent: 'email-if-registered' as const };
});

/** Officers issue a code to a person they have identified in person (phone-only accounts). */
export const issueCode = fn(z.object({ identifier: identifierField }), async ({ identifier }, ctx) => {
  requireSignedIn(ctx.actor);
  if (!isOfficer(ctx.actor)) throw forbidden('auth.reset.officer_only');
  const user = await userFor(ctx.db, parseIdentifier(identifier));
  if (!user) throw new ValidationError([{ path: 'identifier', code: 'auth.reset.no_account' }]);
  return { code: await storeCode(ctx.db, user.id, 'officer'), name: user.name, minutes: RESET.minutes };
});

const resetSchema = z.object({
  identifier: identifierField,
  code: z.string('auth.reset.invalid_code').check(z.trim(), z.regex(/^\d{6}$/, 'auth.reset.invalid_code')),
  password: z.pipe(z.string('account.password.min'), passwordSchema),
});

/** Sets a new password with a valid code; the code is spent and every session of the account ends. */
export const resetPassword = fn(resetSchema, async ({ identifier, code, password }, ctx: Ctx) => {
  const invalid = () => new ValidationError([{ path: 'code', code: 'auth.reset.invalid_code' }]);
  const user = await userFor(ctx.db, parseIdentifier(identifier));
  const { ResetCode, User } = accountEntities(ctx.db);
  const stored = user ? (await ResetCode.build(GetItemCommand).key({ userId: user.id }).send()).Item : undefined;
  const nowS = Math.floor(Date.now() / 1000);
  if (!user || !stored || stored.expiresAt <= nowS || stored.attempts >= RESET.tries) throw invalid();
  const given = Buffer.from(hashCode(user.id, code));
  if (!timingSafeEqual(given, Buffer.from(stored.codeHash))) {
    // Counted on condition the code is still the one checked: a code cannot be guessed past its tries.
    await ResetCode.build(UpdateItemCommand)
      .item({ userId: user.id, attempts: $add(1) })
      .options({ condition: { attr: 'codeHash', eq: stored.codeHash } })
      .send()
      .catch((e: unknown) => {
        if (!isConditionFailure(e)) throw e;
      });
    throw invalid();
  }
  const passwordHash = await hashPassword(password);
  try {
    await executeTransactWrite(
      // Single use: spent on condition nobody spent or replaced it meanwhile.
      ResetCode.build(DeleteTransaction)
        .key({ userId: user.id })
        .options({ condition: { attr: 'codeHash', eq: stored.codeHash } }),
      User.build(UpdateTransaction).item({ id: user.id, passwordHash, sessionEpoch: $add(1) }),
    );
  } catch (e) {
    if (isConditionFailure(e)) throw invalid();
    throw e;
  }
  return { reset: true as const };
});
