import { GetItemCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { unauthenticated } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as Limit from '../limit/index.ts';
import { deviceOwner, deviceSubject, rememberDevice } from './account.device.ts';
import { accountEntities } from './account.entity.ts';
import { parseIdentifier } from './account.identifiers.ts';
import { verifyPassword } from './account.password.ts';
import { signInSchema } from './account.schema.ts';
import { createSession } from './account.session.ts';
import { toUser } from './account.use-cases.ts';

/**
 * How sign-in resists guessing without locking the owner out (docs/threat-model.md):
 * - Per account (by account id, so email and phone share it), not per identifier:
 *   a few free failures, then a growing wait before the next attempt
 *   (30 s, 1, 2, 4, 8 min, then 15 min each), forgotten a day after the last failure.
 *   No hard lockout: the owner can always try again after the wait.
 * - The attempt is claimed, and counted as a failure, BEFORE the password is
 *   checked, with a conditional write: of 50 parallel guesses exactly one is checked.
 * - A known device (one the owner signed in from before) has its own gate, so an
 *   attacker elsewhere never slows the owner's phone.
 * - Per network (IPv4 address, IPv6 /64): past 20 failures in 15 minutes, the
 *   network may no longer try accounts that already have failures; accounts with
 *   none, and known devices, still get in (carriers and fair Wi-Fi share addresses).
 */
export const SIGN_IN_POLICY = {
  freeFailures: 3,
  firstDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
} as const;

export function delayAfter(failures: number): number {
  const { freeFailures, firstDelaySeconds, maxDelaySeconds } = SIGN_IN_POLICY;
  if (failures <= freeFailures) return 0;
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** (failures - freeFailures - 1));
}

// Verifying against a fixed hash when the account does not exist keeps both answers equally slow.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Signs a person in with email or phone and password. */
export const signIn = fn(signInSchema, async ({ identifier, password, deviceToken }, ctx) => {
  const { db } = ctx;
  const id = parseIdentifier(identifier);
  const userId = id ? await findUserIdRaw(db, id) : undefined;
  // Unknown accounts get a gate too, keyed by what was typed, so they answer exactly like known ones.
  const subject = userId ?? `unknown:${id ? `${id.kind}:${id.value}` : identifier.trim().toLowerCase().slice(0, 100)}`;
  const knownDevice = Boolean(deviceToken && userId && (await deviceOwner(db, deviceToken)) === userId);
  const gateKey = { scope: 'signin', subject: knownDevice && deviceToken ? deviceSubject(deviceToken) : subject };
  const network = ctx.client ?? 'unknown';
  const [gate, networkCounter] = await Limit.read(db, [
    gateKey,
    { scope: Limit.RULES.signInFailuresPerClient.scope, subject: network },
  ]);
  const networkWait = Limit.overLimit(networkCounter, Limit.RULES.signInFailuresPerClient);
  if (networkWait && !knownDevice && (gate?.failures ?? 0) > 0)
    throw Limit.limited('auth.too_many_attempts', networkWait);
  await Limit.claimAttempt(db, gateKey, gate, {
    code: 'auth.too_many_attempts',
    delayAfter,
    forgetAfter: SIGN_IN_POLICY.forgetAfterSeconds,
  });
  const item = userId
    ? (await accountEntities(db).User.build(GetItemCommand).key({ id: userId }).send()).Item
    : undefined;
  const ok = await verifyPassword(password, item?.passwordHash ?? DUMMY_HASH);
  if (!item || !ok) {
    await Limit.count(db, Limit.RULES.signInFailuresPerClient, network);
    throw unauthenticated('auth.invalid_credentials');
  }
  await Limit.clear(db, gateKey);
  const [session, device] = await Promise.all([
    createSession(db, item.id, Date.now(), item.sessionEpoch ?? 0),
    knownDevice ? Promise.resolve(undefined) : rememberDevice(db, item.id),
  ]);
  return { user: toUser(item), ...session, ...(device ? { device } : {}) };
});

async function findUserIdRaw(db: Db, id: { kind: 'email' | 'phone'; value: string }) {
  return (await accountEntities(db).Login.build(GetItemCommand).key(id).send()).Item?.userId;
}
