import { createHash } from 'node:crypto';
import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { newToken } from '../kernel/ids.ts';
import { accountEntities } from './account.entity.ts';

/**
 * Known devices: after a successful sign-in the browser gets a long-lived
 * token (cookie `bursa_device`, set by the adapters) tied to that account.
 * A device the owner has signed in from is not slowed by what an attacker
 * does to the account elsewhere, nor by the network limit (a fair's shared
 * Wi-Fi): it has its own attempt gate. The table keeps only a hash.
 */
export const DEVICE_DAYS = 180;

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The account a device token was issued to, if it is valid and not expired. */
export async function deviceOwner(db: Db, token: string | undefined, now = Date.now()): Promise<string | undefined> {
  if (!token || token.length > 100) return undefined;
  const { Item } = await accountEntities(db)
    .Device.build(GetItemCommand)
    .key({ tokenHash: hash(token) })
    .send();
  return Item && Item.expiresAt > Math.floor(now / 1000) ? Item.userId : undefined;
}

/** A gate subject for this device (never the token itself). */
export const deviceSubject = (token: string) => `device:${hash(token).slice(0, 24)}`;

export async function rememberDevice(db: Db, userId: string, now = Date.now()) {
  const token = newToken();
  const maxAgeSeconds = DEVICE_DAYS * 24 * 3600;
  await accountEntities(db)
    .Device.build(PutItemCommand)
    .item({
      tokenHash: hash(token),
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + maxAgeSeconds,
    })
    .send();
  return { token, maxAgeSeconds };
}
