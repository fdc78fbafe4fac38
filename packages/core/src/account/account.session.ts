import { createHash, timingSafeEqual } from 'node:crypto';
import { BatchGetCommand, BatchGetRequest, DeleteItemCommand, executeBatchGet, PutItemCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import type { Actor, Role } from '../kernel/actor.ts';
import { forbidden } from '../kernel/errors.ts';
import { newToken } from '../kernel/ids.ts';
import { accountEntities } from './account.entity.ts';

/**
 * Server-side sessions. The cookie holds `<userId>.<token>`; the table keeps
 * only a hash of the token, so a leaked table does not leak sessions. Putting
 * the user id in the cookie lets one BatchGetItem fetch the session and the
 * user together: one round trip per signed-in request.
 */
export const SESSION_DAYS = 30;

export type Session = { actor: Actor; csrf: string; tokenHash: string; expiresAt: number };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, userId: string, now = Date.now(), epoch = 0) {
  const token = newToken();
  const csrf = newToken();
  const maxAgeSeconds = SESSION_DAYS * 24 * 3600;
  await accountEntities(db)
    .Session.build(PutItemCommand)
    .item({
      tokenHash: hashToken(token),
      userId,
      csrf,
      epoch,
      createdAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + maxAgeSeconds,
    })
    .send();
  return { cookieValue: `${userId}.${token}`, csrf, maxAgeSeconds };
}

/** The session behind a cookie value, or undefined if it is missing, forged, ended or expired. */
export async function readSession(db: Db, cookieValue: string | undefined, now = Date.now()) {
  if (!cookieValue) return undefined;
  const dot = cookieValue.indexOf('.');
  if (dot < 1 || cookieValue.length > 200) return undefined;
  const userId = cookieValue.slice(0, dot);
  const tokenHash = hashToken(cookieValue.slice(dot + 1));
  const { Session, User } = accountEntities(db);
  const out = await executeBatchGet(
    db.table
      .build(BatchGetCommand)
      .requests(Session.build(BatchGetRequest).key({ tokenHash }), User.build(BatchGetRequest).key({ id: userId })),
  );
  const [session, user] = out.Responses?.[0] ?? [];
  // TTL deletion is lazy (and never happens in DynamoDB Local): check expiry ourselves.
  if (!session || !user || session.userId !== userId || session.expiresAt <= Math.floor(now / 1000)) return undefined;
  // A password reset bumps the user's epoch: sessions started before it have ended.
  if ((session.epoch ?? 0) !== (user.sessionEpoch ?? 0)) return undefined;
  const result: Session = {
    actor: { userId: user.id, name: user.name, roles: [...user.roles].sort() as Role[] },
    csrf: session.csrf,
    tokenHash,
    expiresAt: session.expiresAt,
  };
  return result;
}

export async function endSession(db: Db, session: Pick<Session, 'tokenHash'>): Promise<void> {
  await accountEntities(db).Session.build(DeleteItemCommand).key({ tokenHash: session.tokenHash }).send();
}

/**
 * State-changing requests from a signed-in browser must carry the session's
 * CSRF token (a hidden form field or the x-csrf-token header).
 */
export function assertCsrf(session: Pick<Session, 'csrf'>, presented: string | undefined | null): void {
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(presented ?? '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw forbidden('auth.csrf');
}
