import { createHash, timingSafeEqual } from 'node:crypto';
import { BatchGetCommand, DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.ts';
import { DomainError } from '../kernel/errors.ts';
import { newToken } from '../kernel/ids.ts';
import type { Actor } from './roles.ts';
import { toUser, userKey } from './user.ts';

/**
 * Server-side sessions. The cookie holds `<userId>.<token>`; the table keeps
 * only a hash of the token, so a leaked table does not leak sessions.
 *   pk = SESSION#<sha256(token)>   sk = SESSION   userId, csrf, expiresAt (TTL)
 * Putting the user id in the cookie lets one BatchGetItem fetch the session and
 * the user together: one round trip per signed-in request.
 */
export const SESSION_DAYS = 30;

export type Session = { actor: Actor; csrf: string; tokenHash: string; expiresAt: number };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const sessionKey = (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' });

export async function createSession(
  db: Db,
  userId: string,
  now = Date.now(),
): Promise<{ cookieValue: string; csrf: string; maxAgeSeconds: number }> {
  const token = newToken();
  const csrf = newToken();
  const maxAgeSeconds = SESSION_DAYS * 24 * 3600;
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...sessionKey(hashToken(token)),
        type: 'Session',
        userId,
        csrf,
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000) + maxAgeSeconds,
      },
    }),
  );
  return { cookieValue: `${userId}.${token}`, csrf, maxAgeSeconds };
}

/** The session behind a cookie value, or undefined if it is missing, forged, ended or expired. */
export async function readSession(
  db: Db,
  cookieValue: string | undefined,
  now = Date.now(),
): Promise<Session | undefined> {
  if (!cookieValue) return undefined;
  const dot = cookieValue.indexOf('.');
  if (dot < 1 || cookieValue.length > 200) return undefined;
  const userId = cookieValue.slice(0, dot);
  const tokenHash = hashToken(cookieValue.slice(dot + 1));
  const out = await db.doc.send(
    new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: [sessionKey(tokenHash), userKey(userId)] } } }),
  );
  const items = out.Responses?.[db.tableName] ?? [];
  const session = items.find((i) => i.type === 'Session');
  const user = items.find((i) => i.type === 'User');
  // TTL deletion is lazy (and never happens in DynamoDB Local): check expiry ourselves.
  if (!session || !user || session.userId !== userId || (session.expiresAt as number) <= Math.floor(now / 1000))
    return undefined;
  const u = toUser(user);
  return {
    actor: { userId: u.id, name: u.name, roles: u.roles },
    csrf: session.csrf as string,
    tokenHash,
    expiresAt: session.expiresAt as number,
  };
}

export async function endSession(db: Db, session: Pick<Session, 'tokenHash'>): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: sessionKey(session.tokenHash) }));
}

/**
 * State-changing requests from a signed-in browser must carry the session's
 * CSRF token (a hidden form field or the x-csrf-token header).
 */
export function assertCsrf(session: Pick<Session, 'csrf'>, presented: string | undefined | null): void {
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(presented ?? '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new DomainError(
      'forbidden',
      'auth.csrf',
      'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.',
    );
  }
}
